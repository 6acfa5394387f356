/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.transport.internal.ProtocolFailures;
import io.jasyncio.transport.internal.WriteBufferLimits;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.WriteBufferWaterMark;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The write side's flow control of one {@link TcpTransport}, asyncio's {@code _FlowControlMixin}: the water marks, and
 * {@code pauseWriting} inside the write that took the buffer over the high mark, {@code resumeWriting} once it
 * drained to the low one. The buffer's size is read from Netty's outbound buffer after each write (see
 * {@link #pendingBytes}); Netty's own water marks are set so that its writability changes tell of the drain.
 *
 * <p>A transport has none of its own until its limits change or a write goes over the default high mark
 * ({@link #of}): until then its limits are the defaults and writing is not paused.
 *
 * <p>Threading: the transport's loop thread, but for a write made while the loop is stopped (see
 * {@link OffLoopWrites}), which may make the transport's flow control ({@link #of}) and check the marks
 * ({@link #afterWrite}).
 */
final class FlowControl {
    static final int DEFAULT_HIGH = WriteBufferLimits.DEFAULT_HIGH;
    /** What Netty's outbound buffer adds to its byte count for each message it holds, measured once. */
    private static final int ENTRY_OVERHEAD = measureEntryOverhead();

    /** Netty's marks for the default limits, shared by every channel that keeps them (it is immutable). */
    private static final WriteBufferWaterMark DEFAULT_MARKS = nettyMarks(DEFAULT_HIGH, DEFAULT_HIGH / 4);
    /** {@code TcpTransport.flow}: published with a compare-and-set, as a write off the loop's thread may make it. */
    private static final VarHandle FLOW;

    static {
        try {
            FLOW = MethodHandles.lookup().findVarHandle(TcpTransport.class, "flow", FlowControl.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TcpTransport transport;
    private int high = DEFAULT_HIGH;
    private int low = DEFAULT_HIGH / 4;
    private boolean protocolPaused;
    /** An empty message watches the drain for a paused protocol (see watchDrainUnlessNettyWill). */
    private boolean drainWatched;
    /** The listener of that message, made the first time the protocol is paused. */
    private ChannelFutureListener drainWatch;

    private FlowControl(TcpTransport transport) {
        this.transport = transport;
    }

    /**
     * A transport's own flow control, made the first time it is needed; any thread may be first, so it is published
     * with a compare-and-set.
     *
     * @param t the transport
     * @return its flow control
     */
    static FlowControl of(TcpTransport t) {
        FlowControl f = t.flow;
        if (f == null) {
            FlowControl made = new FlowControl(t);
            f = (FlowControl) FLOW.compareAndExchange(t, null, made);
            if (f == null) {
                f = made;
            }
        }
        return f;
    }

    /**
     * After a write to a transport: asyncio's {@code _maybe_pause_protocol}; a connection under the default high mark
     * needs no flow control of its own.
     *
     * @param t the transport
     */
    static void afterWrite(TcpTransport t) {
        FlowControl f = t.flow;
        if (f != null) {
            f.maybePause();
        } else if (t.getWriteBufferSize() > DEFAULT_HIGH) {
            of(t).maybePause();
        }
    }

    /**
     * Gives a transport's channel, as the connection becomes active, the water marks of its limits.
     *
     * @param t the transport
     * @param channel its channel
     */
    static void activate(TcpTransport t, Channel channel) {
        FlowControl f = t.flow;
        if (f != null) {
            f.apply(channel);
        } else {
            channel.config().setWriteBufferWaterMark(DEFAULT_MARKS);
        }
    }

    /** After a write: {@code pauseWriting} when the buffer went over the high mark. */
    void maybePause() {
        if (!protocolPaused && transport.getWriteBufferSize() > high) {
            protocolPaused = true;
            try {
                transport.getProtocol().pauseWriting();
            } catch (Throwable t) {
                ProtocolFailures.report(transport.loop(), "protocol.pause_writing() failed", t, transport,
                        transport.getProtocol());
            }
            watchDrainUnlessNettyWill();
        }
    }

    /** When the buffer drained: {@code resumeWriting} once it is at the low mark or below. */
    void maybeResume() {
        if (protocolPaused && transport.getWriteBufferSize() <= low) {
            protocolPaused = false;
            try {
                transport.getProtocol().resumeWriting();
            } catch (Throwable t) {
                ProtocolFailures.report(transport.loop(), "protocol.resume_writing() failed", t, transport,
                        transport.getProtocol());
            }
        }
    }

    /**
     * Makes sure the paused protocol hears of the drain. Netty fires channelWritabilityChanged only after its count
     * went over its high mark; when it has not (the bytes still wait in the transport's off-loop queue, or the marks
     * just moved), an empty message written now completes once everything before it is written, and its listener
     * looks again.
     */
    private void watchDrainUnlessNettyWill() {
        Channel channel = transport.channel();
        if (protocolPaused && !drainWatched && channel.isActive() && channel.isWritable()) {
            drainWatched = true;
            if (drainWatch == null) {
                drainWatch = f -> {
                    drainWatched = false;
                    maybeResume();
                    watchDrainUnlessNettyWill();
                };
            }
            if (channel.eventLoop().inEventLoop()) {
                transport.flushingAll();
            }
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(drainWatch);
        }
    }

    /**
     * asyncio's {@code set_write_buffer_limits}: a missing mark is derived from the other, as asyncio does.
     *
     * @param newHigh the high mark, or -1
     * @param newLow the low mark, or -1
     */
    void setLimits(int newHigh, int newLow) {
        WriteBufferLimits limits = WriteBufferLimits.of(newHigh, newLow);
        high = limits.high();
        low = limits.low();
        Channel channel = transport.channel();
        if (channel == null) {
            return;
        }
        apply(channel);
        maybePause();
        watchDrainUnlessNettyWill(); // Netty looks at new marks only when its count moves
    }

    /**
     * Gives Netty water marks that turn the channel unwritable whenever our count is over {@code high}, and writable
     * again only once it is at {@code low} or below: Netty's count, which includes a per-message overhead, is never
     * less than ours, and Netty turns writable strictly below its low mark.
     *
     * @param channel the transport's channel
     */
    void apply(Channel channel) {
        channel.config().setWriteBufferWaterMark(high == DEFAULT_HIGH && low == DEFAULT_HIGH / 4 ? DEFAULT_MARKS
                : nettyMarks(high, low));
    }

    /**
     * {@link #limits} for a transport with no flow control of its own yet.
     *
     * @return asyncio's {@code (low, high)} of the defaults
     */
    static int[] defaultLimits() {
        return new int[] {DEFAULT_HIGH / 4, DEFAULT_HIGH};
    }

    private static WriteBufferWaterMark nettyMarks(int high, int low) {
        return new WriteBufferWaterMark(low + 1, Math.max(high, low + 1));
    }

    int[] limits() {
        return new int[] {low, high};
    }

    /**
     * The bytes written to a channel and not yet to its socket: Netty's pending count, less its per-message overhead
     * and the part of the first message already sent. O(1), no allocation.
     *
     * @param out the channel's outbound buffer
     * @param unflushedMessages messages written but not flushed, which Netty's count holds but its size does not
     * @return the bytes
     */
    static long pendingBytes(ChannelOutboundBuffer out, long unflushedMessages) {
        long messages = out.size() + unflushedMessages;
        return Math.max(0, out.totalPendingWriteBytes() - messages * ENTRY_OVERHEAD - out.currentProgress());
    }

    private static int measureEntryOverhead() {
        io.netty.channel.embedded.EmbeddedChannel probe = new io.netty.channel.embedded.EmbeddedChannel();
        try {
            probe.write(Unpooled.wrappedBuffer(new byte[1]));
            return (int) (probe.unsafe().outboundBuffer().totalPendingWriteBytes() - 1);
        } finally {
            probe.finishAndReleaseAll();
        }
    }
}
