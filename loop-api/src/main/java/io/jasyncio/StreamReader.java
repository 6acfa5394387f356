/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.ByteBuffer;

/**
 * The reading side of a stream connection, for tasks: {@link #read}, {@link #readline}, {@link #readexactly},
 * {@link #readuntil} suspend the current task until data arrives. Reading from the transport pauses while more than
 * twice the limit is buffered. Iterating reads lines (as {@code async for line in reader}) until the end of the
 * stream. Loop thread only.
 *
 * <p>Copies and memory: a read that waits when bytes arrive ({@code read}, {@code readexactly}) takes its answer
 * straight from them when they complete it: one copy, from the transport's buffer (for a connection's stream, Netty's,
 * with no view made) into the array returned, and only the bytes after it go to the reader's buffer; {@code readinto}
 * does the same into the caller's buffer. A waiting {@code readline} ({@code readuntil} of one one-byte separator)
 * searches only the bytes that arrive, in the reader's array (eight bytes a step), and is woken only when they hold
 * its separator or pass the limit; bytes that end in its separator, arriving at an empty reader, are copied once,
 * into the array returned when they are one line. The buffer holds no array until bytes must wait in it, and a reader found empty a
 * second after it began to wait lets go of its array: an idle connection holds none. A message longer than one read
 * of the transport is buffered until its end comes.
 *
 * @asyncio asyncio.StreamReader
 */
public final class StreamReader extends ReaderBuffer implements Iterable<byte[]> {
    /** asyncio's default limit: 64 KiB. */
    public static final int DEFAULT_LIMIT = 64 * 1024;
    private static final byte[] NEWLINE = {'\n'};
    /** readline's separators, made once: no varargs array per line. */
    private static final byte[][] NEWLINE_ONLY = {NEWLINE};

    final int limit;
    private final EventLoop loop;
    // The buffered bytes, buffer[start, start + size), and their array are ReaderBuffer's.
    private boolean eof;
    Future<Void> waiter;
    /**
     * The waiter of the last wait, kept for the next one: a wait makes no future (see {@link #nextWaiter}). Set only
     * once the task that waited on it has resumed, so that another task's wait cannot reset it under the first.
     */
    private Future<Void> spareWaiter;
    private Throwable exception;
    private Transport transport;
    private boolean paused;
    /**
     * The buffer of a readinto waiting for data: bytes that arrive while the reader's own buffer is empty are copied
     * straight into it, not through the reader's buffer. {@code intoDelivered} counts them. See {@link ReaderTakes}.
     */
    ByteBuffer intoTarget;
    int intoDelivered;
    /**
     * What the waiting read, with nothing buffered (or, for readexactly and readline, only the start of its answer),
     * takes from the bytes that arrive: {@link ReaderTakes#UP_TO} {@code takeArg} bytes (read),
     * {@link ReaderTakes#EXACTLY} {@code takeArg} bytes (readexactly), {@link ReaderTakes#THROUGH} the byte
     * {@code takeArg} (readline). The answer is made straight from the transport's bytes into {@code taken} (one copy,
     * the buffer's array not needed), except readline's, which is cut from the buffer once the bytes just buffered
     * hold its separator. See {@link ReaderTakes}.
     */
    byte takeMode;
    int takeArg;
    byte[] taken;

    /**
     * A reader with the default limit on the running loop.
     *
     * @throws IllegalStateException "There is no current event loop" outside a running loop
     * @asyncio asyncio.StreamReader()
     */
    public StreamReader() {
        this(currentLoop(), DEFAULT_LIMIT);
    }

    /**
     * A reader on the running loop.
     *
     * @param limit the buffer limit for readline/readuntil, greater than 0
     * @throws IllegalStateException "There is no current event loop" outside a running loop
     * @asyncio asyncio.StreamReader(limit=limit)
     */
    public StreamReader(int limit) {
        this(currentLoop(), limit);
    }

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
        this.loop = java.util.Objects.requireNonNull(loop, "loop");
        this.limit = limit;
    }

    static EventLoop currentLoop() {
        EventLoop running = io.jasyncio.internal.BaseEventLoop.runningLoop();
        if (running == null) {
            throw new IllegalStateException("There is no current event loop: create the stream inside a running loop, "
                    + "or pass the loop");
        }
        return running;
    }

    /**
     * The loop this reader wakes its readers on.
     *
     * @return the loop
     */
    public EventLoop getLoop() {
        return loop;
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
        if (data.hasRemaining()) {
            feed(io.jasyncio.internal.ReceivedBytes.of(data)); // absolute reads: the caller's position stays
        }
    }

    /**
     * Adds received bytes, read in place: a waiting read takes its answer straight from them, and only the rest is
     * copied into the buffer.
     *
     * @param data the bytes, valid during the call only
     */
    void feed(io.jasyncio.internal.ReceivedBytes data) {
        int n = data.length();
        if (n == 0) {
            return;
        }
        int from = 0;
        boolean wants = ReaderTakes.waiterWantsData(this);
        boolean through = wants && takeMode == ReaderTakes.THROUGH;
        if (through && size == 0 && n <= limit + 1 && data.byteAt(n - 1) == (byte) takeArg) {
            ReaderTakes.takeLines(this, data, n);
            return;
        }
        if (wants && !through) {
            int direct = intoTarget != null ? ReaderTakes.deliverInto(this, data, n) : ReaderTakes.take(this, data, n);
            from += direct;
            n -= direct;
        }
        int searched = size;
        if (n > 0) {
            if (takeMode == ReaderTakes.EXACTLY && size == 0 && takeArg <= limit && taken == null) {
                ensureCapacity(takeArg); // readexactly's answer will be this array, handed over when it is full
            }
            append(data, from, n);
        }
        if (through && !ReaderTakes.takeThrough(this, searched) && size <= limit) {
            return; // no separator yet, and under the limit: the waiting readline would only look and wait again
        }
        wakeupWaiter();
        if (transport != null && !paused && size > 2 * limit) {
            try {
                transport.pauseReading();
                paused = true;
            } catch (UnsupportedOperationException e) {
                transport = null; // a transport that cannot pause: asyncio's NotImplementedError
            }
        }
    }

    /**
     * Adds received bytes.
     *
     * @param data the bytes (copied)
     * @asyncio StreamReader.feed_data(data)
     */
    public void feedData(byte[] data) {
        feedData(ByteBuffer.wrap(data));
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
     * The error that ended the stream: for a stream of a connection, the {@link OSError} its transport lost the
     * connection with ({@link ConnectionResetError} after a reset).
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
     * @throws ConnectionResetError once the peer reset the connection (another {@link OSError}, such as an
     *     {@link SSLError}, for other failures of the connection): the error the stream was failed with
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
            byte[] answer = ReaderTakes.waitTaking(this, "read", ReaderTakes.UP_TO, n);
            if (answer != null) {
                return answer;
            }
        }
        return consume(Math.min(n, size));
    }

    /**
     * Reads up to {@code dst.remaining()} bytes into {@code dst}, from inside a task: waits until at least one byte is
     * buffered or the stream ends, then copies what is buffered, as much as fits. {@code dst}'s position moves past
     * the bytes; its limit stays. No array is made: a relay or a proxy reading into one buffer it keeps allocates
     * nothing per read, where {@link #read(int)} makes a new array each time.
     *
     * <p>asyncio's StreamReader has no {@code readinto} (it was proposed as bpo-41305); this one has the semantics of
     * {@code read(dst.remaining())} and Python's {@code io.RawIOBase.readinto}.
     *
     * @param dst where the bytes go
     * @return the number of bytes read; 0 at the end of the stream, or when {@code dst} has no room (then without
     *     waiting)
     * @throws java.nio.ReadOnlyBufferException for a read-only {@code dst}, before anything is taken from the stream
     * @throws IllegalStateException when another task is already waiting on this reader, or outside a task
     * @throws ConnectionResetError once the peer reset the connection (another {@link OSError}, such as an
     *     {@link SSLError}, for other failures of the connection): the error the stream was failed with
     */
    public int readinto(ByteBuffer dst) {
        if (dst.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        throwIfFailed();
        if (!dst.hasRemaining()) {
            return 0;
        }
        int got = 0;
        if (size == 0 && !eof) {
            got = ReaderTakes.waitInto(this, dst);
        }
        int n = Math.min(dst.remaining(), size);
        dst.put(buffer, start, n);
        drop(n);
        return got + n;
    }

    /**
     * Reads a line ending in {@code \n}; at the end of the stream, the partial line (maybe empty).
     *
     * @return the line, with its separator
     * @throws IllegalArgumentException (asyncio's ValueError) when the limit is reached before a separator; the line
     *     and its separator are dropped (or the whole buffer when no separator was found)
     * @throws ConnectionResetError once the peer reset the connection (another {@link OSError}, such as an
     *     {@link SSLError}, for other failures of the connection): the error the stream was failed with
     * @asyncio await StreamReader.readline()
     */
    public byte[] readline() {
        try {
            return readuntil(NEWLINE_ONLY);
        } catch (IncompleteReadError e) {
            return e.partial();
        } catch (LimitOverrunError e) {
            if (startsWith(NEWLINE, e.consumed())) {
                consume(e.consumed() + NEWLINE.length);
            } else {
                size = 0;
                start = 0;
                maybeResume();
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @param n the count
     * @return the bytes
     * @throws IncompleteReadError if the stream ends first, with the partial bytes
     * @throws ConnectionResetError once the peer reset the connection (another {@link OSError}, such as an
     *     {@link SSLError}, for other failures of the connection): the error the stream was failed with
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
            byte[] answer = ReaderTakes.waitTaking(this, "readexactly", ReaderTakes.EXACTLY, n);
            if (answer != null) {
                return answer;
            }
        }
        return consume(n);
    }

    /**
     * Reads up to and including {@code \n}.
     *
     * @return the bytes, separator included
     * @throws IncompleteReadError if the stream ends first (the partial bytes are consumed)
     * @throws LimitOverrunError if the limit is reached first (nothing is consumed)
     * @throws ConnectionResetError once the peer reset the connection (another {@link OSError}, such as an
     *     {@link SSLError}, for other failures of the connection): the error the stream was failed with
     * @asyncio await StreamReader.readuntil()
     */
    public byte[] readuntil() {
        return readuntil(NEWLINE_ONLY);
    }

    /**
     * Reads up to and including a separator; with several separators, up to the one whose match ends first (the
     * shortest on a tie).
     *
     * @param separators the separators, at least one, none empty
     * @return the bytes, separator included
     * @throws IllegalArgumentException "Separator should contain at least one element" with none, "Separator should
     *     be at least one-byte string" with an empty one
     * @throws IncompleteReadError if the stream ends first (the partial bytes are consumed)
     * @throws LimitOverrunError if the limit is reached first (nothing is consumed)
     * @throws ConnectionResetError once the peer reset the connection (another {@link OSError}, such as an
     *     {@link SSLError}, for other failures of the connection): the error the stream was failed with
     * @asyncio await StreamReader.readuntil(separator=b'\n') (3.13: a tuple of separators)
     */
    public byte[] readuntil(byte[]... separators) {
        if (separators.length == 0) {
            throw new IllegalArgumentException("Separator should contain at least one element");
        }
        int minSeplen = Integer.MAX_VALUE;
        int maxSeplen = 0;
        for (byte[] sep : separators) {
            minSeplen = Math.min(minSeplen, sep.length);
            maxSeplen = Math.max(maxSeplen, sep.length);
        }
        if (minSeplen == 0) {
            throw new IllegalArgumentException("Separator should be at least one-byte string");
        }
        throwIfFailed();
        // Where the next search starts: bytes before it cannot begin a separator.
        int offset = 0;
        while (true) {
            if (size - offset >= minSeplen) {
                int matchStart = -1;
                int matchEnd = Integer.MAX_VALUE;
                for (byte[] sep : separators) {
                    int isep = indexOf(sep, offset);
                    int end = isep + sep.length;
                    // The match that ends first; on a tie the shortest separator, as asyncio's sorted search.
                    if (isep >= 0 && (end < matchEnd || end == matchEnd && isep > matchStart)) {
                        matchEnd = end;
                        matchStart = isep;
                    }
                }
                if (matchStart >= 0) {
                    if (matchStart > limit) {
                        throw new LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart);
                    }
                    return consume(matchEnd);
                }
                offset = Math.max(0, size + 1 - maxSeplen);
                if (offset > limit) {
                    throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
                }
            }
            // The last chunk may have completed a separator: EOF is checked after the search.
            if (eof) {
                byte[] chunk = consume(size);
                throw new IncompleteReadError(chunk, -1);
            }
            if (separators.length == 1 && separators[0].length == 1) {
                byte[] answer = ReaderTakes.waitTaking(this, "readuntil", ReaderTakes.THROUGH, separators[0][0]);
                if (answer != null) {
                    return answer;
                }
            } else {
                waitForData("readuntil");
            }
        }
    }

    /**
     * The lines to come, each read with {@link #readline()} when the iteration asks for it (suspending the current
     * task), until the end of the stream.
     *
     * @return an iterator over the lines, separators included
     * @asyncio async for line in reader (StreamReader.__aiter__ / __anext__)
     */
    @Override
    public java.util.Iterator<byte[]> iterator() {
        return new java.util.Iterator<>() {
            private byte[] next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = readline();
                }
                return next.length > 0;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException("the stream has ended");
                }
                byte[] line = next;
                next = null;
                return line;
            }
        };
    }

    void checkNoWaiter(String funcName) {
        if (waiter != null) {
            throw new IllegalStateException(funcName + "() called while another coroutine is already waiting for "
                    + "incoming data");
        }
    }

    void waitForData(String funcName) {
        checkNoWaiter(funcName);
        beforeWait(loop);
        if (paused) {
            paused = false;
            int before = size;
            boolean eofBefore = eof;
            transport.resumeReading(); // may deliver data held back by the transport, synchronously
            if (size != before || intoDelivered > 0 || taken != null || eof != eofBefore || exception != null) {
                return; // the caller checks its condition again
            }
        }
        Future<Void> w = nextWaiter();
        waiter = w;
        try {
            Asyncio.await(w);
        } finally {
            if (waiter == w) {
                waiter = null; // not another task's: one that began to wait while this one was being woken
            }
            spareWaiter = w; // the task has its outcome: the next wait may reuse it
        }
    }

    /**
     * The future to wait on: the last wait's, pending again, unless someone else may still look at it (see
     * {@link Future#resetForReuse}); a new one in debug mode, where each records where it was made.
     */
    private Future<Void> nextWaiter() {
        Future<Void> w = spareWaiter;
        spareWaiter = null;
        if (w != null && !loop.getDebug() && w.resetForReuse()) {
            return w;
        }
        return loop.createFuture();
    }

    void wakeupWaiter() {
        Future<Void> w = waiter;
        if (w != null) {
            waiter = null;
            if (!w.cancelled()) {
                w.setResult(null);
            }
        }
    }

    /** Takes the first {@code n} buffered bytes out, and resumes reading once the buffer is back under the limit. */
    byte[] consume(int n) {
        byte[] out = removeFirst(n);
        maybeResume();
        return out;
    }

    /** Drops the first {@code n} buffered bytes, and resumes reading once the buffer is back under the limit. */
    private void drop(int n) {
        skip(n);
        maybeResume();
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

    /**
     * asyncio's repr: {@code <StreamReader 4 bytes eof limit=123 waiter=... exception=... transport=... paused>}, each
     * part only when it applies.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<StreamReader");
        if (size > 0) {
            sb.append(' ').append(size).append(" bytes");
        }
        if (eof) {
            sb.append(" eof");
        }
        if (limit != DEFAULT_LIMIT) {
            sb.append(" limit=").append(limit);
        }
        if (waiter != null) {
            sb.append(" waiter=").append(waiter);
        }
        if (exception != null) {
            sb.append(" exception=").append(exception);
        }
        if (transport != null) {
            sb.append(" transport=").append(transport);
        }
        if (paused) {
            sb.append(" paused");
        }
        return sb.append('>').toString();
    }
}
