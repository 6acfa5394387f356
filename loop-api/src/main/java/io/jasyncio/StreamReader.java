/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The reading side of a stream connection, for tasks: {@link #read}, {@link #readline}, {@link #readexactly},
 * {@link #readuntil} suspend the current task until data arrives. Reading from the transport pauses while more than
 * twice the limit is buffered. Loop thread only.
 *
 * @asyncio asyncio.StreamReader
 */
public final class StreamReader {
    /** asyncio's default limit: 64 KiB. */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private final int limit;
    private final EventLoop loop;
    private byte[] buffer = new byte[1024];
    private int size;
    private boolean eof;
    private Future<Void> waiter;
    private Throwable exception;
    private Transport transport;
    private boolean paused;

    /**
     * A reader with the default limit.
     *
     * @param loop the loop
     */
    public StreamReader(EventLoop loop) {
        this(loop, DEFAULT_LIMIT);
    }

    /**
     * A reader.
     *
     * @param loop the loop
     * @param limit the buffer limit for readline/readuntil, greater than 0
     */
    public StreamReader(EventLoop loop, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        this.loop = loop;
        this.limit = limit;
    }

    // ---------------------------------------------------------------- fed by the protocol

    /**
     * Sets the transport whose reading this reader pauses and resumes.
     *
     * @param t the transport
     */
    public void setTransport(Transport t) {
        transport = t;
    }

    /**
     * Adds received bytes.
     *
     * @param data the bytes
     * @asyncio StreamReader.feed_data(data)
     */
    public void feedData(ByteBuffer data) {
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        ensureCapacity(size + n);
        data.duplicate().get(buffer, size, n);
        size += n;
        wakeupWaiter();
        if (transport != null && !paused && size > 2 * limit) {
            transport.pauseReading();
            paused = true;
        }
    }

    /**
     * Marks the end of the stream.
     *
     * @asyncio StreamReader.feed_eof()
     */
    public void feedEof() {
        eof = true;
        wakeupWaiter();
    }

    /**
     * Fails the waiting and later reads.
     *
     * @param exc the error
     * @asyncio StreamReader.set_exception(exc)
     */
    public void setException(Throwable exc) {
        exception = exc;
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.cancelled()) {
                w.setException(exc);
            }
        }
    }

    /**
     * Whether the stream has ended and the buffer is empty.
     *
     * @return {@code true} at the end
     * @asyncio StreamReader.at_eof()
     */
    public boolean atEof() {
        return eof && size == 0;
    }

    /**
     * The error that ended the stream.
     *
     * @return the error or {@code null}
     * @asyncio StreamReader.exception()
     */
    public Throwable exception() {
        return exception;
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads up to {@code n} bytes; with {@code n < 0}, reads until the end of the stream.
     *
     * @param n the maximum, or -1 for all
     * @return the bytes; empty at the end of the stream
     * @asyncio await StreamReader.read(n=-1)
     */
    public byte[] read(int n) {
        throwIfFailed();
        if (n == 0) {
            return new byte[0];
        }
        if (n < 0) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            while (true) {
                byte[] block = read(limit);
                if (block.length == 0) {
                    return all.toByteArray();
                }
                all.writeBytes(block);
            }
        }
        if (size == 0 && !eof) {
            waitForData("read");
        }
        return consume(Math.min(n, size));
    }

    /**
     * Reads a line ending in {@code \n}; at the end of the stream, the partial line (maybe empty).
     *
     * @return the line, with its separator
     * @throws IllegalArgumentException (asyncio's ValueError) when the limit is reached before a separator
     * @asyncio await StreamReader.readline()
     */
    public byte[] readline() {
        try {
            return readuntil(new byte[] {'\n'});
        } catch (IncompleteReadError e) {
            return e.partial();
        } catch (LimitOverrunError e) {
            int sep = indexOf(new byte[] {'\n'}, e.consumed());
            consume(sep >= 0 ? sep + 1 : size);
            maybeResume();
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @param n the count
     * @return the bytes
     * @throws IncompleteReadError if the stream ends first, with the partial bytes
     * @asyncio await StreamReader.readexactly(n)
     */
    public byte[] readexactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("readexactly size can not be less than zero");
        }
        throwIfFailed();
        if (n == 0) {
            return new byte[0];
        }
        while (size < n) {
            if (eof) {
                byte[] partial = consume(size);
                throw new IncompleteReadError(partial, n);
            }
            waitForData("readexactly");
        }
        return consume(n);
    }

    /**
     * Reads up to and including a separator.
     *
     * @param separator the separator, not empty
     * @return the bytes, separator included
     * @throws IncompleteReadError if the stream ends first (the partial bytes are consumed)
     * @throws LimitOverrunError if the limit is reached first (nothing is consumed)
     * @asyncio await StreamReader.readuntil(separator=b'\n')
     */
    public byte[] readuntil(byte[] separator) {
        int seplen = separator.length;
        if (seplen == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        throwIfFailed();
        int offset = 0;
        while (true) {
            if (size - offset >= seplen) {
                int isep = indexOf(separator, offset);
                if (isep >= 0) {
                    if (isep > limit) {
                        throw new LimitOverrunError("Separator is found, but chunk is longer than limit", isep);
                    }
                    return consume(isep + seplen);
                }
                offset = size + 1 - seplen;
                if (offset > limit) {
                    throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
                }
            }
            if (eof) {
                byte[] chunk = consume(size);
                throw new IncompleteReadError(chunk, -1);
            }
            waitForData("readuntil");
        }
    }

    private int indexOf(byte[] sep, int from) {
        outer:
        for (int i = Math.max(0, from); i <= size - sep.length; i++) {
            for (int j = 0; j < sep.length; j++) {
                if (buffer[i + j] != sep[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void waitForData(String funcName) {
        if (waiter != null) {
            throw new IllegalStateException(funcName + "() called while another coroutine is already waiting for "
                    + "incoming data");
        }
        if (paused) {
            paused = false;
            int before = size;
            boolean eofBefore = eof;
            transport.resumeReading(); // may deliver data held back by the transport, synchronously
            if (size != before || eof != eofBefore || exception != null) {
                return; // the caller checks its condition again
            }
        }
        waiter = loop.createFuture();
        try {
            Asyncio.await(waiter);
        } finally {
            waiter = null;
        }
    }

    private void wakeupWaiter() {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.cancelled()) {
                w.setResult(null);
            }
        }
    }

    private byte[] consume(int n) {
        byte[] out = Arrays.copyOfRange(buffer, 0, n);
        System.arraycopy(buffer, n, buffer, 0, size - n);
        size -= n;
        maybeResume();
        return out;
    }

    private void maybeResume() {
        if (paused && size <= limit) {
            paused = false;
            transport.resumeReading();
        }
    }

    private void throwIfFailed() {
        if (exception != null) {
            throw Asyncio.<RuntimeException>sneaky(exception);
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }

    @Override
    public String toString() {
        return "<StreamReader " + size + " bytes" + (eof ? " eof" : "") + (limit != DEFAULT_LIMIT ? " limit=" + limit
                : "") + (waiter != null ? " waiter" : "") + (exception != null ? " exception=" + exception : "")
                + (paused ? " paused" : "") + ">";
    }
}
