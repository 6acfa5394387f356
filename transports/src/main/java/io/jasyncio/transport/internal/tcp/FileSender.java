/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.Future;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.DefaultFileRegion;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code loop.sendfile}: a file's bytes to a stream transport, after what was written before and before what is
 * written after. Zero-copy where the channel takes a {@link DefaultFileRegion} (the kernel's {@code sendfile(2)} on
 * epoll and NIO); otherwise, and always under TLS, which must see the bytes to encrypt them, asyncio's fallback: the
 * file is read in chunks, one chunk written at a time, the next read when the socket took the previous one.
 *
 * <p>Threading: loop thread only.
 */
final class FileSender {
    /** asyncio's fallback chunk: {@code constants.SENDFILE_FALLBACK_READBUFFER_SIZE} is 256 KiB. */
    private static final int CHUNK = 256 * 1024;

    private final Channel channel;
    private final Path file;
    private final long offset;
    private final long count;
    private final Future<Long> result;
    private final Runnable finished;
    private FileChannel reader;
    /** Fallback: the bytes to send, and those the socket took. */
    private long total;
    private long sent;

    private FileSender(Channel channel, Path file, long offset, long count, Future<Long> result, Runnable finished) {
        this.channel = channel;
        this.file = file;
        this.offset = offset;
        this.count = count;
        this.result = result;
        this.finished = finished;
    }

    /**
     * asyncio's {@code sendfile} on a transport: checks the call, then sends the file on the loop's thread (at once on
     * it, else at the loop's next run), after what was written before; writes wait until it is sent.
     *
     * @param t the transport
     * @param file the file
     * @param offset where to start, at least 0
     * @param count how many bytes at most (positive), or -1 for all to the end of the file
     * @return a future of the number of bytes sent
     * @throws IllegalArgumentException asyncio's ValueError for a negative offset or a count of 0 or less
     * @throws IllegalStateException asyncio's RuntimeError: the transport is closing, its write side was closed, or
     *     a sendfile is in progress
     */
    static Future<Long> start(TcpTransport t, Path file, long offset, long count) {
        checkArguments(offset, count);
        Channel channel = t.channel();
        if (t.state.closing() || channel == null || !channel.isActive()) {
            throw new IllegalStateException("Transport is closing");
        }
        if (t.eof) {
            throw new IllegalStateException("Cannot call sendfile() after write_eof()");
        }
        if (t.sendfileInProgress) {
            throw new IllegalStateException("unable to sendfile; sendfile is in progress");
        }
        t.sendfileInProgress = true;
        Future<Long> result = t.loop().createFuture();
        Runnable start = () -> {
            OffLoopWrites.flushFirst(t);
            t.flushingAll(); // the file's write flushes what this read batch wrote
            send(channel, t.tls.encrypted(), file, offset, count, result, () -> t.sendfileInProgress = false);
        };
        if (channel.eventLoop().inEventLoop()) {
            start.run();
        } else {
            channel.eventLoop().execute(start); // at the loop's next run, after what was written before
        }
        return result;
    }

    /**
     * asyncio's checks of {@code sendfile}'s arguments.
     *
     * @param offset where to start
     * @param count how many bytes, or -1 for all
     * @throws IllegalArgumentException asyncio's ValueError for a negative offset or a count of 0 or less
     */
    private static void checkArguments(long offset, long count) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be a non-negative integer (got " + offset + ")");
        }
        if (count == 0 || count < -1) {
            throw new IllegalArgumentException("count must be a positive integer (got " + count + ")");
        }
    }

    /**
     * Sends {@code count} bytes of {@code file} from {@code offset} (fewer if the file ends first).
     *
     * @param channel the connected channel
     * @param encrypted whether TLS encrypts the channel (no zero-copy then)
     * @param file the file
     * @param offset where to start
     * @param count how many bytes at most, or -1 for all to the end
     * @param result completed with the number of bytes sent
     * @param finished run just before the result is set
     */
    private static void send(Channel channel, boolean encrypted, Path file, long offset, long count, Future<Long> result,
            Runnable finished) {
        FileSender sender = new FileSender(channel, file, offset, count, result, finished);
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (IOException e) {
            sender.fail(e);
            return;
        }
        long n = Math.max(0, count < 0 ? size - offset : Math.min(count, size - offset));
        if (n == 0) {
            sender.succeed(0);
        } else if (encrypted) {
            sender.fallback(n);
        } else {
            sender.zeroCopy(n);
        }
    }

    private void succeed(long n) {
        closeReader();
        finished.run();
        if (!result.done()) {
            result.setResult(n);
        }
    }

    private void fail(Throwable t) {
        closeReader();
        finished.run();
        if (!result.done()) {
            result.setException(io.jasyncio.transport.internal.OsErrors.of(t));
        }
    }

    private void zeroCopy(long n) {
        channel.writeAndFlush(new DefaultFileRegion(file.toFile(), offset, n)).addListener(f -> {
            if (f.isSuccess()) {
                succeed(n);
            } else if (f.cause() instanceof UnsupportedOperationException) {
                fallback(n); // the channel takes no file region: nothing was sent
            } else {
                fail(f.cause());
            }
        });
    }

    private void fallback(long n) {
        total = n;
        try {
            reader = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            fail(e);
            return;
        }
        next();
    }

    /** Reads and writes the next chunk; called again when the socket took it. */
    private void next() {
        if (result.done()) { // cancelled
            fail(new io.jasyncio.CancelledError());
            return;
        }
        if (sent == total) {
            succeed(sent);
            return;
        }
        int n = (int) Math.min(CHUNK, total - sent);
        ByteBuf buf = channel.alloc().ioBuffer(n);
        try {
            int read = 0;
            while (read < n) {
                int r = buf.writeBytes(reader, offset + sent + read, n - read);
                if (r < 0) {
                    break; // the file shrank: send what there is
                }
                read += r;
            }
            if (read == 0) {
                buf.release();
                succeed(sent);
                return;
            }
        } catch (IOException e) {
            buf.release();
            fail(e);
            return;
        }
        int chunk = buf.readableBytes();
        channel.writeAndFlush(buf).addListener(f -> {
            if (f.isSuccess()) {
                sent += chunk;
                next();
            } else {
                fail(f.cause());
            }
        });
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only: nothing was lost
            }
            reader = null;
        }
    }
}
