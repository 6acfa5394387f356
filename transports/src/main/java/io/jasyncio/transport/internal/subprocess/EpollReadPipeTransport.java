/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.jasyncio.BaseProtocol;
import io.jasyncio.BufferedProtocol;
import io.jasyncio.Protocol;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.OsErrors;
import io.jasyncio.transport.internal.ProtocolFailures;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * asyncio's {@code _UnixReadPipeTransport} on epoll: the parent's non-blocking end of a pipe, registered with the
 * loop's Netty epoll instance as an {@link EpollIoHandle} (level-triggered {@code EPOLLIN}). Each readiness reads one
 * chunk on the loop thread and hands it to the protocol; {@code pauseReading} removes the descriptor from epoll, as
 * asyncio's {@code remove_reader} does, and {@code resumeReading} adds it back. Loop thread only.
 */
final class EpollReadPipeTransport extends PipeTransport implements EpollIoHandle {
    /** asyncio's {@code max_size} for a read of a pipe. */
    private static final int CHUNK = 256 * 1024;

    private final FileDescriptor fd;
    private final IoEventLoop io;
    private final String name;
    private ByteBuffer buf;
    private IoRegistration registration;
    private boolean paused;
    private boolean reading;

    EpollReadPipeTransport(BaseEventLoop loop, IoEventLoop io, BaseProtocol protocol, FileDescriptor fd,
            String name) {
        super(loop, protocol, fd);
        this.io = io;
        this.fd = fd;
        this.name = name;
    }

    @Override
    public FileDescriptor fd() {
        return fd;
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
        io.register(this).addListener(f -> {
            if (!f.isSuccess()) {
                fatalError(OsErrors.of(f.cause()), "Fatal read error on pipe transport");
                return;
            }
            IoRegistration r = (IoRegistration) f.getNow();
            if (closing || paused) {
                r.cancel();
                return;
            }
            registration = r;
            r.submit(EpollIoOps.EPOLLIN);
        });
    }

    private void unregister() {
        IoRegistration r = registration;
        registration = null;
        if (r != null) {
            r.cancel();
        }
    }

    @Override
    public void handle(IoRegistration reg, IoEvent event) {
        if (closing || paused || registration == null) { // an event that was on its way when reading paused
            return;
        }
        if (buf == null) {
            buf = ByteBuffer.allocateDirect(CHUNK);
        }
        int n;
        try {
            n = fd.read(buf, 0, buf.capacity());
        } catch (IOException e) {
            fatalError(OsErrors.of(e), "Fatal read error on pipe transport");
            return;
        }
        if (n > 0) {
            buf.limit(n).position(0);
            dispatch(buf, n);
            buf.clear();
        } else if (n < 0) {
            onEof();
        }
        // n == 0: EAGAIN, level-triggered epoll tells again
    }

    private void dispatch(ByteBuffer data, int n) {
        try {
            if (protocol instanceof Protocol p) {
                p.dataReceived(data);
            } else if (protocol instanceof BufferedProtocol bp) {
                while (data.hasRemaining() && !closing) {
                    ByteBuffer dst = bp.getBuffer(data.remaining());
                    int k = Math.min(dst.remaining(), data.remaining());
                    if (k == 0) {
                        throw new IllegalStateException("get_buffer() returned an empty buffer");
                    }
                    dst.put(dst.position(), data, data.position(), k);
                    dst.position(dst.position() + k);
                    data.position(data.position() + k);
                    bp.bufferUpdated(k);
                }
            }
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.data_received() call failed.");
        }
    }

    private void onEof() {
        closing = true;
        unregister();
        loop.callSoon(() -> {
            try {
                if (protocol instanceof Protocol p) {
                    p.eofReceived();
                } else if (protocol instanceof BufferedProtocol bp) {
                    bp.eofReceived();
                }
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "Fatal error: protocol.eof_received() call failed.", t, this, protocol);
            }
        });
        loop.callSoon(() -> callConnectionLost(null));
    }

    @Override
    public boolean isReading() {
        return !paused && !closing;
    }

    @Override
    public void pauseReading() {
        if (closing || paused) {
            return;
        }
        paused = true;
        unregister();
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
        if (!closing) {
            forceClose(null);
        }
    }

    /** Closes at once, as {@link #close()}: a read pipe has no buffer to flush. */
    @Override
    public void abort() {
        close();
    }

    @Override
    void forceClose(Throwable exc) {
        closing = true;
        unregister();
        if (loop.isClosed()) {
            closePipe(); // Netty closes the handles left when the loop closes: nobody is left to tell
            return;
        }
        try {
            loop.callSoon(() -> callConnectionLost(exc));
        } catch (IllegalStateException closing) {
            closePipe(); // the loop is closing its I/O: nobody is left to tell
        }
    }

    @Override
    void closePipe() {
        unregister();
        try {
            fd.close();
        } catch (IOException ignored) {
            // closing a pipe that failed: nothing left to do
        }
    }

    // ---- no writing on a read pipe

    @Override
    public void write(ByteBuffer data) {
        throw notThisWay("write()");
    }

    @Override
    public void writelines(List<ByteBuffer> data) {
        throw notThisWay("writelines()");
    }

    @Override
    public void writeEof() {
        throw notThisWay("write_eof()");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        throw notThisWay("set_write_buffer_limits()");
    }

    @Override
    public long getWriteBufferSize() {
        return 0;
    }

    @Override
    public int[] getWriteBufferLimits() {
        throw notThisWay("get_write_buffer_limits()");
    }

    @Override
    public String toString() {
        return "<EpollReadPipeTransport " + name + " fd=" + fd.intValue()
                + (closing ? " closed" : paused ? " paused" : " reading") + ">";
    }
}
