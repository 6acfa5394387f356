/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.BufferedProtocol;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * The read path of a {@link TcpTransport} whose protocol is a {@link BufferedProtocol}: asyncio's
 * {@code get_buffer}/{@code buffer_updated}, either straight into the protocol's buffer ({@link ReadInto}, the read
 * allocator, asks {@link #readsIntoProtocol} and {@link #getBuffer} before each read) or by copying a read of Netty's
 * into it ({@link #deliverBuffered}: io_uring, TLS, bytes held back by pauseReading, a protocol set late).
 *
 * <p>Static methods over the transport's own fields, so that a connection holds nothing more for them; loop thread
 * only, as the transport's read side.
 */
final class BufferedReads {

    private BufferedReads() {
    }

    /**
     * The protocol that the next read goes straight into, for {@link ReadInto}: a BufferedProtocol that reads, on a
     * plain connection, with nothing held back that must come first.
     *
     * @param t the transport
     * @return the protocol, or {@code null} when the read goes to a buffer of Netty's
     */
    static BufferedProtocol readsIntoProtocol(TcpTransport t) {
        return t.reading && t.state.delivers() && !t.tls.encrypted() && !HeldBack.any(t)
                && t.protocol instanceof BufferedProtocol bp ? bp : null;
    }

    /**
     * asyncio's {@code get_buffer(sizehint)} before a read, for {@link ReadInto}: a failure is asyncio's fatal error.
     *
     * @param t the transport
     * @param bp the protocol
     * @param sizeHint Netty's guess of the next read's size
     * @return a writable buffer with room, or {@code null} when the protocol failed (the transport is closing)
     */
    static ByteBuffer getBuffer(TcpTransport t, BufferedProtocol bp, int sizeHint) {
        try {
            ByteBuffer target = bp.getBuffer(sizeHint);
            if (target == null || !target.hasRemaining()) {
                throw new IllegalStateException("get_buffer() returned an empty buffer");
            }
            if (target.isReadOnly()) {
                throw new IllegalStateException("get_buffer() returned a read-only buffer");
            }
            return target;
        } catch (Throwable e) {
            t.fatalError(e, "Fatal error: protocol.get_buffer() call failed.");
            return null;
        }
    }

    /**
     * A read that went straight into the protocol's buffer: asyncio's {@code buffer_updated(nbytes)}. Releases the
     * read.
     *
     * @param t the transport
     * @param readInto the channel's read allocator, which made the read
     * @param buf the read, which {@link ReadInto#owns} said is its own
     */
    static void deliverInto(TcpTransport t, ReadInto readInto, ByteBuf buf) {
        try {
            if (!t.state.delivers() || !(t.protocol instanceof BufferedProtocol bp)) {
                readInto.drop();
                return;
            }
            int n = readInto.complete(buf);
            try {
                bp.bufferUpdated(n);
            } catch (Throwable e) {
                t.fatalError(e, "Fatal error: protocol.buffer_updated() call failed.");
            }
        } finally {
            buf.release();
        }
    }

    /**
     * asyncio's {@code _read_ready__get_buffer}: fills the protocol's buffers until the bytes are used up; what is
     * left when the protocol pauses reading waits, first in line, for resumeReading. The caller releases the read.
     *
     * @param t the transport
     * @param bp the protocol
     * @param buf a read into a buffer of Netty's
     */
    static void deliverBuffered(TcpTransport t, BufferedProtocol bp, ByteBuf buf) {
        while (buf.isReadable() && t.state.delivers()) {
            if (!t.reading) {
                HeldBack.addFirst(t, buf.retainedSlice());
                return;
            }
            ByteBuffer target;
            try {
                target = bp.getBuffer(buf.readableBytes());
                if (target == null || !target.hasRemaining()) {
                    throw new IllegalStateException("get_buffer() returned an empty buffer");
                }
            } catch (Throwable e) {
                t.fatalError(e, "Fatal error: protocol.get_buffer() call failed.");
                return;
            }
            int n = Math.min(target.remaining(), buf.readableBytes());
            int limit = target.limit();
            target.limit(target.position() + n);
            buf.readBytes(target);
            target.limit(limit);
            try {
                bp.bufferUpdated(n);
            } catch (Throwable e) {
                t.fatalError(e, "Fatal error: protocol.buffer_updated() call failed.");
                return;
            }
        }
    }
}
