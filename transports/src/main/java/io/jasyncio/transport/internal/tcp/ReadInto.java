/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.BufferedProtocol;
import io.jasyncio.internal.SystemProperties;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.UncheckedBooleanSupplier;
import java.nio.ByteBuffer;

/**
 * asyncio's {@code recv_into(protocol.get_buffer(-1))} on Netty: the socket is read straight into the buffer a
 * {@link BufferedProtocol} gives, with no copy. A {@link RecvByteBufAllocator} hands Netty's read loop, in place of
 * a pooled buffer, a {@code ByteBuf} that wraps the protocol's buffer; the read fills it and the transport moves the
 * buffer's position and calls {@code bufferUpdated}.
 *
 * <p>As in asyncio, {@code getBuffer} is called before the read, so a read that finds nothing (EAGAIN) or the end of
 * the stream is not followed by {@code bufferUpdated}. The wrapper is kept while the protocol returns the same buffer
 * at the same position and limit, so a protocol that reuses one buffer costs no allocation per read.
 *
 * <p>Where Netty cannot read into the buffer itself, one copy is kept: the native backends (epoll, kqueue) read only
 * into native memory, so a heap buffer is read into a pooled direct buffer of its size and copied; io_uring submits
 * its reads before data arrives, into its own buffers, and is not given this allocator (the transport copies as
 * before); a TLS connection reads ciphertext. NIO reads into any buffer (for a heap buffer the JDK goes through its
 * own temporary direct buffer, as for every heap read).
 */
final class ReadInto implements RecvByteBufAllocator {
    private final TcpTransport transport;
    private final RecvByteBufAllocator delegate;
    private final boolean heapReadable;
    /** The protocol's buffer being read into, from getBuffer to the channelRead that fills it. */
    private ByteBuffer target;
    /** What the current read fills: the wrapper of {@link #target}, or a copy buffer of its size. */
    private ByteBuf reading;
    /** The wrapper kept for the next read, with one reference of its own; {@code null} when none. */
    private ByteBuf wrapper;
    private ByteBuffer wrappedTarget;
    private int wrappedPosition;
    private int wrappedLimit;

    private ReadInto(TcpTransport transport, RecvByteBufAllocator delegate, boolean heapReadable) {
        this.transport = transport;
        this.delegate = delegate;
        this.heapReadable = heapReadable;
    }

    /**
     * What reads straight into a BufferedProtocol's buffer on a channel: its read allocator itself, installed when the
     * connection became active with a BufferedProtocol and where the backend can (not io_uring).
     *
     * @param channel the connection's channel, or {@code null} before it is made
     * @return it, or {@code null} when the reads go to Netty's buffers
     */
    static ReadInto of(Channel channel) {
        return channel != null && channel.config().getRecvByteBufAllocator() instanceof ReadInto into ? into : null;
    }

    /**
     * Gives a channel this allocator, around the one it has, if its backend reads through the allocator.
     *
     * @param transport the transport
     * @param channel its channel, before its first read
     * @return the allocator, or {@code null} for a backend that does not read through it (io_uring), or when
     *     {@code -Djasyncio.transport.readInto=false} turned it off
     */
    static ReadInto install(TcpTransport transport, Channel channel) {
        if (!SystemProperties.READ_INTO) {
            return null;
        }
        String name = channel.getClass().getName();
        if (!name.startsWith("io.netty.channel.epoll.") && !name.startsWith("io.netty.channel.kqueue.")
                && !(channel instanceof NioSocketChannel) && !(channel instanceof NioDomainSocketChannel)) {
            return null;
        }
        ChannelConfig config = channel.config();
        boolean nio = channel instanceof NioSocketChannel || channel instanceof NioDomainSocketChannel;
        ReadInto into = new ReadInto(transport, config.getRecvByteBufAllocator(), nio);
        config.setRecvByteBufAllocator(into);
        return into;
    }

    @Override
    @SuppressWarnings("deprecation") // Netty's interface still returns the deprecated Handle; ExtendedHandle is given
    public Handle newHandle() {
        return new IntoHandle((ExtendedHandle) delegate.newHandle());
    }

    /**
     * Whether a message is the read into the protocol's buffer.
     *
     * @param msg what channelRead got
     * @return {@code true} if it is
     */
    boolean owns(Object msg) {
        return msg != null && msg == reading;
    }

    /**
     * Completes the read into the protocol's buffer: moves its position past the bytes read (copying them first if
     * they went to a copy buffer). The caller calls {@code bufferUpdated} and releases the message.
     *
     * @param msg the message {@link #owns} said is the read
     * @return the bytes read
     */
    int complete(ByteBuf msg) {
        ByteBuffer t = target;
        target = null;
        reading = null;
        int n = msg.readableBytes();
        if (msg != wrapper) {
            ByteBuffer dst = t.duplicate();
            dst.limit(dst.position() + n);
            msg.getBytes(msg.readerIndex(), dst);
        }
        t.position(t.position() + n);
        return n;
    }

    /** A read that will not be delivered (the transport is closing): forgets the buffer. */
    void drop() {
        target = null;
        reading = null;
    }

    /** The transport has ended: the kept wrapper goes. */
    void release() {
        drop();
        if (wrapper != null) {
            wrapper.release();
            wrapper = null;
            wrappedTarget = null;
        }
    }

    private ByteBuf allocate(ByteBufAllocator alloc, int guess) {
        BufferedProtocol bp = BufferedReads.readsIntoProtocol(transport);
        if (bp == null) {
            return null;
        }
        ByteBuffer t = BufferedReads.getBuffer(transport, bp, guess);
        if (t == null) {
            return null; // getBuffer failed: the transport is closing, the read goes nowhere
        }
        target = t;
        if (t.isDirect() || heapReadable) {
            reading = wrap(t);
        } else {
            reading = alloc.directBuffer(t.remaining(), t.remaining());
        }
        return reading;
    }

    private ByteBuf wrap(ByteBuffer t) {
        if (wrapper == null || t != wrappedTarget || t.position() != wrappedPosition || t.limit() != wrappedLimit) {
            if (wrapper != null) {
                wrapper.release();
            }
            wrapper = Unpooled.wrappedBuffer(t);
            wrappedTarget = t;
            wrappedPosition = t.position();
            wrappedLimit = t.limit();
        }
        return wrapper.retain().clear(); // the read's reference; the kept one stays
    }

    /** Netty's read-loop handle: the delegate's, but for the buffer it allocates. */
    private final class IntoHandle implements ExtendedHandle {
        private final ExtendedHandle handle;

        IntoHandle(ExtendedHandle handle) {
            this.handle = handle;
        }

        @Override
        public ByteBuf allocate(ByteBufAllocator alloc) {
            ByteBuf into = ReadInto.this.allocate(alloc, handle.guess());
            return into != null ? into : handle.allocate(alloc);
        }

        @Override
        public int guess() {
            return handle.guess();
        }

        @Override
        public void reset(ChannelConfig config) {
            handle.reset(config);
        }

        @Override
        public void incMessagesRead(int numMessages) {
            handle.incMessagesRead(numMessages);
        }

        @Override
        public void lastBytesRead(int bytes) {
            handle.lastBytesRead(bytes);
        }

        @Override
        public int lastBytesRead() {
            return handle.lastBytesRead();
        }

        @Override
        public void attemptedBytesRead(int bytes) {
            handle.attemptedBytesRead(bytes);
        }

        @Override
        public int attemptedBytesRead() {
            return handle.attemptedBytesRead();
        }

        @Override
        public boolean continueReading() {
            return handle.continueReading();
        }

        @Override
        public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
            return handle.continueReading(maybeMoreDataSupplier);
        }

        @Override
        public void readComplete() {
            handle.readComplete();
        }
    }
}
