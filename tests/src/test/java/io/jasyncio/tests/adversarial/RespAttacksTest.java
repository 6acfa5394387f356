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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The RESP server ({@code ./jasyncio redis-server}) against trickled commands, large pipelines and huge values. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RespAttacksTest {
    /** A value of 1 MiB, as in the pipelined GET attack. */
    private static final int MIB = 1 << 20;

    /**
     * Four connections each trickling one multibulk of a million arguments, 2 KiB every 5 ms for 4 s: the parser's
     * state survives between reads, so the server's CPU stays low and a PING client is answered at once.
     */
    @Test
    void testTrickledLargeMultibulkAndAPingClient() throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "256m", "redis")) {
            GoodClient.ping(GoodClient.connect(server.port()));
            ServerProcess.Stats baseline = server.stats();
            List<Socket> attackers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Socket s = GoodClient.connect(server.port());
                send(s.getOutputStream(), "*1000000\r\n");
                attackers.add(s);
            }
            byte[] piece = "$1\r\nx\r\n".repeat(2048 / 7).getBytes(StandardCharsets.US_ASCII);
            GoodClient good = GoodClient.start(server.port(), GoodClient::ping);
            long cpu = server.cpuTicks();
            long start = System.nanoTime();
            long sent = 0;
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4)) {
                for (Socket s : attackers) {
                    s.getOutputStream().write(piece);
                    sent += piece.length;
                }
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuPercent = (server.cpuTicks() - cpu) / seconds;
            good.assertServed();
            assertTrue(cpuPercent < 50, "the server's CPU while the commands trickle: " + cpuPercent + "%");
            for (Socket s : attackers) {
                s.close();
            }
            GoodClient.assertServedAfter(server.port(), GoodClient::ping);
            ServerProcess.Stats after = server.assertBackToBaseline(baseline);
            Figures.record("RESP trickled multibulk, 4 connections", "%.1f MB trickled in %.1f s; server CPU %.0f%%;"
                    + " PING: %d answers, slowest %d ms; heap %.1f -> %.1f MB", Figures.mb(sent), seconds, cpuPercent,
                    good.answered(), good.maxMillis(), Figures.mb(baseline.heap()), Figures.mb(after.heap()));
        }
    }

    /**
     * One request of 500 pipelined {@code GET}s of a 1 MiB value (500 MiB of replies) from a client that does not read
     * for two seconds, against a 96 MB heap: the server stops reading once its buffer is over the high-water mark, so
     * it holds a bounded amount, answers a PING client meanwhile, and sends every reply once the client reads.
     */
    @Test
    void testPipelinedGetsOfALargeValue() throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "96m", "redis")) {
            try (Socket s = GoodClient.connect(server.port())) {
                OutputStream out = s.getOutputStream();
                out.write(("*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$" + MIB + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[MIB]);
                send(out, "\r\n");
                assertEquals("+OK", line(s.getInputStream()));
            }
            ServerProcess.Stats baseline = server.stats();
            server.resetPeak();
            int gets = 500;
            GoodClient good = GoodClient.start(server.port(), GoodClient::ping);
            Socket attacker = GoodClient.connect(server.port());
            send(attacker.getOutputStream(), "GET big\r\n".repeat(gets));
            Thread.sleep(2000);
            ServerProcess.Stats held = server.stats();
            long rss = server.peakRss();
            long start = System.nanoTime();
            InputStream in = new java.io.BufferedInputStream(attacker.getInputStream(), 1 << 16);
            for (int i = 0; i < gets; i++) {
                assertEquals("$" + MIB, line(in));
                in.skipNBytes(MIB);
                assertEquals("", line(in), "the bulk's CRLF");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            attacker.close();
            good.assertServed();
            assertFalse(server.stderr().contains("OutOfMemoryError"), server::stderr);
            GoodClient.assertServedAfter(server.port(), GoodClient::ping);
            ServerProcess.Stats after = server.assertBackToBaseline(baseline);
            Figures.record("RESP pipelined GETs of a 1 MiB value, 500 in one request, -Xmx96m", "held while the"
                    + " client did not read: heap %.1f MB after GC (peak %.1f MB), peak RSS %.0f MB; the 500 MiB of"
                    + " replies read in %.1f s; PING: slowest %d ms; heap %.1f -> %.1f MB", Figures.mb(held.heap()),
                    Figures.mb(held.peak()), Figures.mb(rss), seconds, good.maxMillis(), Figures.mb(baseline.heap()),
                    Figures.mb(after.heap()));
        }
    }

    /**
     * Twenty connections each announcing a 512 MB bulk (redis's largest) in a 40-byte request and sending ten bytes of
     * it, against a 64 MB heap: the bulk's array follows the bytes that came, not the length announced, so the server
     * holds about 1 MiB for each and goes on serving.
     */
    @Test
    void testAnnouncedHugeBulksNotSent() throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "64m", "redis")) {
            GoodClient.ping(GoodClient.connect(server.port()));
            ServerProcess.Stats baseline = server.stats();
            GoodClient good = GoodClient.start(server.port(), GoodClient::ping);
            List<Socket> attackers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Socket s = GoodClient.connect(server.port());
                send(s.getOutputStream(), "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$536870912\r\n0123456789");
                attackers.add(s);
            }
            GoodClient.ping(GoodClient.connect(server.port()));
            ServerProcess.Stats held = server.stats();
            good.assertServed();
            assertTrue(held.heap() < baseline.heap() + 20 * (MIB + (MIB >> 2)), "held: " + held);
            for (Socket s : attackers) {
                s.close();
            }
            GoodClient.assertServedAfter(server.port(), GoodClient::ping);
            ServerProcess.Stats after = server.assertBackToBaseline(baseline);
            Figures.record("RESP 512 MB bulks announced, not sent, 20 connections, -Xmx64m", "held %.1f MB of heap for"
                    + " them; PING: slowest %d ms; heap %.1f -> %.1f MB", Figures.mb(held.heap() - baseline.heap()),
                    good.maxMillis(), Figures.mb(baseline.heap()), Figures.mb(after.heap()));
        }
    }

    /**
     * A {@code SET} of 100 MB against a 64 MB heap: the server lets all its clients' incomplete commands hold a quarter
     * of its heap (16 MB here), so it refuses the length at once, as redis refuses a bulk over
     * {@code proto-max-bulk-len}, closes that client, and serves the others; then four clients each sending most of a
     * 6 MB value: together they would pass the budget, and the one that does is refused, not the process ended.
     */
    @Test
    void testHugeSetUnderASmallHeap() throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "64m", "redis")) {
            GoodClient.ping(GoodClient.connect(server.port()));
            ServerProcess.Stats baseline = server.stats();
            GoodClient good = GoodClient.start(server.port(), GoodClient::ping);
            try (Socket attacker = GoodClient.connect(server.port())) {
                send(attacker.getOutputStream(), "*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$" + 100_000_000 + "\r\n");
                assertEquals("-ERR Protocol error: invalid bulk length", line(attacker.getInputStream()));
                assertEquals(-1, attacker.getInputStream().read(), "then the connection closes");
            }
            // Four values of 6 MB, each sent but for its last MiB: none completes, so together they would hold
            // 20 MB of a 16 MB budget. The server refuses whichever passes it, whatever order it reads them in.
            List<Socket> writers = new ArrayList<>();
            java.util.concurrent.CountDownLatch refusal = new java.util.concurrent.CountDownLatch(1);
            List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 4; i++) {
                Socket s = GoodClient.connect(server.port());
                s.setSoTimeout(30_000);
                writers.add(s);
                String key = "k" + i;
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        OutputStream out = s.getOutputStream();
                        send(out, "*3\r\n$3\r\nSET\r\n$" + key.length() + "\r\n" + key + "\r\n$" + 6 * MIB
                                + "\r\n");
                        byte[] chunk = new byte[64 * 1024];
                        for (int sent = 0; sent < 5 * MIB; sent += chunk.length) {
                            out.write(chunk);
                        }
                    } catch (IOException e) {
                        // refused while writing: the answer is read below
                    }
                });
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        String answer = line(s.getInputStream());
                        answers.add(answer);
                        refusal.countDown();
                    } catch (IOException e) {
                        // closed by the test once a refusal came
                    }
                });
            }
            assertTrue(refusal.await(30, TimeUnit.SECONDS), "a refusal once 16 MB are held");
            assertEquals("-ERR Protocol error: query buffer limit reached: the server's memory for incomplete"
                    + " commands is in use", answers.get(0));
            int refused = answers.size();
            for (Socket w : writers) {
                w.close();
            }
            good.assertServed();
            assertTrue(server.process().isAlive(), "the server is up");
            GoodClient.assertServedAfter(server.port(), GoodClient::ping);
            ServerProcess.Stats after = server.stats();
            Figures.record("RESP SET of 100 MB and four of 6 MB at once, -Xmx64m", "the 100 MB length refused at once;"
                    + " %d of 4 incomplete 6 MB SETs refused past the 16 MB budget; PING: slowest %d ms; heap %.1f ->"
                    + " %.1f MB", refused, good.maxMillis(), Figures.mb(baseline.heap()), Figures.mb(after.heap()));
        }
    }
}
