/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.jasyncio.BaseProtocol;
import io.jasyncio.Errno;
import io.jasyncio.OSError;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.OsErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * asyncio's {@code _UnixWritePipeTransport}: the write end of a pipe. {@code write} copies the bytes into a queue
 * that a thread of its own writes to the pipe in blocking mode; the bytes count in the write buffer until that
 * thread has written them, so the protocol's {@code pauseWriting}/{@code resumeWriting} and
 * {@code StreamWriter.drain()} follow what the reader of the pipe really takes.
 *
 * <p>A failed write (the reader has gone: {@code EPIPE}) ends the transport with {@link io.jasyncio.BrokenPipeError};
 * {@code writeEof} and {@code close} close the pipe once the queue is written; {@code abort} drops the queue, and the
 * pipe is closed once a write under way returns.
 */
public final class WritePipeTransport extends AbstractWritePipe {
    private static final byte[] END = new byte[0];

    private final OutputStream out;
    private final String name;
    // Threading: any thread.
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean writtenPosted = new AtomicBoolean();
    private volatile boolean aborted;
    private final Runnable onWritten = this::onWritten;

    /**
     * A write pipe transport; {@link #start} schedules {@code connectionMade} and starts the writer thread.
     *
     * @param loop the loop
     * @param protocol the protocol
     * @param pipe what {@code getExtraInfo("pipe")} returns
     * @param out the stream to write
     * @param name the writer thread's name
     */
    public WritePipeTransport(BaseEventLoop loop, BaseProtocol protocol, Object pipe, OutputStream out, String name) {
        super(loop, protocol, pipe);
        this.out = out;
        this.name = name;
    }

    /** Starts the writer thread; what was written before waits in the queue. */
    @Override
    void startIo() {
        Thread.ofPlatform().daemon().name(name).stackSize(PipeTransport.STACK_SIZE).start(this::writeLoop);
    }

    private void writeLoop() {
        try {
            while (true) {
                byte[] chunk = queue.take();
                if (aborted) {
                    out.close();
                    return;
                }
                if (chunk == END) {
                    out.close();
                    post(() -> callConnectionLost(null));
                    return;
                }
                out.write(chunk);
                out.flush();
                written.addAndGet(chunk.length);
                if (writtenPosted.compareAndSet(false, true)) {
                    post(onWritten);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!aborted) {
                post(() -> writeFailed(e));
            }
            try {
                out.close();
            } catch (IOException ignored) {
                // the pipe is broken already
            }
        }
    }

    private void post(Runnable r) {
        try {
            loop.callSoonThreadsafe(r);
        } catch (IllegalStateException closed) {
            aborted = true;
        }
    }

    private void onWritten() {
        writtenPosted.set(false);
        long n = written.getAndSet(0);
        if (lost || aborted) {
            return;
        }
        bufferSize = Math.max(0, bufferSize - n);
        maybeResume();
    }

    private void writeFailed(Throwable e) {
        if (!lost && !aborted) {
            // The JDK closes a child's stdin stream when the child exits: that is the reader gone, EPIPE.
            Throwable exc = e instanceof IOException && "Stream closed".equals(e.getMessage())
                    ? OSError.of(Errno.EPIPE, Errno.strerror(Errno.EPIPE), e) : OsErrors.of(e);
            fatalError(exc, "Fatal write error on pipe transport");
        }
    }

    /**
     * The reader of the pipe is gone (the child exited): with nothing left to write, the transport closes, as
     * asyncio's does when the poller reports the write end's peer closed; queued bytes will fail with
     * {@link io.jasyncio.BrokenPipeError} when the writer thread tries them.
     */
    @Override
    void readerGone() {
        if (!closing && !lost && bufferSize == 0) {
            forceClose(null);
        }
    }

    @Override
    public void write(ByteBuffer data) {
        if (dropWrite()) {
            return;
        }
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        byte[] copy = new byte[n];
        data.duplicate().get(copy);
        bufferSize += n;
        queue.add(copy);
        maybePause();
    }

    @Override
    public void writeEof() {
        if (closing) {
            return;
        }
        closing = true;
        queue.add(END);
    }

    @Override
    void forceClose(Throwable exc) {
        closing = true;
        aborted = true;
        queue.clear();
        bufferSize = 0;
        queue.add(END); // wakes an idle writer, which then closes the pipe
        loop.callSoon(() -> callConnectionLost(exc));
    }

    @Override
    void closePipe() {
        if (pipe instanceof Channel ch) {
            try {
                ch.close(); // also interrupts a write under way
            } catch (IOException ignored) {
                // closing a pipe that failed: nothing left to do
            }
        }
        // A Process stream is closed by the writer thread: closing it here could wait for a write under way.
    }

    @Override
    public String toString() {
        return "<WritePipeTransport " + name + (closing ? " closing" : " open") + " bufsize=" + bufferSize + ">";
    }
}
