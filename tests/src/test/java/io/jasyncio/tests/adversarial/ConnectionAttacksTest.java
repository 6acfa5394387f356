/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.adversarial;

import static io.jasyncio.tests.adversarial.GoodClient.line;
import static io.jasyncio.tests.adversarial.GoodClient.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attacks on connections themselves: churn, resets while the server writes, and a failure a client can cause at will,
 * repeated. Accept out of descriptors is {@code transport.AcceptExhaustionTest}'s (and the slowloris attack's here).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConnectionAttacksTest {
    private static final int MIB = 1 << 20;
    private static final int CHURN = 1000;
    /** How long the repeated failure goes on: two of the log's 10 s windows and a bit. */
    private static final long RESETS_SECONDS = 12;

    /**
     * 1,000 connections from four threads that each connect and go: a quarter at once, a quarter with a reset, half
     * after a PING they do not read the answer of. The server serves a PING client meanwhile and its descriptors and
     * heap come back.
     */
    @Test
    void testConnectionChurn() throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "64m", "redis")) {
            GoodClient.ping(GoodClient.connect(server.port()));
            ServerProcess.Stats baseline = server.stats();
            long logBefore = server.stderrLines();
            GoodClient good = GoodClient.start(server.port(), GoodClient::ping);
            long cpu = server.cpuTicks();
            long start = System.nanoTime();
            int done = hammer(CHURN, Long.MAX_VALUE, i -> {
                Socket s = GoodClient.connect(server.port());
                switch (i % 4) {
                    case 0 -> { }
                    case 1 -> s.setSoLinger(true, 0);
                    default -> send(s.getOutputStream(), "PING\r\n");
                }
                s.close();
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuPercent = (server.cpuTicks() - cpu) / seconds;
            good.assertServed();
            assertEquals(CHURN, done);
            long logged = server.stderrLines() - logBefore;
            assertTrue(logged < 10, () -> logged + " lines logged: " + server.stderr());
            GoodClient.assertServedAfter(server.port(), GoodClient::ping);
            ServerProcess.Stats after = server.assertBackToBaseline(baseline);
            Figures.record("connection churn, " + CHURN + " connections", "%.0f connections/s; server CPU %.0f%%;"
                    + " PING: slowest %d ms; %d log lines; fds %d -> %d; heap %.1f -> %.1f MB", CHURN / seconds, cpuPercent,
                    good.maxMillis(), logged, baseline.fds(), after.fds(), Figures.mb(baseline.heap()),
                    Figures.mb(after.heap()));
        }
    }

    /**
     * 500 clients that ask for a 1 MiB value, read its first bytes, and reset the connection while the server is
     * writing the rest: no descriptor, buffer or log line is left behind, and a PING client is served meanwhile.
     */
    @Test
    void testResetsMidWrite() throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "64m", "redis")) {
            try (Socket s = GoodClient.connect(server.port())) {
                OutputStream out = s.getOutputStream();
                out.write(("*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$" + MIB + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[MIB]);
                send(out, "\r\n");
                assertEquals("+OK", line(s.getInputStream()));
            }
            ServerProcess.Stats baseline = server.stats();
            long logBefore = server.stderrLines();
            GoodClient good = GoodClient.start(server.port(), GoodClient::ping);
            int done = hammer(500, Long.MAX_VALUE, i -> {
                Socket s = GoodClient.connect(server.port());
                s.setReceiveBufferSize(16 * 1024);
                send(s.getOutputStream(), "GET big\r\n");
                assertEquals("$" + MIB, line(s.getInputStream()));
                s.setSoLinger(true, 0);
                s.close();
            });
            good.assertServed();
            assertEquals(500, done);
            long logged = server.stderrLines() - logBefore;
            assertTrue(logged < 10, () -> logged + " lines logged: " + server.stderr());
            GoodClient.assertServedAfter(server.port(), GoodClient::ping);
            ServerProcess.Stats after = server.assertBackToBaseline(baseline);
            Figures.record("resets mid-write, 500 clients of a 1 MiB reply", "PING: slowest %d ms; %d log lines;"
                    + " fds %d -> %d; heap %.1f -> %.1f MB", good.maxMillis(), logged, baseline.fds(), after.fds(),
                    Figures.mb(baseline.heap()), Figures.mb(after.heap()));
        }
    }

    /**
     * For 12 s, as many clients as four threads make (thousands) that send a line to the Streams echo server and
     * reset the connection: each may fail the
     * handler's read or write with ConnectionResetError, a report a client can cause at will; the log summarises
     * repeats, so it grows by one report in full and one summary line per 10 s, not by a report and its stack per
     * client.
     */
    @Test
    void testRepeatedResetsInAStreamsHandler() throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "64m", "echo", "--api", "streams")) {
            GoodClient.echo(GoodClient.connect(server.port()));
            ServerProcess.Stats baseline = server.stats();
            long logBefore = server.stderrLines();
            GoodClient good = GoodClient.start(server.port(), GoodClient::echo);
            long start = System.nanoTime();
            byte[] data = "x".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            long until = start + TimeUnit.SECONDS.toNanos(RESETS_SECONDS);
            int done = hammer(Integer.MAX_VALUE, until, i -> {
                Socket s = GoodClient.connect(server.port());
                s.getOutputStream().write(data);
                s.setSoLinger(true, 0);
                s.close();
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            good.assertServed();
            assertTrue(done >= 1000, done + " resets");
            long logged = server.stderrLines() - logBefore;
            // Two kinds (a reset met by a read, a connection lost under a write), each logged per 10 s window as its
            // first report in full (a stack of 30 to 70 lines) and one summary line.
            long windows = 2 + (long) (seconds / 10);
            assertTrue(logged <= 2 * 81 * windows, () -> logged + " lines logged for " + done + " resets in "
                    + seconds + " s: " + server.stderr());
            assertTrue(server.stderr().contains("ConnectionResetError"), () -> "the resets were reported: "
                    + server.stderr());
            GoodClient.assertServedAfter(server.port(), GoodClient::echo);
            ServerProcess.Stats after = server.assertBackToBaseline(baseline);
            Figures.record("the same error repeated (resets in a Streams handler)", "%d resets in %.1f s; %d log"
                    + " lines; echo client: slowest %d ms; fds %d -> %d; heap %.1f -> %.1f MB", done, seconds, logged,
                    good.maxMillis(), baseline.fds(), after.fds(), Figures.mb(baseline.heap()),
                    Figures.mb(after.heap()));
        }
    }

    /** One attacking client's connection. */
    private interface Attack {
        void run(int i) throws IOException;
    }

    /**
     * Runs {@code n} attacks from four threads, or as many as start before {@code until} ({@link System#nanoTime});
     * returns how many completed, after failing on the first failure.
     */
    private static int hammer(int n, long until, Attack attack) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                for (int i; (i = next.getAndIncrement()) < n && failures.isEmpty() && System.nanoTime() < until;) {
                    try {
                        attack.run(i);
                        done.incrementAndGet();
                    } catch (IOException | RuntimeException | AssertionError e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> "an attacking client failed: " + failures);
        return done.get();
    }
}
