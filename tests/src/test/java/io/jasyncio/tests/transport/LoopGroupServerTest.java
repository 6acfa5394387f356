/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server on a LoopGroup: one loop accepts, the connections are served round robin by every loop of the group. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopGroupServerTest {

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
        try (LoopGroup group = new LoopGroup(2, LoopOptions.defaults()).start()) {
            Server server = group.createServer(() -> new ThreadEcho(threads), "127.0.0.1", 0);
            echoFourClients(port(server));
            assertEquals(Set.of("jasyncio-loop-0", "jasyncio-loop-1"), threads, "both loops served connections");
            closeOnItsLoop(server);
        }
    }

    /** The protocol factory runs on the loop that serves the connection: its running loop is that loop. */
    @Test
    void testFactoryRunsOnTheServingLoop() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> mismatches = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LoopGroup group = new LoopGroup(2, LoopOptions.defaults()).start()) {
            Server server = group.createServer(() -> {
                io.jasyncio.EventLoop running = io.jasyncio.Asyncio.getRunningLoop();
                String thread = Thread.currentThread().getName();
                if (running != group.loop(Integer.parseInt(thread.substring("jasyncio-loop-".length())))) {
                    mismatches.add(thread);
                }
                return new ThreadEcho(threads);
            }, "127.0.0.1", 0);
            echoFourClients(port(server));
            assertEquals(Set.of("jasyncio-loop-0", "jasyncio-loop-1"), threads, "both loops served connections");
            assertEquals(List.of(), mismatches, "factories whose running loop was not the serving one");
            closeOnItsLoop(server);
        }
    }

    /** A Streams server on the group: each client's task runs on the loop that serves it, and echoes. */
    @Test
    void testStreamsServerSpreadOverTheGroup() throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        Set<io.jasyncio.EventLoop> loops = ConcurrentHashMap.newKeySet();
        try (LoopGroup group = new LoopGroup(2, LoopOptions.defaults()).start()) {
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

    private static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    /** Four clients connect, then each sends a line and reads it back. */
    private static void echoFourClients(int port) throws Exception {
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket("127.0.0.1", port);
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
