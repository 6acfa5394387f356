/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.internal.BaseEventLoop;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.List;

/**
 * Netty's NIO TCP server channel, whose accepted connections are {@link SendingNioSocketChannel}s (so that
 * {@link ImmediateSend} reaches their sockets); it accepts as its parent does, one connection per call.
 */
public final class SendingNioServerSocketChannel extends NioServerSocketChannel {
    /** A channel with a new socket (Netty's reflective channel factory calls it). */
    public SendingNioServerSocketChannel() {
    }

    /**
     * A channel over a listening socket made elsewhere (asyncio's {@code sock} argument).
     *
     * @param socket the bound socket
     */
    public SendingNioServerSocketChannel(java.nio.channels.ServerSocketChannel socket) {
        super(socket);
    }

    @Override
    protected int doReadMessages(List<Object> buf) throws Exception {
        java.nio.channels.SocketChannel accepted = javaChannel().accept();
        if (accepted == null) {
            return 0;
        }
        try {
            buf.add(new SendingNioSocketChannel(this, accepted));
            return 1;
        } catch (RuntimeException | Error e) { // as Netty's: the socket is closed, the server accepts on
            BaseEventLoop.LOGGER.warn("Failed to create a new channel from an accepted socket.", e);
            try {
                accepted.close();
            } catch (java.io.IOException closing) {
                BaseEventLoop.LOGGER.warn("Failed to close a socket.", closing);
            }
            return 0;
        }
    }
}
