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
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * asyncio's {@code _UnixReadPipeTransport} on epoll: the parent's non-blocking end of a pipe, registered with the
 * loop's Netty epoll instance as an {@link EpollIoHandle} (level-triggered {@code EPOLLIN}). Each readiness reads one
 * chunk on the loop thread and hands it to the protocol; {@code pauseReading} removes the descriptor from epoll, as
 * asyncio's {@code remove_reader} does, and {@code resumeReading} adds it back. Loop thread only.
 */
final class EpollReadPipeTransport extends AbstractReadPipe implements EpollIoHandle {
    /** asyncio's {@code max_size} for a read of a pipe. */
    private static final int CHUNK = 256 * 1024;

    private final EpollPipeRegistration reg;
    private final String name;
    private ByteBuffer buf;
    private boolean reading;

    EpollReadPipeTransport(BaseEventLoop loop, IoEventLoop io, BaseProtocol protocol, FileDescriptor fd,
            String name) {
        super(loop, protocol, fd);
        this.reg = new EpollPipeRegistration(io, fd);
        this.name = name;
    }

    @Override
    public FileDescriptor fd() {
        return reg.fd();
    }

    /** Starts reading: registers the descriptor for {@code EPOLLIN}. */
    @Override
    void startIo() {
        reading = true;
        if (!paused && !closing) {
            register();
        }
    }

    private void register() {
        reg.register(this, () -> closing || paused, () -> EpollIoOps.EPOLLIN,
                cause -> fatalError(OsErrors.of(cause), "Fatal read error on pipe transport"));
    }

    @Override
    public void handle(IoRegistration registration, IoEvent event) {
        if (closing || paused || !reg.registered()) { // an event that was on its way when reading paused
            return;
        }
        if (buf == null) {
            buf = ByteBuffer.allocateDirect(CHUNK);
        }
        int n;
        try {
            n = reg.fd().read(buf, 0, buf.capacity());
        } catch (IOException e) {
            fatalError(OsErrors.of(e), "Fatal read error on pipe transport");
            return;
        }
        if (n > 0) {
            buf.limit(n).position(0);
            dispatch(buf);
            buf.clear();
        } else if (n < 0) {
            onEof();
        }
        // n == 0: EAGAIN, level-triggered epoll tells again
    }

    private void onEof() {
        closing = true;
        reg.unregister();
        scheduleEof();
    }

    @Override
    public void pauseReading() {
        if (closing || paused) {
            return;
        }
        paused = true;
        reg.unregister();
    }

    @Override
    public void resumeReading() {
        if (closing || !paused) {
            return;
        }
        paused = false;
        if (reading) {
            register();
        }
    }

    /** Also {@link io.netty.channel.IoHandle#close()}: Netty calls it for the handles left when its loop stops. */
    @Override
    public void close() {
        super.close();
    }

    @Override
    void forceClose(Throwable exc) {
        closing = true;
        reg.unregister();
        connectionLostSoon(exc);
    }

    @Override
    void closePipe() {
        reg.close();
    }

    @Override
    public String toString() {
        return "<EpollReadPipeTransport " + name + " fd=" + reg.fd().intValue()
                + (closing ? " closed" : paused ? " paused" : " reading") + ">";
    }
}
