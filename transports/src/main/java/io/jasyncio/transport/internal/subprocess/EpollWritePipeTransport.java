/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.jasyncio.BaseProtocol;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.OsErrors;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * asyncio's {@code _UnixWritePipeTransport} on epoll: the parent's non-blocking end of a pipe, registered with the
 * loop's Netty epoll instance. {@code write} writes at once what the pipe takes and buffers the rest, then waits for
 * {@code EPOLLOUT}; epoll's {@code EPOLLERR} on the write end tells that the reader has gone even with nothing to
 * write, as asyncio's reader on the write end does. Loop thread only.
 */
final class EpollWritePipeTransport extends AbstractWritePipe implements EpollIoHandle {
    private static final int CHUNK = 64 * 1024;

    private final EpollPipeRegistration reg;
    private final String name;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private ByteBuffer direct;
    private boolean wantOut;

    EpollWritePipeTransport(BaseEventLoop loop, IoEventLoop io, BaseProtocol protocol, FileDescriptor fd,
            String name) {
        super(loop, protocol, fd);
        this.reg = new EpollPipeRegistration(io, fd);
        this.name = name;
    }

    @Override
    public FileDescriptor fd() {
        return reg.fd();
    }

    /** Registers the descriptor: no interest but the errors until a write must wait. */
    @Override
    void startIo() {
        reg.register(this, () -> lost, () -> wantOut ? EpollIoOps.EPOLLOUT : EpollIoOps.NONE,
                cause -> fatalError(OsErrors.of(cause), "Fatal write error on pipe transport"));
    }

    @Override
    public void write(ByteBuffer data) {
        if (dropWrite()) {
            return;
        }
        if (!data.hasRemaining()) {
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        pending.add(copy);
        bufferSize += copy.remaining();
        if (pending.size() == 1 && !flush()) {
            return;
        }
        maybePause();
    }

    /**
     * Writes what the pipe takes now.
     *
     * @return {@code false} when the transport failed
     */
    private boolean flush() {
        if (direct == null) {
            direct = ByteBuffer.allocateDirect(CHUNK);
        }
        try {
            while (!pending.isEmpty()) {
                ByteBuffer head = pending.peek();
                int n = Math.min(head.remaining(), CHUNK);
                direct.clear();
                direct.put(0, head, head.position(), n);
                int written = reg.fd().write(direct, 0, n);
                if (written <= 0) {
                    break; // EAGAIN: the pipe is full
                }
                head.position(head.position() + written);
                bufferSize -= written;
                if (!head.hasRemaining()) {
                    pending.poll();
                }
            }
        } catch (IOException e) {
            fatalError(OsErrors.of(e), "Fatal write error on pipe transport");
            return false;
        }
        interest(!pending.isEmpty());
        maybeResume();
        if (pending.isEmpty() && closing && !lost) {
            loop.callSoon(() -> callConnectionLost(null));
        }
        return true;
    }

    private void interest(boolean out) {
        if (out != wantOut) {
            wantOut = out;
            reg.submit(out ? EpollIoOps.EPOLLOUT : EpollIoOps.NONE);
        }
    }

    @Override
    public void handle(IoRegistration registration, IoEvent event) {
        if (lost || !reg.registered()) {
            return;
        }
        EpollIoOps ops = ((EpollIoEvent) event).ops();
        if (!pending.isEmpty()) {
            flush(); // a failed write (EPIPE) closes the transport with BrokenPipeError
        } else if (ops.contains(EpollIoOps.EPOLLERR)) {
            forceClose(null); // the reader has gone and nothing was left to write: asyncio's _read_ready
        }
    }

    /** The child exited: with nothing left to write, closes now, as the threaded transport does. */
    @Override
    void readerGone() {
        if (!closing && !lost && pending.isEmpty()) {
            forceClose(null);
        }
    }

    @Override
    public void writeEof() {
        if (closing) {
            return;
        }
        closing = true;
        if (pending.isEmpty()) {
            loop.callSoon(() -> callConnectionLost(null));
        }
    }

    @Override
    void forceClose(Throwable exc) {
        closing = true;
        pending.clear();
        bufferSize = 0;
        reg.unregister();
        connectionLostSoon(exc);
    }

    @Override
    void closePipe() {
        reg.close();
    }

    /** Also {@link io.netty.channel.IoHandle#close()}: Netty calls it for the handles left when its loop stops. */
    @Override
    public void close() {
        if (loop.isClosed()) {
            forceClose(null);
        } else {
            super.close();
        }
    }

    @Override
    public String toString() {
        return "<EpollWritePipeTransport " + name + " fd=" + reg.fd().intValue() + (closing ? " closing" : " open")
                + " bufsize=" + bufferSize + ">";
    }
}
