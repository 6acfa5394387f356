/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Netty's NIO TCP channel, with its JDK socket within reach of {@link ImmediateSend}, which writes to it at once when
 * nothing is queued (Netty keeps it behind a protected method). It behaves as its parent in every other way: the NIO
 * backend makes its client connections with it, {@link SendingNioServerSocketChannel} its accepted ones, and the
 * adoption of a connected JDK channel given as {@code sock} its adopted ones.
 */
public final class SendingNioSocketChannel extends NioSocketChannel {
    /** A channel with a new socket, for a client connection (Netty's reflective channel factory calls it). */
    public SendingNioSocketChannel() {
    }

    /**
     * A channel over a connected socket made elsewhere (asyncio's {@code sock} argument).
     *
     * @param socket the connected socket
     */
    public SendingNioSocketChannel(SocketChannel socket) {
        super(socket);
    }

    /**
     * A channel for a socket accepted by a server channel.
     *
     * @param parent the server channel
     * @param socket the accepted socket
     */
    public SendingNioSocketChannel(Channel parent, SocketChannel socket) {
        super(parent, socket);
    }

    /** The JDK socket, non-blocking, to write to on the channel's event loop only. */
    SocketChannel socket() {
        return javaChannel();
    }
}
