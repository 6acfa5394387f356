/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.StreamReaderProtocol;
import io.jasyncio.internal.ReceivedBytes;
import io.jasyncio.internal.StreamAccess;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * A received ByteBuf's readable bytes as {@link ReceivedBytes}, for a Streams connection's reader, which copies them
 * straight from Netty's memory: no {@code ByteBuffer} view is made (for the buffers of Netty's adaptive allocator,
 * each view would be two objects). One per transport, pointed at each read in turn; its buffer is cleared when the
 * call returns, so a reference kept past it reads nothing. Loop thread only.
 */
final class ReceivedByteBuf implements ReceivedBytes {
    private ByteBuf buf;
    private int base;
    private int length;

    /**
     * A Streams connection's read: its reader copies the bytes straight from the ByteBuf (into the array a waiting
     * read returns, or its buffer), through the transport's one {@code ReceivedByteBuf}, made at its first read; no
     * view is made. The caller releases the read.
     *
     * @param t the transport
     * @param streams its protocol
     * @param buf the read
     */
    static void deliver(TcpTransport t, StreamReaderProtocol streams, ByteBuf buf) {
        ReceivedByteBuf in = t.received;
        if (in == null) {
            in = new ReceivedByteBuf();
            t.received = in;
        }
        try {
            StreamAccess.dataReceived(streams, in.set(buf));
        } catch (Throwable e) {
            t.fatalError(e, "Fatal error: protocol.data_received() call failed.");
        } finally {
            in.clear();
        }
    }

    /** Points at {@code received}'s readable bytes, for one call. */
    ReceivedByteBuf set(ByteBuf received) {
        buf = received;
        base = received.readerIndex();
        length = received.readableBytes();
        return this;
    }

    /** Lets go of the buffer once the call returned. */
    void clear() {
        buf = null;
        length = 0;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public byte byteAt(int index) {
        check(index, 1);
        return buf.getByte(base + index);
    }

    @Override
    public void copyTo(int from, byte[] dst, int offset, int n) {
        check(from, n);
        buf.getBytes(base + from, dst, offset, n);
    }

    @Override
    public void copyTo(int from, ByteBuffer dst, int n) {
        check(from, n);
        int limit = dst.limit();
        dst.limit(dst.position() + n);
        buf.getBytes(base + from, dst); // moves dst's position past the bytes
        dst.limit(limit);
    }

    private void check(int from, int n) {
        if (buf == null) {
            throw new IllegalStateException("the received bytes are valid only during the call that got them");
        }
        java.util.Objects.checkFromIndexSize(from, n, length);
    }
}
