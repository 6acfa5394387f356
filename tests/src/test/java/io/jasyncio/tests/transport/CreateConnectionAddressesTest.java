/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Connection;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.Future;
import io.jasyncio.Server;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.tcp.Connector;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * create_connection's addresses: a host that resolves to several is tried address by address, or raced with happy
 * eyeballs, as asyncio's base_events.create_connection and staggered_race. The host "dual" resolves to 127.0.0.1 then
 * ::1 through a resolver given to {@link Connector} (this machine's own names resolve to one address each); each
 * attempt is a real {@code loop.createConnection} to a literal address.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CreateConnectionAddressesTest extends NetTestBase {
    private static final InetAddress V4 = InetAddress.getLoopbackAddress();
    private static final InetAddress V6 = v6();

    private int protocolsMade;

    private static InetAddress v6() {
        try {
            return InetAddress.getByName("::1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private Future<Connection<Recorder>> connectDual(int port, ConnectionOptions options) {
        return Connector.connect((BaseEventLoop) loop, "dual", port, options, () -> {
            protocolsMade++;
            return new Recorder(loop);
        }, (address, factory) -> loop.createConnection(factory, address.getAddress().getHostAddress(),
                address.getPort()), host -> new InetAddress[] {V4, V6});
    }

    /** A server on ::1 alone, on a port nobody uses on 127.0.0.1. */
    private Server listenOnV6Only() {
        try {
            return loop.runUntilComplete(loop.createServer(() -> new Recorder(loop), "::1", 0));
        } catch (RuntimeException noIpv6) {
            return org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback: " + noIpv6);
        }
    }

    private static boolean connectedTo(Connection<Recorder> c, InetAddress address) {
        return ((InetSocketAddress) c.transport().getExtraInfo("peername")).getAddress().equals(address);
    }

    /**
     * Port of test_base_events.py BaseEventLoopWithSelectorTests.test_create_connection_multiple: the first address
     * refuses, the second connects, and one protocol is made.
     */
    @Test
    void testCreateConnectionMultiple() {
        Server server = listenOnV6Only();
        Connection<Recorder> c = loop.runUntilComplete(connectDual(port(server), ConnectionOptions.defaults()));
        assertTrue(connectedTo(c, V6), c.transport().toString());
        assertEquals(1, protocolsMade);
        closeClient(c);
        closeServer(server);
    }

    /**
     * Port of test_base_events.py BaseEventLoopWithSelectorTests.test_create_connection_multiple_errors: every
     * address refuses, and the error lists each failure ("Multiple exceptions: ..."), or is the first when all say
     * the same (io_uring's message does not name the address).
     */
    @Test
    void testCreateConnectionMultipleErrors() throws IOException {
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, V4)) {
            freePort = s.getLocalPort();
        }
        io.jasyncio.OSError e = assertThrows(io.jasyncio.OSError.class,
                () -> loop.runUntilComplete(connectDual(freePort, ConnectionOptions.defaults())));
        assertTrue(e.getMessage().contains("[Errno 111] Connect call failed ('"), e.getMessage());
        if (e.getMessage().startsWith("Multiple exceptions: ")) {
            assertEquals(2, e.getSuppressed().length, e.toString()); // epoll and NIO name the address
        } else {
            assertEquals(0, e.getSuppressed().length, "two errors that say the same: the first, as asyncio");
        }
        assertEquals(0, protocolsMade);
    }

    /**
     * Happy eyeballs (test_base_events.py test_create_connection_happy_eyeballs, with real sockets): the first
     * address never answers (a listener whose backlog is full drops the SYN), so after the delay the second is
     * tried in parallel, wins, and the first attempt is cancelled. One protocol is made.
     */
    @Test
    void testCreateConnectionHappyEyeballs() throws IOException {
        Server server = listenOnV6Only();
        int port = port(server);
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket()) {
            try {
                silent.bind(new InetSocketAddress(V4, port), 1);
            } catch (IOException taken) {
                org.junit.jupiter.api.Assumptions.abort("127.0.0.1:" + port + " is taken");
            }
            fillBacklog(silent, fillers);
            Connection<Recorder> c = loop.runUntilComplete(connectDual(port,
                    ConnectionOptions.defaults().withHappyEyeballsDelay(0.1)));
            assertTrue(connectedTo(c, V6), c.transport().toString());
            assertEquals(1, protocolsMade);
            closeClient(c);
        } finally {
            for (Socket s : fillers) {
                s.close();
            }
        }
        closeServer(server);
    }

    /** A protocol factory that throws fails the connection with its error; no other address is tried for it. */
    @Test
    void testCreateConnectionFactoryErrorIsNotRetried() {
        Server server = loop.runUntilComplete(loop.createServer(() -> new Recorder(loop), null, 0,
                io.jasyncio.ServerOptions.defaults().withHosts(List.of("127.0.0.1", "::1"))));
        Future<Connection<Recorder>> f = Connector.connect((BaseEventLoop) loop, "dual", port(server),
                ConnectionOptions.defaults(), () -> {
                    protocolsMade++;
                    throw new IllegalStateException("no protocol");
                }, (address, factory) -> loop.createConnection(factory, address.getAddress().getHostAddress(),
                        address.getPort()), host -> new InetAddress[] {V4, V6});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(f));
        assertEquals("no protocol", e.getMessage());
        assertEquals(1, protocolsMade);
        closeServer(server);
    }

    /** A name that does not resolve fails with asyncio's gaierror (resolved in the default executor). */
    @Test
    void testCreateConnectionUnresolvable() {
        Future<Connection<Recorder>> f = Connector.connect((BaseEventLoop) loop, "nowhere", 80,
                ConnectionOptions.defaults(), () -> new Recorder(loop), (address, factory) -> {
                    throw new AssertionError("nothing to connect to");
                }, host -> {
                    throw new UnknownHostException(host + ": Name or service not known");
                });
        io.jasyncio.GaiError e = assertThrows(io.jasyncio.GaiError.class, () -> loop.runUntilComplete(f));
        assertEquals(io.jasyncio.Errno.EAI_NONAME, e.errno());
        assertEquals("[Errno -2] Name or service not known", e.getMessage());
        assertEquals("nowhere: Name or service not known", e.getCause().getMessage());
    }

    /** After base_events._interleave_addrinfos: families alternate, with the first family's lead as asked. */
    @Test
    void testInterleaveAddrinfos() throws UnknownHostException {
        InetAddress a4 = InetAddress.getByName("10.0.0.1");
        InetAddress b4 = InetAddress.getByName("10.0.0.2");
        InetAddress c4 = InetAddress.getByName("10.0.0.3");
        InetAddress a6 = InetAddress.getByName("::a");
        InetAddress b6 = InetAddress.getByName("::b");
        List<InetAddress> resolved = List.of(a6, b6, a4, b4, c4);
        assertEquals(List.of(a6, a4, b6, b4, c4), Connector.interleave(resolved, 1));
        assertEquals(List.of(a6, b6, a4, b4, c4), Connector.interleave(resolved, 2));
        assertEquals(List.of(a4, b4, c4), Connector.interleave(List.of(a4, b4, c4), 1));
        assertInstanceOf(Inet6Address.class, Connector.interleave(resolved, 1).get(0));
    }

    /** The literal address path of loop.createConnection: no resolution, one attempt. */
    @Test
    void testCreateConnectionLiteralIpv6() {
        Server server = listenOnV6Only();
        Connection<Recorder> c = loop.runUntilComplete(loop.createConnection(() -> new Recorder(loop), "::1",
                port(server)));
        assertTrue(connectedTo(c, V6));
        closeClient(c);
        closeServer(server);
    }

    /** Connects until the listener's accept queue is full: later SYNs to it are dropped, connects to it hang. */
    private static void fillBacklog(ServerSocket silent, List<Socket> fillers) {
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            fillers.add(s);
            try {
                s.connect(silent.getLocalSocketAddress(), 200);
            } catch (IOException timedOut) {
                return; // the queue is full
            }
        }
        org.junit.jupiter.api.Assumptions.abort("the listener's backlog never filled");
    }
}
