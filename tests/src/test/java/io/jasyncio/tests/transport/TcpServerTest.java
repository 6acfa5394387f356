/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.CancelledError;
import io.jasyncio.Connection;
import io.jasyncio.Errno;
import io.jasyncio.Future;
import io.jasyncio.OSError;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.Task;
import io.jasyncio.Transport;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers: ports of CPython's test_server.py and of the server parts of test_events.py (create_server's options,
 * serve_forever, wait_closed, close_clients, abort_clients), on the backend under test.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpServerTest extends NetTestBase {

    /**
     * Port of test_server.py BaseStartServer.test_start_server_1: a server made with start_serving=False serves once
     * serve_forever runs; cancelling serve_forever closes it, and a second serve_forever says it is closed.
     */
    @Test
    void testStartServer1() {
        Task<?>[] main = new Task<?>[1];
        Server srv = listen(() -> new Recorder(loop) {
            @Override
            public void dataReceived(ByteBuffer bytes) {
                super.dataReceived(bytes);
                if (text().endsWith("\n")) {
                    main[0].cancel();
                    transport.write(bytes("1"));
                    transport.close();
                }
            }
        }, ServerOptions.defaults().withStartServing(false));
        assertFalse(srv.isServing());
        main[0] = loop.createTask(() -> {
            srv.serveForever();
            return null;
        });
        Connection<Recorder> client = connect(srv);
        client.transport().write(bytes("1".repeat(5 * 1024) + "\n"));
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(main[0]));
        loop.runUntilComplete(client.protocol().lost);
        assertEquals("1", client.protocol().text());
        assertEquals(List.of(), srv.sockets());
        assertFalse(srv.isServing());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(() -> {
            srv.serveForever();
            return null;
        }));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
    }

    /** With start_serving=False nothing is accepted until startServing(); then the waiting client is served. */
    @Test
    void testStartServing() {
        Server srv = listenRecording(ServerOptions.defaults().withStartServing(false));
        assertFalse(srv.isServing());
        Connection<Recorder> client = connect(srv); // the kernel completes it: Netty listens at bind
        client.transport().write(bytes("early"));
        sleep(0.05);
        assertTrue(serverSide.isEmpty(), "accepted before startServing()");
        loop.runUntilComplete(() -> {
            srv.startServing();
            assertTrue(srv.isServing());
            srv.startServing(); // idempotent
            return null;
        });
        Recorder s = accepted(0);
        waitUntil(() -> s.data.size() == 5);
        assertEquals("early", s.text());
        closeClient(client);
        closeServer(srv);
    }

    /** Port of test_server.py TestServer2.test_wait_closed_basic: waitClosed waits for close and for every client. */
    @Test
    void testWaitClosedBasic() {
        Server srv = listenRecording();
        Task<Void> task1 = waitClosedTask(srv);
        runOnce();
        assertFalse(task1.done(), "not closed: should block");
        Connection<Recorder> c = connect(srv);
        accepted(0);
        runOnce();
        assertFalse(task1.done(), "a client, not closed: should block");
        srv.close();
        Task<Void> task2 = waitClosedTask(srv);
        runOnce();
        assertFalse(task2.done(), "a client, closed: should block");
        closeClient(c);
        loop.runUntilComplete(task1);
        loop.runUntilComplete(task2);
        Task<Void> task3 = waitClosedTask(srv);
        runOnce();
        assertTrue(task3.done(), "no client, closed: returns at once");
    }

    /** Port of test_server.py TestServer2.test_wait_closed_race: close and the client's close in the same round. */
    @Test
    void testWaitClosedRace() {
        Server srv = listenRecording();
        Task<Void> waiting = waitClosedTask(srv);
        runOnce();
        assertFalse(waiting.done());
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        loop.callSoon(srv::close);
        loop.callSoon(c.transport()::close);
        loop.runUntilComplete(waiting);
        loop.runUntilComplete(s.lost);
    }

    /**
     * A protocol factory that throws is reported to the exception handler with asyncio's message (asyncio reports it
     * in debug mode only), that client's connection is closed, and the next client is served.
     */
    // test_base_events.py / selector_events._accept_connection2: "Error on transport creation for incoming connection"
    @Test
    void testProtocolFactoryThatThrowsIsReportedAndTheServerGoesOn() throws Exception {
        expectExceptions();
        int[] made = {0};
        Server srv = listen(() -> {
            if (made[0]++ == 0) {
                throw new IllegalStateException("no protocol for you");
            }
            Recorder r = new Recorder(loop);
            serverSide.add(r);
            return r;
        });
        try (Socket first = new Socket("127.0.0.1", port(srv))) {
            java.util.concurrent.CompletableFuture<byte[]> firstRead = readOnThread(first, 1);
            waitUntil(firstRead::isDone);
            assertTrue(firstRead.isCompletedExceptionally() || firstRead.get().length == 0,
                    "the first client's connection is closed (an end or a reset)");
        }
        assertEquals(1, handled.size(), handled.toString());
        assertEquals("Error on transport creation for incoming connection", handled.get(0).message());
        assertEquals("no protocol for you", handled.get(0).exception().getMessage());
        Connection<Recorder> second = connect(srv);
        accepted(0);
        assertEquals(List.of("made"), serverSide.get(0).calls);
        closeClient(second);
        closeServer(srv);
    }

    /** Port of test_server.py TestServer2.test_close_clients: close + closeClients lets waitClosed finish. */
    @Test
    void testCloseClients() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        accepted(0);
        Task<Void> task = waitClosedTask(srv);
        runOnce();
        assertFalse(task.done());
        srv.close();
        srv.closeClients();
        loop.runUntilComplete(task);
        loop.runUntilComplete(c.protocol().lost);
        assertEquals(List.of("made", "eof", "lost"), c.protocol().calls, "a close, not a reset");
    }

    /**
     * Port of test_server.py TestServer2.test_abort_clients: a client whose peer never reads (the server's write
     * buffer is not empty) is aborted at once; waitClosed does not wait for the buffer to drain.
     */
    @Test
    void testAbortClients() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = stingyPeer(srv)) {
            Recorder s = accepted(0);
            byte[] chunk = new byte[65536];
            for (int i = 0; i < 1000 && s.transport.getWriteBufferSize() == 0; i++) {
                s.transport.write(chunk);
                runOnce();
            }
            assertTrue(s.transport.getWriteBufferSize() > 0, "the peer's buffers are full");
            Task<Void> task = waitClosedTask(srv);
            runOnce();
            assertFalse(task.done());
            srv.close();
            srv.abortClients();
            loop.runUntilComplete(task);
            assertEquals("lost", s.calls.get(s.calls.size() - 1));
        }
    }

    /**
     * Port of test_server.py TestServer2.test_close_race: a connection accepted just before close still ends, and
     * waitClosed completes once it has.
     */
    @Test
    void testCloseRace() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = new Socket("127.0.0.1", port(srv))) {
            srv.close(); // the connection waits in the backlog, or is accepted in this very poll
            runOnce();
            srv.closeClients();
            loop.runUntilComplete(() -> {
                srv.waitClosed();
                return null;
            });
        }
        for (Recorder r : serverSide) {
            assertEquals("lost", r.calls.get(r.calls.size() - 1));
        }
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_server_addr_in_use: asyncio's message. */
    @Test
    void testCreateServerAddrInUse() {
        Server srv = listenRecording();
        int port = port(srv);
        Future<Server> f = loop.createServer(() -> new Recorder(loop), "127.0.0.1", port);
        OSError e = assertThrows(OSError.class, () -> loop.runUntilComplete(f));
        assertEquals(Errno.EADDRINUSE, e.errno());
        assertEquals("[Errno 98] error while attempting to bind on address ('127.0.0.1', " + port
                + "): address already in use", e.getMessage());
        assertInstanceOf(java.io.IOException.class, e.getCause()); // BindException on NIO, Netty's on epoll
        closeServer(srv);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_server_reuse_port: two servers share a port. */
    @Test
    void testCreateServerReusePort() {
        ServerOptions reuse = ServerOptions.defaults().withReusePort(true);
        Server first = listenRecording(reuse);
        Server second = loop.runUntilComplete(loop.createServer(() -> new Recorder(loop), "127.0.0.1",
                port(first), reuse));
        assertEquals(port(first), port(second));
        Future<Server> third = loop.createServer(() -> new Recorder(loop), "127.0.0.1", port(first));
        assertEquals(Errno.EADDRINUSE, assertThrows(OSError.class, () -> loop.runUntilComplete(third),
                "without SO_REUSEPORT").errno());
        closeServer(second);
        closeServer(first);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_server_dual_stack: host None takes IPv4 and IPv6. */
    @Test
    void testCreateServerDualStack() throws Exception {
        Server srv = loop.runUntilComplete(loop.createServer(() -> {
            Recorder r = new Recorder(loop);
            serverSide.add(r);
            return r;
        }, null, 0));
        int port = port(srv);
        assertTrue(((InetSocketAddress) srv.sockets().get(0)).getAddress().isAnyLocalAddress());
        try (Socket v4 = new Socket("127.0.0.1", port)) {
            v4.getOutputStream().write(bytes("xxx"));
            Recorder r = accepted(0);
            waitUntil(() -> r.data.size() == 3);
        }
        try (Socket v6 = new Socket(Inet6Address.getByName("::1"), port)) {
            v6.getOutputStream().write(bytes("xxx"));
            Recorder r = accepted(1);
            waitUntil(() -> r.data.size() == 3);
            assertInstanceOf(Inet6Address.class, ((InetSocketAddress) r.transport.getExtraInfo("peername"))
                    .getAddress());
        }
        closeServer(srv);
    }

    /** The hosts of the options replace the host argument: giving both, or an empty list, is refused. */
    @Test
    void testHostsAndHostRefused() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> loop.createServer(
                () -> new Recorder(loop), "127.0.0.1", 0, ServerOptions.defaults().withHosts(List.of("::1"))));
        assertEquals("a host and hosts given: 127.0.0.1, [::1]", both.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.defaults().withHosts(List.of()));
        assertEquals("no host to bind", none.getMessage());
    }

    /**
     * Port of test_base_events.py BaseEventLoopWithSelectorTests.test_create_server_multiple_hosts_ipv4/_ipv6, on
     * real sockets: one listening socket per host, each serving, all closed by close().
     */
    @Test
    void testCreateServerMultipleHosts() throws Exception {
        Server srv = loop.runUntilComplete(loop.createServer(() -> {
            Recorder r = new Recorder(loop);
            serverSide.add(r);
            return r;
        }, null, 0, ServerOptions.defaults().withHosts(List.of("127.0.0.1", "::1"))));
        List<java.net.SocketAddress> sockets = srv.sockets();
        assertEquals(2, sockets.size(), sockets.toString());
        InetSocketAddress v4 = (InetSocketAddress) sockets.get(0);
        InetSocketAddress v6 = (InetSocketAddress) sockets.get(1);
        assertEquals("127.0.0.1", v4.getAddress().getHostAddress());
        assertInstanceOf(Inet6Address.class, v6.getAddress());
        try (Socket a = new Socket(v4.getAddress(), v4.getPort());
                Socket b = new Socket(v6.getAddress(), v6.getPort())) {
            a.getOutputStream().write(bytes("a"));
            b.getOutputStream().write(bytes("bb"));
            waitUntil(() -> serverSide.size() == 2 && serverSide.stream().mapToInt(r -> r.data.size()).sum() == 3);
        }
        closeServer(srv);
        assertEquals(List.of(), srv.sockets());
        waitUntil(() -> refused(v4) && refused(v6)); // NIO releases a closed socket at its next select
    }

    private static boolean refused(InetSocketAddress address) {
        try (Socket s = new Socket(address.getAddress(), address.getPort())) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** If one host cannot be bound, the sockets bound for the others are closed and the future fails. */
    @Test
    void testCreateServerMultipleHostsOneInUse() throws Exception {
        Server taken = listenRecording();
        int port = port(taken);
        Future<Server> f = loop.createServer(() -> new Recorder(loop), null, port,
                ServerOptions.defaults().withHosts(List.of("::1", "127.0.0.1")));
        OSError e = assertThrows(OSError.class, () -> loop.runUntilComplete(f));
        assertTrue(e.getMessage().contains("('127.0.0.1', " + port + ")"), e.getMessage());
        // ::1 was bound first, then released: it can be bound again.
        Server again = loop.runUntilComplete(loop.createServer(() -> new Recorder(loop), "::1", port));
        assertEquals(port, port(again));
        closeServer(again);
        closeServer(taken);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_server_close: after close, connections are refused. */
    @Test
    void testServerCloseRefuses() throws Exception {
        Server srv = listenRecording();
        int port = port(srv);
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write(bytes("xxx"));
        }
        srv.close();
        loop.runUntilComplete(() -> {
            srv.waitClosed();
            return null;
        });
        assertThrows(java.net.ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    /** Port of test_base_events.py test_create_server_ssl_timeout_for_plain_socket: asyncio's ValueError. */
    @Test
    void testCreateServerSslTimeoutForPlainSocket() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loop.createServer(
                () -> new Recorder(loop), "127.0.0.1", 0, ServerOptions.defaults().withSslHandshakeTimeout(1.0)));
        assertEquals("ssl_handshake_timeout is only meaningful with ssl", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> loop.createServer(() -> new Recorder(loop),
                "127.0.0.1", 0, ServerOptions.defaults().withSslShutdownTimeout(1.0)));
        assertEquals("ssl_shutdown_timeout is only meaningful with ssl", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ServerOptions.defaults().withSslHandshakeTimeout(-1.0));
        assertEquals("ssl_handshake_timeout should be a positive number, got -1.0", e.getMessage());
    }

    /** Port of test_server.py: serve_forever twice at once raises asyncio's RuntimeError. */
    @Test
    void testServeForeverTwice() {
        Server srv = listenRecording();
        Task<Object> first = loop.createTask(() -> {
            srv.serveForever();
            return null;
        });
        runOnce();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(() -> {
            srv.serveForever();
            return null;
        }));
        assertTrue(e.getMessage().endsWith("is already being awaited on serve_forever()"), e.getMessage());
        srv.close(); // cancels the first serve_forever, as asyncio's close does
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(first));
        loop.runUntilComplete(() -> {
            srv.waitClosed();
            return null;
        });
    }

    /** Port of test_events.py TestAbstractServer.test_get_loop, and Server.sockets after close. */
    @Test
    void testGetLoopAndSockets() {
        Server srv = listenRecording();
        assertSame(loop, srv.getLoop());
        assertEquals(1, srv.sockets().size());
        assertEquals("127.0.0.1", ((InetSocketAddress) srv.sockets().get(0)).getAddress().getHostAddress());
        srv.close();
        assertEquals(List.of(), srv.sockets());
        srv.close(); // idempotent
        loop.runUntilComplete(() -> {
            srv.waitClosed();
            return null;
        });
    }

    /** keep_alive and TCP_NODELAY reach the accepted sockets. */
    @Test
    void testCreateServerKeepAlive() {
        Server srv = listenRecording(ServerOptions.defaults().withKeepAlive(true));
        Connection<Recorder> c = connect(srv);
        Transport t = accepted(0).transport;
        io.netty.channel.Channel ch = (io.netty.channel.Channel) t.getExtraInfo("socket");
        assertTrue(ch.config().getOption(io.netty.channel.ChannelOption.SO_KEEPALIVE));
        assertTrue(ch.config().getOption(io.netty.channel.ChannelOption.TCP_NODELAY), "asyncio sets TCP_NODELAY");
        closeClient(c);
        closeServer(srv);
    }

    /** Server is AutoCloseable: try-with-resources stops listening. */
    @Test
    void testServerAutoCloseable() {
        Server outer;
        try (Server srv = listenRecording()) {
            outer = srv;
            assertTrue(srv.isServing());
        }
        assertFalse(outer.isServing());
        loop.runUntilComplete(() -> {
            outer.waitClosed();
            return null;
        });
    }

    /** asyncio's {@code create_task(srv.wait_closed())}. */
    private Task<Void> waitClosedTask(Server srv) {
        return loop.createTask(() -> {
            srv.waitClosed();
            return null;
        });
    }
}
