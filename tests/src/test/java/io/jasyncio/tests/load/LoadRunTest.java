/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.BaseProtocol;
import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import io.jasyncio.examples.EchoServer;
import io.jasyncio.load.LoadOptions;
import io.jasyncio.load.LoadResult;
import io.jasyncio.load.LoadRun;
import io.jasyncio.tests.BackendAssumptions;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Short runs of the load tool against servers of this process, each on its own loop thread, on 127.0.0.1:0. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoadRunTest {
    private LoopGroup serverLoop;

    @BeforeEach
    void startLoop() {
        BackendAssumptions.assumeBackendAvailable();
        serverLoop = new LoopGroup(1, LoopOptions.defaults()).start();
    }

    @AfterEach
    void stopLoop() {
        if (serverLoop != null) {
            serverLoop.close();
        }
    }

    private int serve(Supplier<? extends BaseProtocol> protocols) {
        Server server = serverLoop.createServer(protocols, "127.0.0.1", 0);
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    private static LoadResult load(int port, String... more) {
        List<String> args = new ArrayList<>(List.of("--target", "127.0.0.1:" + port, "--quiet"));
        args.addAll(List.of(more));
        return LoadRun.run(LoadOptions.parse(args.toArray(String[]::new)), null);
    }

    private static void assertClean(LoadResult r) {
        assertTrue(r.requests() > 0, "no request completed");
        assertEquals(0, r.errors(), "errors: " + r.firstError());
        assertNull(r.firstError());
        long p50 = r.latency().getValueAtPercentile(50);
        long p99 = r.latency().getValueAtPercentile(99);
        assertTrue(0 < p50 && p50 <= p99 && p99 <= r.latency().getMaxValue(), "p50 " + p50 + " p99 " + p99);
        assertEquals(r.requests(), r.latency().getTotalCount());
    }

    @Test
    void closedLoopEcho() {
        int port = serve(EchoServer.Echo::new);
        LoadResult r = load(port, "--connections", "4", "--duration", "700ms", "--warmup", "200ms", "--size",
                "1000");
        assertClean(r);
        assertEquals(r.requests() * 1000, r.bytes(), "each response is the message, once");
        assertTrue(r.elapsedNanos() >= 600_000_000L, "measured " + r.elapsedNanos() + " ns");
        assertTrue(r.clientCpuNanos() >= 0, "reads its own CPU time from /proc");
    }

    @Test
    void pipelinedEchoOnTwoLoops() {
        int port = serve(EchoServer.BufferedEcho::new);
        assertClean(load(port, "--connections", "5", "--pipeline", "8", "--loops", "2", "--duration", "500ms",
                "--size", "100"));
    }

    @Test
    void jsonReportIsOneObject() {
        int port = serve(EchoServer.Echo::new);
        LoadResult r = load(port, "--connections", "2", "--duration", "300ms", "--server-pid",
                Long.toString(ProcessHandle.current().pid()));
        assertClean(r);
        String json = r.toJson();
        assertTrue(json.startsWith("{\"target\":\"127.0.0.1:" + port + "\",\"protocol\":\"echo\""), json);
        assertTrue(json.endsWith("}") && !json.contains("\n"), json);
        for (String key : List.of("\"rps\":", "\"mibps\":", "\"p50\":", "\"p90\":", "\"p99\":", "\"p999\":",
                "\"max\":", "\"errors\":0", "\"first_error\":null", "\"server_cpu_us_per_req\":")) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        assertTrue(r.serverCpuNanos() > 0, "the server here is this process: it used CPU");
        assertTrue(r.toText().contains("errors      0"), r.toText());
    }

    @Test
    void fixedRateSendsAtTheRate() {
        int port = serve(EchoServer.Echo::new);
        LoadResult r = load(port, "--connections", "4", "--rate", "2000", "--duration", "1s", "--warmup",
                "200ms", "--size", "64");
        assertClean(r);
        // Near the rate: closed-loop, this server would answer tens of times more. The bounds are wide because a stall
        // of a busy machine delays requests (fewer now) that are then sent at once when due (more later).
        double expected = 2000 * r.elapsedNanos() / 1e9;
        assertTrue(r.requests() > 0.5 * expected && r.requests() < 1.5 * expected,
                r.requests() + " requests, " + expected + " expected");
    }

    /** Answers each read 100 ms later: 10 requests a second per connection at most. */
    static final class SlowEcho implements Protocol {
        private final io.jasyncio.EventLoop loop;
        private Transport transport;

        SlowEcho(io.jasyncio.EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
            loop.callLater(0.1, () -> transport.write(copy));
        }
    }

    private int serveSlowly() {
        io.jasyncio.EventLoop loop = serverLoop.loop(0);
        return serve(() -> new SlowEcho(loop));
    }

    @Test
    void fixedRateChargesTheServerForRequestsItHeldBack() {
        // 200 requests/s due, the server answers 10/s: request k is due at k * 5 ms but answered near (k+1) * 100 ms,
        // so its latency from when it was due grows by ~95 ms each request (coordinated omission corrected).
        int port = serveSlowly();
        LoadResult r = load(port, "--connections", "1", "--rate", "200", "--duration", "1s", "--size", "10");
        assertTrue(r.requests() >= 4 && r.requests() <= 11, r.requests() + " requests");
        assertTrue(r.latency().getValueAtPercentile(50) > 200_000_000L,
                "p50 " + r.latency().getValueAtPercentile(50) + " ns should count from the intended send time");
        assertEquals(0, r.errors(), r.firstError());
    }

    @Test
    void closedLoopTimesFromTheSend() {
        int port = serveSlowly();
        LoadResult r = load(port, "--connections", "1", "--duration", "1s", "--size", "10");
        long p50 = r.latency().getValueAtPercentile(50);
        assertTrue(p50 >= 100_000_000L && p50 < 200_000_000L, "p50 " + p50 + " ns: one server delay");
    }

    /** Replies +PONG to each RESP PING (14 bytes), split in two writes. */
    static final class Pong implements Protocol {
        private static final int PING = "*1\r\n$4\r\nPING\r\n".length();
        private Transport transport;
        private long bytes;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            long before = bytes / PING;
            bytes += data.remaining();
            for (long i = before; i < bytes / PING; i++) {
                transport.write("+PO".getBytes(StandardCharsets.US_ASCII));
                transport.write("NG\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void redisPing() {
        int port = serve(Pong::new);
        LoadResult r = load(port, "--protocol", "redis", "--connections", "3", "--pipeline", "4", "--duration",
                "500ms");
        assertClean(r);
        assertEquals(r.requests() * 7, r.bytes(), "+PONG\\r\\n per request");
    }

    /** Answers every request (ended by an empty line) with a 200 of 5 bytes; a 404 for any path but /. */
    static final class Hello implements Protocol {
        private Transport transport;
        private final StringBuilder pending = new StringBuilder();

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            pending.append(StandardCharsets.ISO_8859_1.decode(data));
            int end;
            while ((end = pending.indexOf("\r\n\r\n")) >= 0) {
                boolean root = pending.indexOf("GET / ") == 0;
                pending.delete(0, end + 4);
                transport.write((root ? "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                        : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void httpGet() {
        int port = serve(Hello::new);
        assertClean(load(port, "--protocol", "http", "--connections", "3", "--duration", "500ms"));
    }

    @Test
    void httpErrorStatusesAreCounted() {
        int port = serve(Hello::new);
        LoadResult r = load(port, "--protocol", "http", "--connections", "2", "--duration", "300ms", "--path",
                "/missing");
        assertTrue(r.requests() > 0);
        assertTrue(r.errors() >= r.requests(), r.errors() + " errors for " + r.requests() + " 404s");
        assertTrue(r.firstError().contains("400 or more"), r.firstError());
    }

    /** Closes each connection at its first request. */
    static final class Hangup implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.close();
        }
    }

    @Test
    void lostConnectionsAreErrors() {
        int port = serve(Hangup::new);
        LoadResult r = load(port, "--connections", "3", "--duration", "300ms");
        assertEquals(0, r.requests());
        assertEquals(3, r.errors(), r.firstError());
        assertEquals("the server closed a connection", r.firstError());
    }

    @Test
    void nobodyListening() throws java.io.IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // free once closed
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> load(port, "--connections", "2", "--duration", "300ms"));
        assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1:" + port), e.getMessage());
    }
}
