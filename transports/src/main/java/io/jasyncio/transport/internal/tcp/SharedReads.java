/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.MaxMessagesRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;

/**
 * The read allocator every {@link TcpTransport} shares: Netty makes one per channel, which the channel's read handle
 * then keeps; this one is Netty's default as a stream channel has it (adaptive, 16 reads per loop), stateless but for
 * its settings, which nothing here changes.
 */
final class SharedReads {
    private static final int STREAM_READS_PER_LOOP = 16;
    private static final AdaptiveRecvByteBufAllocator SHARED = new AdaptiveRecvByteBufAllocator();

    static {
        SHARED.maxMessagesPerRead(STREAM_READS_PER_LOOP);
    }

    private SharedReads() {
    }

    /**
     * Gives the channel the shared read allocator in place of its own, when its own is Netty's default as made, and
     * before its first read makes the handle that would keep it (epoll, NIO: the first read comes after
     * channelActive; where the handle exists already, this changes nothing).
     *
     * @param channel the channel, just active
     */
    static void install(Channel channel) {
        ChannelConfig config = channel.config();
        RecvByteBufAllocator own = config.getRecvByteBufAllocator();
        if (own.getClass() == AdaptiveRecvByteBufAllocator.class
                && ((MaxMessagesRecvByteBufAllocator) own).maxMessagesPerRead() == STREAM_READS_PER_LOOP) {
            config.setRecvByteBufAllocator(SHARED);
        }
    }
}
