/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.jasyncio.Sock;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.internal.sock.Adoption;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * JDK channels adopted on NIO ({@code sock=}, {@code connect_accepted_socket}) become the backend's sending channels,
 * so that {@link ImmediateSend} writes to them at once, as to the connections the loop makes; Netty's plain channel
 * would take the queued path, with its pooled buffer and copy.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AdoptedSendTest {

    @Test
    void testAdoptedConnectionSendsAtOnce() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ServerSocketChannel listening = ServerSocketChannel.open()) {
            listening.bind(new InetSocketAddress("127.0.0.1", 0));
            SocketChannel client = SocketChannel.open(listening.getLocalAddress());
            try (SocketChannel peer = listening.accept()) {
                Channel adopted = Adoption.connected(TransportKind.NIO, Sock.of(client), false).channel();
                assertInstanceOf(SendingNioSocketChannel.class, adopted);
                group.register(adopted).sync();
                byte[] content = new byte[1000];
                for (int i = 0; i < content.length; i++) {
                    content[i] = (byte) (i * 7);
                }
                ByteBuffer data = ByteBuffer.allocateDirect(content.length).put(content).flip();
                int sent = adopted.eventLoop().submit(() -> ImmediateSend.trySend(adopted, data)).get();
                assertEquals(content.length, sent, "written at once, all of it");
                assertEquals(0, data.position(), "the caller's buffer is not moved");
                ByteBuffer got = ByteBuffer.allocate(content.length);
                while (got.hasRemaining()) {
                    peer.read(got);
                }
                assertArrayEquals(content, got.array());
                adopted.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    /** The contrast: Netty's own channel over the same kind of socket does not take the immediate path. */
    @Test
    void testPlainNioChannelTakesTheQueuedPath() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ServerSocketChannel listening = ServerSocketChannel.open()) {
            listening.bind(new InetSocketAddress("127.0.0.1", 0));
            try (SocketChannel client = SocketChannel.open(listening.getLocalAddress());
                    SocketChannel peer = listening.accept()) {
                Channel plain = new NioSocketChannel(client);
                group.register(plain).sync();
                ByteBuffer data = ByteBuffer.allocateDirect(10);
                assertEquals(0, (int) plain.eventLoop().submit(() -> ImmediateSend.trySend(plain, data)).get());
                plain.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    /** A server over an adopted listening channel accepts its connections as sending channels. */
    @Test
    void testAdoptedServerAcceptsSendingChannels() throws Exception {
        try (ServerSocketChannel listening = ServerSocketChannel.open()) {
            listening.bind(new InetSocketAddress("127.0.0.1", 0));
            Adoption.Server server = Adoption.server(TransportKind.NIO, Sock.of(listening), false, 16);
            assertInstanceOf(SendingNioServerSocketChannel.class, server.channel());
        }
    }
}
