/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.DatagramEndpoint;
import io.jasyncio.DatagramOptions;
import io.jasyncio.DatagramTransport;
import io.jasyncio.LoopOptions;
import io.jasyncio.Ticker;
import io.jasyncio.tests.LoopTestBase;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.Transports;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Unix datagram endpoints ({@code family=AF_UNIX}): ports of test_base_events.py
 * test_create_datagram_endpoint_sock_unix and _existing_sock_unix, and write flow control, which a Unix datagram
 * socket shows deterministically: its sends block once the receiver's queue is full (Linux's
 * {@code net.unix.max_dgram_qlen}), where UDP over loopback drops instead. Netty has Unix datagram channels on epoll
 * and kqueue only; on NIO and io_uring the endpoint is refused.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnixDatagramTest extends LoopTestBase {
    private Path dir;

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
    }

    @BeforeEach
    void tempDir() throws IOException {
        dir = Files.createTempDirectory("jaud");
    }

    @AfterEach
    void removeTempDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private boolean hasUnixDatagrams() {
        TransportKind kind = Transports.of(loop);
        return kind == TransportKind.EPOLL || kind == TransportKind.KQUEUE;
    }

    private UnixDomainSocketAddress path(String name) {
        return UnixDomainSocketAddress.of(dir.resolve(name));
    }

    private DatagramPeer peer() {
        return new DatagramPeer(loop);
    }

    private DatagramEndpoint<DatagramPeer> endpoint(SocketAddress local, SocketAddress remote,
            DatagramOptions options) {
        return loop.runUntilComplete(loop.createDatagramEndpoint(this::peer, local, remote, options));
    }

    private void close(DatagramEndpoint<DatagramPeer> endpoint) {
        endpoint.transport().close();
        loop.runUntilComplete(endpoint.protocol().lost);
    }

    /** NIO and io_uring have no Unix datagram channel in Netty: refused at once. */
    @Test
    void testUnixDatagramRefusedWithoutBackendSupport() {
        assumeTrue(!hasUnixDatagrams());
        assertThrows(UnsupportedOperationException.class, () -> loop.createDatagramEndpoint(this::peer, path("a"),
                null, DatagramOptions.defaults()));
    }

    /** Port of test_create_datagram_endpoint_sock_unix: {@code family=AF_UNIX} alone gives an unnamed socket. */
    @Test
    void testCreateDatagramEndpointSockUnix() {
        assumeTrue(hasUnixDatagrams());
        DatagramEndpoint<DatagramPeer> server = endpoint(path("server"), null, DatagramOptions.defaults());
        DatagramEndpoint<DatagramPeer> unnamed = endpoint(null, null,
                DatagramOptions.defaults().withFamily(StandardProtocolFamily.UNIX));
        unnamed.transport().sendto(ByteBuffer.wrap(new byte[] {1}), path("server"));
        waitUntil(() -> server.protocol().senders.size() == 1);
        assertNull(server.protocol().senders.get(0), "an unnamed sender has no address");
        close(unnamed);
        close(server);
    }

    /** Port of test_create_datagram_endpoint_existing_sock_unix: a stale socket file is removed before the bind. */
    @Test
    void testCreateDatagramEndpointExistingSockUnix() throws IOException {
        assumeTrue(hasUnixDatagrams());
        UnixDomainSocketAddress stale = path("stale");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(stale);
        }
        assertTrue(Files.exists(stale.getPath()), "the JDK leaves its socket file");
        DatagramEndpoint<DatagramPeer> e = endpoint(stale, null, DatagramOptions.defaults());
        assertEquals(stale, e.transport().getExtraInfo("sockname"));
        close(e);
    }

    /** A regular file at the path is not removed: the bind fails as asyncio's does. */
    @Test
    void testCreateDatagramEndpointRegularFileUnix() throws IOException {
        assumeTrue(hasUnixDatagrams());
        UnixDomainSocketAddress file = path("file");
        Files.writeString(file.getPath(), "keep me");
        assertThrows(io.jasyncio.OSError.class, () -> endpoint(file, null, DatagramOptions.defaults()));
        assertEquals("keep me", Files.readString(file.getPath()));
    }

    /**
     * Two named endpoints, the client connected: the server sees the client's path, replies to it; flow control pauses
     * the client when the server does not read and resumes it once the server has read; close() sends what is
     * buffered before connectionLost.
     */
    @Test
    void testUnixDatagramFlowControl() {
        assumeTrue(hasUnixDatagrams());
        DatagramEndpoint<DatagramPeer> server = endpoint(path("s"), null, DatagramOptions.defaults());
        DatagramEndpoint<DatagramPeer> client = endpoint(path("c"), path("s"), DatagramOptions.defaults());
        assertEquals(path("s"), client.transport().getExtraInfo("peername"));
        DatagramTransport t = client.transport();
        t.setWriteBufferLimits(4096, 1024);
        int count = 200;
        for (int i = 0; i < count; i++) {
            t.sendto(ByteBuffer.allocate(1000), null); // the loop does not run: the server reads none of them
        }
        assertEquals(List.of("pause"), client.protocol().flow, "the server's queue is full: datagrams wait");
        assertTrue(t.getWriteBufferSize() > 4096, "buffered: " + t.getWriteBufferSize());
        assertEquals(0, t.getWriteBufferSize() % 1008, "each datagram counts with asyncio's 8-byte header");
        waitUntil(() -> client.protocol().flow.size() == 2);
        assertEquals(List.of("pause", "resume"), client.protocol().flow);
        for (int i = 0; i < count; i++) {
            t.sendto(ByteBuffer.allocate(1000), null);
        }
        t.close();
        loop.runUntilComplete(client.protocol().lost);
        waitUntil(() -> server.protocol().senders.size() == 2 * count); // close() sent the buffered datagrams first
        assertEquals(path("c"), server.protocol().senders.get(0));
        assertEquals(0, t.getWriteBufferSize());
        close(server);
    }

    /** getWriteBufferSize() is 0 as soon as abort() returns, with datagrams buffered. */
    @Test
    void testUnixDatagramAbortEmptiesWriteBuffer() {
        assumeTrue(hasUnixDatagrams());
        DatagramEndpoint<DatagramPeer> server = endpoint(path("s"), null, DatagramOptions.defaults());
        DatagramEndpoint<DatagramPeer> client = endpoint(null, path("s"),
                DatagramOptions.defaults().withFamily(StandardProtocolFamily.UNIX));
        for (int i = 0; i < 200; i++) {
            client.transport().sendto(ByteBuffer.allocate(1000), null);
        }
        assertTrue(client.transport().getWriteBufferSize() > 0);
        client.transport().abort();
        assertEquals(0, client.transport().getWriteBufferSize());
        loop.runUntilComplete(client.protocol().lost);
        assertEquals(0, client.transport().getWriteBufferSize());
        close(server);
    }
}
