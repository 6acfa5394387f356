/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.Transport;
import io.jasyncio.tests.BackendAssumptions;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import javax.net.ssl.SSLSocket;

/** A server on a LoopGroup: one loop accepts, the connections are served round robin by every loop of the group. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopGroupServerTest {
    /** The threads of a group of {@link #twoLoops()}. */
    private static final Set<String> BOTH_LOOPS = Set.of("jasyncio-loop-0", "jasyncio-loop-1");

    /** A started group of two loops, on the default backend. */
    private static LoopGroup twoLoops() {
        return new LoopGroup(2, LoopOptions.defaults()).start();
    }

    /** Echoes, and notes which loop thread served the connection. */
    static final class ThreadEcho implements Protocol {
        private final Set<String> threads;
        private Transport transport;

        ThreadEcho(Set<String> threads) {
            this.threads = threads;
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            if (!Thread.currentThread().getName().startsWith("jasyncio-loop-")) {
                throw new IllegalStateException("served off the group's threads: " + Thread.currentThread());
            }
            transport.write(data);
        }
    }

    @Test
    void testConnectionsSpreadOverTheGroup() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (LoopGroup group = twoLoops()) {
            Server server = group.createServer(() -> new ThreadEcho(threads), "127.0.0.1", 0);
            echoFourClients(port(server));
            assertEquals(BOTH_LOOPS, threads, "both loops served connections");
            closeOnItsLoop(server);
        }
    }

    /** The protocol factory runs on the loop that serves the connection: its running loop is that loop. */
    @Test
    void testFactoryRunsOnTheServingLoop() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> mismatches = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LoopGroup group = twoLoops()) {
            Server server = group.createServer(() -> {
                io.jasyncio.EventLoop running = io.jasyncio.Asyncio.getRunningLoop();
                String thread = Thread.currentThread().getName();
                if (running != group.loop(Integer.parseInt(thread.substring("jasyncio-loop-".length())))) {
                    mismatches.add(thread);
                }
                return new ThreadEcho(threads);
            }, "127.0.0.1", 0);
            echoFourClients(port(server));
            assertEquals(BOTH_LOOPS, threads, "both loops served connections");
            assertEquals(List.of(), mismatches, "factories whose running loop was not the serving one");
            closeOnItsLoop(server);
        }
    }

    /** A Streams server on the group: each client's task runs on the loop that serves it, and echoes. */
    @Test
    void testStreamsServerSpreadOverTheGroup() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        Set<io.jasyncio.EventLoop> loops = ConcurrentHashMap.newKeySet();
        try (LoopGroup group = twoLoops()) {
            Server server = group.startServer((reader, writer) -> {
                loops.add(io.jasyncio.Asyncio.getRunningLoop());
                ByteBuffer buf = ByteBuffer.allocate(1024);
                while (reader.readinto(buf.clear()) > 0) {
                    writer.write(buf.flip());
                    writer.drain();
                }
                writer.close();
            }, "127.0.0.1", 0, ServerOptions.defaults().withLimit(1024));
            echoFourClients(port(server));
            assertEquals(Set.copyOf(group.loops()), loops, "both loops ran client tasks");
            closeOnItsLoop(server);
        }
    }

    @Test
    void testStreamsServerRefusesABadLimit() {
        try (LoopGroup group = new LoopGroup(1, LoopOptions.defaults())) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> ServerOptions.defaults().withLimit(0));
            assertEquals("Limit cannot be <= 0", e.getMessage());
        }
    }

    @TempDir
    static Path keys;

    /** A TLS server spread over the group: each loop's connections run their own handshake and echo over TLS. */
    @Test
    void testTlsServerSpreadOverTheGroup() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        TestCertificates certificates = TestCertificates.make(keys);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (LoopGroup group = twoLoops()) {
            Server server = group.createServer(() -> new ThreadEcho(threads), "127.0.0.1", 0,
                    ServerOptions.defaults().withSsl(certificates.server()));
            int port = port(server);
            for (int i = 0; i < 4; i++) {
                try (SSLSocket s = (SSLSocket) certificates.client().getSocketFactory().createSocket("127.0.0.1",
                        port)) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                    byte[] msg = ("tls " + i).getBytes(StandardCharsets.UTF_8);
                    s.getOutputStream().write(msg);
                    s.getOutputStream().flush();
                    assertEquals("tls " + i, new String(s.getInputStream().readNBytes(msg.length),
                            StandardCharsets.UTF_8));
                }
            }
            assertEquals(BOTH_LOOPS, threads, "both loops served TLS connections");
            closeOnItsLoop(server);
        }
    }

    /** Several hosts spread over the group: one listening socket per host, every socket's connections spread. */
    @Test
    void testHostsSpreadOverTheGroup() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (LoopGroup group = twoLoops()) {
            Server server = group.createServer(() -> new ThreadEcho(threads), null, 0,
                    ServerOptions.defaults().withHosts(List.of("127.0.0.1", "::1")));
            List<java.net.SocketAddress> sockets = server.sockets();
            assertEquals(2, sockets.size(), sockets.toString());
            for (java.net.SocketAddress address : sockets) {
                threads.clear();
                echoFourClients((InetSocketAddress) address);
                assertEquals(BOTH_LOOPS, threads, "both loops served " + address);
            }
            closeOnItsLoop(server);
        }
    }

    /** startServing=false on a group: the socket listens but nothing is accepted until startServing(). */
    @Test
    void testStartServingFalseSpreadOverTheGroup() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (LoopGroup group = twoLoops()) {
            Server server = group.createServer(() -> new ThreadEcho(threads), "127.0.0.1", 0,
                    ServerOptions.defaults().withStartServing(false));
            assertFalse(server.isServing());
            try (Socket early = new Socket("127.0.0.1", port(server))) { // the kernel completes it: Netty listens
                early.getOutputStream().write("early".getBytes(StandardCharsets.UTF_8));
                early.setSoTimeout(200);
                assertThrows(SocketTimeoutException.class, () -> early.getInputStream().read(),
                        "served before startServing()");
                assertEquals(Set.of(), threads, "accepted before startServing()");
                onItsLoop(server, () -> {
                    server.startServing();
                    return null;
                });
                assertTrue(server.isServing());
                early.setSoTimeout(10_000);
                assertEquals("early", new String(early.getInputStream().readNBytes(5), StandardCharsets.UTF_8));
            }
            echoFourClients(new InetSocketAddress("127.0.0.1", port(server)));
            assertEquals(BOTH_LOOPS, threads, "both loops served connections");
            closeOnItsLoop(server);
        }
    }

    /** SO_REUSEPORT and the backlog reach every loop's socket: two group servers share one port. */
    @Test
    void testReusePortSpreadOverTheGroup() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"),
                "SO_REUSEPORT balancing as tested here is Linux's");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (LoopGroup group = twoLoops()) {
            ServerOptions options = ServerOptions.defaults().withReusePort(true).withBacklog(10);
            Server first = group.createServer(() -> new ThreadEcho(threads), "127.0.0.1", 0, options);
            int port = port(first);
            Server second = group.createServer(() -> new ThreadEcho(threads), "127.0.0.1", port, options);
            assertEquals(port, port(second));
            echoFourClients(new InetSocketAddress("127.0.0.1", port));
            closeOnItsLoop(first);
            closeOnItsLoop(second);
        }
    }

    /**
     * SO_REUSEPORT on a group: every loop binds a socket of its own on the port the first picked (port 0), and the
     * kernel spreads the connections over them, so every loop serves some. cf. asyncio's create_server(reuse_port=True)
     * in several processes, which is how asyncio servers use several cores.
     */
    @Test
    void testReusePortGivesEveryLoopItsSocket() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"),
                "only Linux spreads a port's connections over its sockets");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (LoopGroup group = new LoopGroup(3, LoopOptions.defaults()).start()) {
            Server server = group.createServer(() -> new ThreadEcho(threads), "127.0.0.1", 0,
                    ServerOptions.defaults().withReusePort(true));
            List<java.net.SocketAddress> sockets = server.sockets();
            assertEquals(3, sockets.size(), "one listening socket per loop: " + sockets);
            assertEquals(1, Set.copyOf(sockets).size(), "all on the port the first picked: " + sockets);
            assertTrue(port(server) != 0);
            for (int i = 0; i < 15 && threads.size() < 3; i++) { // 60 connections miss a loop with p < 1e-10
                echoFourClients(port(server));
            }
            assertEquals(Set.of("jasyncio-loop-0", "jasyncio-loop-1", "jasyncio-loop-2"), threads,
                    "every loop accepted and served connections");
            closeOnItsLoop(server);
        }
    }

    /** Closing a server with a socket per loop closes every one: no connection is accepted on the port after it. */
    @Test
    void testReusePortCloseClosesEverySocket() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"),
                "only Linux spreads a port's connections over its sockets");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (LoopGroup group = twoLoops()) {
            Server server = group.createServer(() -> new ThreadEcho(threads), "127.0.0.1", 0,
                    ServerOptions.defaults().withReusePort(true));
            int port = port(server);
            assertEquals(2, server.sockets().size());
            echoFourClients(port);
            closeOnItsLoop(server);
            assertEquals(List.of(), server.sockets());
            for (int i = 0; i < 20; i++) { // a socket left open would take about half of them
                assertThrows(java.net.ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
                        "a listening socket is still open on " + port);
            }
        }
    }

    /** The loops' sockets keep the group's start_serving=False: none accepts until startServing(), then all do. */
    @Test
    void testReusePortStartServingFalse() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"),
                "only Linux spreads a port's connections over its sockets");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (LoopGroup group = twoLoops()) {
            Server server = group.createServer(() -> new ThreadEcho(threads), "127.0.0.1", 0,
                    ServerOptions.defaults().withReusePort(true).withStartServing(false));
            assertFalse(server.isServing());
            onItsLoop(server, () -> {
                server.startServing();
                return null;
            });
            for (int i = 0; i < 15 && threads.size() < 2; i++) {
                echoFourClients(port(server));
            }
            assertEquals(BOTH_LOOPS, threads, "both loops accepted");
            closeOnItsLoop(server);
        }
    }

    private static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    /** Four clients connect, then each sends a line and reads it back. */
    private static void echoFourClients(int port) throws Exception {
        echoFourClients(new InetSocketAddress("127.0.0.1", port));
    }

    /** Four clients connect to {@code address}, then each sends a line and reads it back. */
    private static void echoFourClients(InetSocketAddress address) throws Exception {
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket(address.getAddress(), address.getPort());
                s.setSoTimeout(10_000);
                clients.add(s);
            }
            for (int i = 0; i < clients.size(); i++) {
                byte[] msg = ("client " + i).getBytes(StandardCharsets.UTF_8);
                OutputStream out = clients.get(i).getOutputStream();
                out.write(msg);
                out.flush();
                byte[] back = clients.get(i).getInputStream().readNBytes(msg.length);
                assertEquals("client " + i, new String(back, StandardCharsets.UTF_8));
            }
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
    }

    /** Runs a coroutine on the server's loop and waits for it. */
    private static void onItsLoop(Server server, java.util.concurrent.Callable<Void> body) throws Exception {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        server.getLoop().callSoonThreadsafe(() -> server.getLoop().createTask(() -> {
            try {
                body.call();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
            return null;
        }));
        done.get(10, TimeUnit.SECONDS);
    }

    private static void closeOnItsLoop(Server server) throws Exception {
        java.util.concurrent.CompletableFuture<Void> closed = new java.util.concurrent.CompletableFuture<>();
        server.getLoop().callSoonThreadsafe(() -> server.getLoop().createTask(() -> {
            server.close();
            server.waitClosed();
            closed.complete(null);
            return null;
        }));
        closed.get(10, TimeUnit.SECONDS);
    }
}
