/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.DatagramEndpoint;
import io.jasyncio.DatagramOptions;
import io.jasyncio.DatagramTransport;
import io.jasyncio.Errno;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.OSError;
import io.jasyncio.Ticker;
import io.jasyncio.tests.LoopTestBase;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.Transports;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code createDatagramEndpoint} with asyncio's keyword arguments: ports of CPython's test_base_events.py
 * BaseEventLoopWithSelectorTests.test_create_datagram_endpoint_* and test_events.py's datagram cases. Where asyncio
 * mocks the socket module, the test uses a real loopback socket instead.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpOptionsTest extends LoopTestBase {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
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

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Channel channel(DatagramEndpoint<?> endpoint) {
        return (Channel) endpoint.transport().getExtraInfo("socket");
    }

    /** Port of test_create_datagram_endpoint_reuse_address_error: asyncio's words. */
    @Test
    void testCreateDatagramEndpointReuseAddressError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.createDatagramEndpoint(this::peer, LOOPBACK, null,
                        DatagramOptions.defaults().withReuseAddress(true)));
        assertEquals("Passing `reuse_address=True` is no longer supported, as the usage of SO_REUSEPORT in UDP "
                + "poses a significant security concern.", e.getMessage());
    }

    /** Port of test_create_datagram_endpoint_noaddr_nofamily. */
    @Test
    void testCreateDatagramEndpointNoaddrNofamily() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.createDatagramEndpoint(this::peer, null, null, DatagramOptions.defaults()));
        assertEquals("unexpected address family", e.getMessage());
    }

    /** Port of test_create_datagram_endpoint_no_matching_family: an IPv4 remote and an IPv6 local address. */
    @Test
    void testCreateDatagramEndpointNoMatchingFamily() throws Exception {
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.createDatagramEndpoint(this::peer, v6, new InetSocketAddress("127.0.0.1", 9),
                        DatagramOptions.defaults()));
        assertEquals("can not get address information", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> loop.createDatagramEndpoint(this::peer, LOOPBACK, null,
                DatagramOptions.defaults().withFamily(StandardProtocolFamily.INET6)));
    }

    /** Port of test_create_datagram_endpoint_addr_error: an address of the wrong kind is asyncio's TypeError. */
    @Test
    void testCreateDatagramEndpointAddrError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.createDatagramEndpoint(this::peer, java.net.UnixDomainSocketAddress.of("/tmp/x"), null,
                        DatagramOptions.defaults().withFamily(StandardProtocolFamily.INET)));
        assertTrue(e.getMessage().startsWith("2-tuple is expected"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> loop.createDatagramEndpoint(this::peer, LOOPBACK, null,
                DatagramOptions.defaults().withFamily(StandardProtocolFamily.UNIX)));
        assertTrue(e.getMessage().startsWith("string is expected"), e.getMessage());
    }

    /** Port of test_create_datagram_endpoint_sock_sockopts: a socket comes with no address and no option. */
    @Test
    void testCreateDatagramEndpointSockSockopts() throws Exception {
        try (DatagramChannel sock = DatagramChannel.open()) {
            DatagramOptions withSock = DatagramOptions.defaults().withSock(sock);
            List<Runnable> calls = List.of(
                () -> loop.createDatagramEndpoint(this::peer, LOOPBACK, null, withSock),
                () -> loop.createDatagramEndpoint(this::peer, null, LOOPBACK, withSock),
                () -> loop.createDatagramEndpoint(this::peer, null, null,
                        withSock.withFamily(StandardProtocolFamily.INET)),
                () -> loop.createDatagramEndpoint(this::peer, null, null, withSock.withReusePort(true)),
                () -> loop.createDatagramEndpoint(this::peer, null, null, withSock.withAllowBroadcast(true)),
                () -> loop.createDatagramEndpoint(this::peer, null, null, withSock.withSockFd(3)));
            for (Runnable call : calls) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
                assertTrue(e.getMessage().startsWith(
                        "socket modifier keyword arguments can not be used when sock is specified. ("),
                        e.getMessage());
            }
        }
    }

    /** Port of test_create_datagram_endpoint_cant_bind: a port in use fails the future with EADDRINUSE. */
    @Test
    void testCreateDatagramEndpointCantBind() {
        DatagramEndpoint<DatagramPeer> first = endpoint(LOOPBACK, null, DatagramOptions.defaults());
        SocketAddress taken = first.transport().getExtraInfo("sockname") instanceof SocketAddress a ? a : null;
        Future<DatagramEndpoint<DatagramPeer>> second = loop.createDatagramEndpoint(this::peer, taken, null,
                DatagramOptions.defaults());
        OSError e = assertThrows(OSError.class, () -> loop.runUntilComplete(second));
        assertEquals(Errno.EADDRINUSE, e.errno());
        close(first);
    }

    /**
     * Port of test_create_datagram_endpoint_connect_err: the connect fails and the future fails with an OSError;
     * the system refuses a connect to the broadcast address without SO_BROADCAST.
     */
    @Test
    void testCreateDatagramEndpointConnectErr() {
        Future<DatagramEndpoint<DatagramPeer>> f = loop.createDatagramEndpoint(this::peer, null,
                new InetSocketAddress("255.255.255.255", 9), DatagramOptions.defaults());
        OSError e = assertThrows(OSError.class, () -> loop.runUntilComplete(f));
        assertTrue(e.errno() == Errno.EACCES || e.errno() == Errno.ENETUNREACH, e.toString());
    }

    /**
     * Ports of test_create_datagram_endpoint_sockopts and _reuse_port: SO_REUSEPORT lets two endpoints bind one
     * port; SO_REUSEADDR is never set; without SO_REUSEPORT the second bind fails.
     */
    @Test
    void testCreateDatagramEndpointReusePort() {
        DatagramOptions reuse = DatagramOptions.defaults().withReusePort(true);
        DatagramEndpoint<DatagramPeer> a = endpoint(LOOPBACK, null, reuse);
        SocketAddress port = (SocketAddress) a.transport().getExtraInfo("sockname");
        DatagramEndpoint<DatagramPeer> b = endpoint(port, null, reuse);
        assertEquals(port, b.transport().getExtraInfo("sockname"));
        assertFalse(channel(a).config().getOption(ChannelOption.SO_REUSEADDR), "asyncio never sets SO_REUSEADDR");
        OSError e = assertThrows(OSError.class, () -> loop.runUntilComplete(
                loop.createDatagramEndpoint(this::peer, port, null, DatagramOptions.defaults())));
        assertEquals(Errno.EADDRINUSE, e.errno());
        close(a);
        close(b);
    }

    /**
     * Port of test_create_datagram_endpoint_allow_broadcast: SO_BROADCAST is set, the socket is not connected and
     * the remote address is where {@code sendto(data, null)} goes.
     */
    @Test
    void testCreateDatagramEndpointAllowBroadcast() {
        DatagramEndpoint<DatagramPeer> server = endpoint(LOOPBACK, null, DatagramOptions.defaults());
        SocketAddress serverAddr = (SocketAddress) server.transport().getExtraInfo("sockname");
        DatagramEndpoint<DatagramPeer> client = endpoint(null, serverAddr,
                DatagramOptions.defaults().withAllowBroadcast(true));
        assertTrue(channel(client).config().getOption(ChannelOption.SO_BROADCAST));
        assertNull(client.transport().getExtraInfo("peername"), "asyncio does not connect a broadcasting endpoint");
        client.transport().sendto(text("to all"), null);
        waitUntil(() -> server.protocol().received.size() == 1);
        assertEquals(List.of("to all"), server.protocol().received);
        assertThrows(IllegalArgumentException.class,
                () -> client.transport().sendto(text("x"), new InetSocketAddress("127.0.0.1", 9)));
        close(client);
        close(server);
    }

    /** Port of test_events.py test_create_datagram_endpoint_ipv6: family INET6 on ::1. */
    @Test
    void testCreateDatagramEndpointIpv6() throws Exception {
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 0);
        DatagramEndpoint<DatagramPeer> server;
        try {
            server = endpoint(v6, null, DatagramOptions.defaults().withFamily(StandardProtocolFamily.INET6));
        } catch (OSError e) {
            assumeTrue(false, "no IPv6 loopback: " + e);
            return;
        }
        SocketAddress serverAddr = (SocketAddress) server.transport().getExtraInfo("sockname");
        DatagramEndpoint<DatagramPeer> client = endpoint(null, serverAddr, DatagramOptions.defaults());
        client.transport().sendto(text("v6"), null);
        waitUntil(() -> server.protocol().received.size() == 1);
        assertEquals(client.transport().getExtraInfo("sockname"), server.protocol().senders.get(0));
        close(client);
        close(server);
    }

    /** A family and no address: asyncio's unbound socket, which can send. */
    @Test
    void testCreateDatagramEndpointFamilyOnly() {
        DatagramEndpoint<DatagramPeer> server = endpoint(LOOPBACK, null, DatagramOptions.defaults());
        DatagramEndpoint<DatagramPeer> client = endpoint(null, null,
                DatagramOptions.defaults().withFamily(StandardProtocolFamily.INET));
        client.transport().sendto(text("hi"), (SocketAddress) server.transport().getExtraInfo("sockname"));
        waitUntil(() -> server.protocol().received.size() == 1);
        close(client);
        close(server);
    }

    /**
     * Port of test_events.py test_create_datagram_endpoint_sock: an already bound socket, adopted, echoes; closing the
     * endpoint closes it. NIO adopts a JDK DatagramChannel, the native backends a descriptor.
     */
    @Test
    void testCreateDatagramEndpointSock() throws Exception {
        DatagramChannel jdk = null;
        DatagramOptions options;
        if (Transports.of(loop) == TransportKind.NIO) {
            jdk = DatagramChannel.open(StandardProtocolFamily.INET).bind(LOOPBACK);
            options = DatagramOptions.defaults().withSock(jdk);
        } else {
            io.netty.channel.unix.Socket s = io.netty.channel.unix.Socket.newSocketDgram();
            s.bind(LOOPBACK);
            options = DatagramOptions.defaults().withSockFd(s.intValue());
        }
        DatagramEndpoint<DatagramPeer> adopted = endpoint(null, null, options);
        SocketAddress addr = (SocketAddress) adopted.transport().getExtraInfo("sockname");
        assertEquals(InetAddress.getByName("127.0.0.1"), ((InetSocketAddress) addr).getAddress());
        DatagramEndpoint<DatagramPeer> client = endpoint(null, addr, DatagramOptions.defaults());
        client.transport().sendto(text("ping"), null);
        waitUntil(() -> adopted.protocol().received.size() == 1);
        adopted.transport().sendto(text("pong"), adopted.protocol().senders.get(0));
        waitUntil(() -> client.protocol().received.size() == 1);
        assertEquals(List.of("pong"), client.protocol().received);
        close(adopted);
        if (jdk != null) {
            assertFalse(jdk.isOpen(), "the endpoint owns the socket");
        }
        close(client);
    }

    /** What a backend cannot adopt is refused before anything happens. */
    @Test
    void testCreateDatagramEndpointSockOfAnotherBackend() throws Exception {
        if (Transports.of(loop) == TransportKind.NIO) {
            assertThrows(UnsupportedOperationException.class, () -> loop.createDatagramEndpoint(this::peer, null, null,
                    DatagramOptions.defaults().withSockFd(0)));
        } else {
            try (DatagramChannel jdk = DatagramChannel.open().bind(LOOPBACK)) {
                assertThrows(UnsupportedOperationException.class, () -> loop.createDatagramEndpoint(this::peer, null,
                        null, DatagramOptions.defaults().withSock(jdk)));
                assertTrue(jdk.isOpen());
            }
        }
    }

    /** Port of test_selector_events.py test_set_write_buffer_limits and get_write_buffer_limits. */
    @Test
    void testSetWriteBufferLimits() {
        DatagramEndpoint<DatagramPeer> e = endpoint(LOOPBACK, null, DatagramOptions.defaults());
        DatagramTransport t = e.transport();
        assertEquals(List.of(16384, 65536), List.of(t.getWriteBufferLimits()[0], t.getWriteBufferLimits()[1]));
        t.setWriteBufferLimits(128, -1);
        assertEquals(List.of(32, 128), List.of(t.getWriteBufferLimits()[0], t.getWriteBufferLimits()[1]));
        t.setWriteBufferLimits(-1, 1000);
        assertEquals(List.of(1000, 4000), List.of(t.getWriteBufferLimits()[0], t.getWriteBufferLimits()[1]));
        assertThrows(IllegalArgumentException.class, () -> t.setWriteBufferLimits(1, 2));
        assertEquals(0, t.getWriteBufferSize());
        close(e);
    }

    /** Sends that the socket takes at once never count: the buffer is 0 after each, and no pause comes. */
    @Test
    void testSendtoImmediateLeavesNoBuffer() {
        DatagramEndpoint<DatagramPeer> server = endpoint(LOOPBACK, null, DatagramOptions.defaults());
        SocketAddress serverAddress = (SocketAddress) server.transport().getExtraInfo("sockname");
        DatagramEndpoint<DatagramPeer> client = endpoint(null, serverAddress, DatagramOptions.defaults());
        for (int i = 0; i < 5; i++) {
            client.transport().sendto(text("d" + i), null);
        }
        waitUntil(() -> server.protocol().received.size() == 5 && client.transport().getWriteBufferSize() == 0);
        assertEquals(client.protocol().flow.isEmpty() ? List.of() : List.of("pause", "resume"),
                client.protocol().flow, "a pause is always followed by a resume");
        close(client);
        close(server);
    }

    /** getWriteBufferSize() is 0 as soon as abort() returns, and connectionLost follows. */
    @Test
    void testAbortEmptiesWriteBuffer() {
        DatagramEndpoint<DatagramPeer> server = endpoint(LOOPBACK, null, DatagramOptions.defaults());
        SocketAddress serverAddress = (SocketAddress) server.transport().getExtraInfo("sockname");
        DatagramEndpoint<DatagramPeer> client = endpoint(null, serverAddress, DatagramOptions.defaults());
        for (int i = 0; i < 100; i++) {
            client.transport().sendto(ByteBuffer.allocate(1000), null);
        }
        client.transport().abort();
        assertEquals(0, client.transport().getWriteBufferSize());
        assertTrue(client.transport().isClosing());
        loop.runUntilComplete(client.protocol().lost);
        assertEquals(0, client.transport().getWriteBufferSize());
        close(server);
    }

    /** A local address the host does not have: asyncio's bind error, EADDRNOTAVAIL. */
    @Test
    void testCreateDatagramEndpointAddrNotAvailable() {
        Future<DatagramEndpoint<DatagramPeer>> f = loop.createDatagramEndpoint(this::peer,
                new InetSocketAddress("192.0.2.1", 0), null, DatagramOptions.defaults());
        OSError e = assertThrows(OSError.class, () -> loop.runUntilComplete(f));
        assertTrue(e.getMessage().contains("error while attempting to bind on address ('192.0.2.1', 0)"),
                e.getMessage());
        assertEquals(Errno.EADDRNOTAVAIL, e.errno());
    }
}
