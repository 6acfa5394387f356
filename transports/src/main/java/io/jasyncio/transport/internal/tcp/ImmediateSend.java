/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.epoll.AbstractEpollStreamChannel;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * asyncio's first move in {@code write()}: when nothing is waiting to be written, send at once, from the caller's own
 * memory, and buffer only what the socket did not take ({@code _SelectorSocketTransport.write} calls
 * {@code sock.send} before it copies anything; uvloop does the same). Here that saves the copy into a Netty buffer,
 * for a direct {@code ByteBuffer} on an epoll socket; a heap buffer, another backend, or a connection with bytes
 * already queued takes the usual path. The caller's position does not move.
 */
final class ImmediateSend {
    private ImmediateSend() {
    }

    /**
     * Writes what the socket takes now, if the channel has nothing queued.
     *
     * @param channel the connection's channel, on its event loop's thread
     * @param data the bytes, between position and limit
     * @return how many were written: 0 when this path does not apply, the socket is full, or the write failed (the
     *     queued write that follows meets the error and closes the connection, as any other write)
     */
    static int trySend(Channel channel, ByteBuffer data) {
        if (!data.isDirect() || !(channel instanceof AbstractEpollStreamChannel epoll)) {
            return 0;
        }
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        if (out == null || out.size() != 0 || out.totalPendingWriteBytes() != 0) {
            return 0;
        }
        try {
            return Math.max(0, epoll.fd().write(data, data.position(), data.limit()));
        } catch (IOException e) {
            return 0;
        }
    }
}
