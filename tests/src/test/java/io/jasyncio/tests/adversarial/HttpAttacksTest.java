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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP server ({@code ./jasyncio http-server}) against slowloris, idle keep-alives, chunk extensions, bad bytes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpAttacksTest {
    private static final String HEAD = "GET / HTTP/1.1\r\nHost: t\r\n";

    /**
     * 300 connections that send a request's head a header at a time and never finish it, against a server limited to
     * 256 descriptors: each is answered 408 and closed at the header timeout, so the server, out of descriptors for a
     * while, accepts again, and a fresh client is served within the timeout and the accept's rest.
     *
     * <p>A 408 is asked for once before the attack: with the classes in directories, as {@code mvn test} has them
     * (the launcher runs from jars, which stay open), a class first loaded while out of descriptors cannot be read.
     */
    @Test
    void testSlowlorisHeadersAtALowDescriptorLimit() throws Exception {
        int headerTimeout = 2;
        try (ServerProcess server = ServerProcess.start(256, "64m", "http", "--header-timeout",
                String.valueOf(headerTimeout))) {
            GoodClient.get(GoodClient.connect(server.port()));
            try (Socket warm = GoodClient.connect(server.port())) { // the 408's classes, loaded while files open
                send(warm.getOutputStream(), HEAD);
                assertEquals("HTTP/1.1 408 Request Timeout", line(warm.getInputStream()));
            }
            ServerProcess.Stats baseline = server.stats();
            long cpu = server.cpuTicks();
            long start = System.nanoTime();
            List<Socket> attackers = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < 300; i++) {
                Socket s = GoodClient.connect(server.port());
                send(s.getOutputStream(), HEAD);
                attackers.add(s);
            }
            GoodClient good = GoodClient.startFresh(server.port(), GoodClient::get);
            long mostFds = 0;
            while (!attackers.isEmpty()) {
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), attackers.size()
                        + " slowloris connections still open");
                mostFds = Math.max(mostFds, server.fds());
                for (var it = attackers.iterator(); it.hasNext();) {
                    Socket s = it.next();
                    try {
                        if (s.getInputStream().available() > 0) {
                            assertEquals("HTTP/1.1 408 Request Timeout", line(s.getInputStream()));
                            refused++;
                            s.close();
                            it.remove();
                        } else {
                            send(s.getOutputStream(), "X-Slow: 1\r\n");
                        }
                    } catch (IOException e) {
                        s.close();
                        it.remove();
                    }
                }
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            good.close();
            long cpuUsed = server.cpuTicks() - cpu;
            // Waiting in the backlog while the descriptors are out: the header timeout, then the accept's rest.
            long bound = TimeUnit.SECONDS.toMillis(headerTimeout + 1) + GoodClient.BOUND_MILLIS;
            assertTrue(good.maxMillis() < bound, "a fresh client waited " + good.maxMillis() + " ms");
            assertTrue(refused > 200, refused + " answered 408");
            assertTrue(server.stderr().contains("Too many open files"),
                    () -> "the server ran out of descriptors: " + server.stderr());
            GoodClient.assertServedAfter(server.port(), GoodClient::get);
            ServerProcess.Stats after = server.assertBackToBaseline(baseline);
            Figures.record("slowloris headers, 300 connections, nofile 256",
                    "all closed in %.1f s (%d with 408); server CPU %.0f%%; fresh client: %d answers, slowest %d ms;"
                    + " fds %d -> peak %d -> %d; heap %.1f -> %.1f MB", seconds, refused, cpuUsed / seconds,
                    good.answered(), good.maxMillis(), baseline.fds(), mostFds, after.fds(), Figures.mb(baseline.heap()),
                    Figures.mb(after.heap()));
            assertTrue(server.alive());
        }
    }

    /**
     * 200 connections that ask once and then idle with the connection kept alive: the server closes them at the
     * keep-alive timeout, so its descriptors come back while the clients still hold theirs.
     */
    @Test
    void testIdleKeepAliveConnectionsAreClosedByTheServer() throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "64m", "http", "--keepalive-timeout", "1")) {
            GoodClient.get(GoodClient.connect(server.port()));
            ServerProcess.Stats baseline = server.stats();
            GoodClient good = GoodClient.start(server.port(), GoodClient::get);
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Socket s = GoodClient.connect(server.port());
                GoodClient.get(s);
                idle.add(s);
            }
            long held = server.fds();
            long start = System.nanoTime();
            for (Socket s : idle) {
                assertEquals(-1, s.getInputStream().read(), "the server closed the idle connection");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            good.assertServed();
            GoodClient.assertServedAfter(server.port(), GoodClient::get);
            ServerProcess.Stats after = server.assertBackToBaseline(baseline); // the clients' sockets still open
            for (Socket s : idle) {
                s.close();
            }
            Figures.record("idle keep-alive, 200 connections, --keepalive-timeout 1",
                    "all closed by the server %.1f s after the last answer; good client: %d answers, slowest %d ms;"
                    + " fds %d -> %d -> %d (clients still open); heap %.1f -> %.1f MB", seconds, good.answered(),
                    good.maxMillis(), baseline.fds(), held, after.fds(), Figures.mb(baseline.heap()),
                    Figures.mb(after.heap()));
        }
    }

    /**
     * A chunked body of one-byte chunks, each with a 1,000-byte chunk extension (the longest chunk-size line taken is 1 KiB), against {@code --max-body 65536}: the
     * extensions count, so the server answers 413 and closes once 64 KiB have come, and the client's writes fail
     * long before its 256 MB are sent.
     */
    @Test
    void testChunkExtensionAmplificationOverMaxBody() throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "64m", "http", "--max-body", "65536")) {
            GoodClient.get(GoodClient.connect(server.port()));
            ServerProcess.Stats baseline = server.stats();
            long cpu = server.cpuTicks();
            GoodClient good = GoodClient.start(server.port(), GoodClient::get);
            Socket s = GoodClient.connect(server.port());
            byte[] chunk = ("1;" + "e".repeat(1000) + "\r\nx\r\n").getBytes(StandardCharsets.US_ASCII);
            AtomicLong written = new AtomicLong();
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    send(out, "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
                    while (written.get() < 256L << 20) {
                        out.write(chunk);
                        written.addAndGet(chunk.length);
                    }
                } catch (IOException e) {
                    // The server closed the connection: what is expected.
                }
            });
            long start = System.nanoTime();
            InputStream in = s.getInputStream();
            assertEquals("HTTP/1.1 413 Content Too Large", line(in));
            GoodClient.httpBody(in);
            writer.join(20_000);
            assertFalse(writer.isAlive(), "the client's writes fail once the server has closed");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(written.get() < 64L << 20, written.get() + " bytes written before the refusal");
            s.close();
            good.assertServed();
            long cpuUsed = server.cpuTicks() - cpu;
            GoodClient.assertServedAfter(server.port(), GoodClient::get);
            ServerProcess.Stats after = server.assertBackToBaseline(baseline);
            Figures.record("chunk extensions, --max-body 65536", "413 after %.2f s; the client wrote %.1f MB (kernel"
                    + " buffers included) before its writes failed; server CPU %d ms; good client: slowest %d ms;"
                    + " heap %.1f -> %.1f MB", seconds, Figures.mb(written.get()), cpuUsed * 10, good.maxMillis(),
                    Figures.mb(baseline.heap()), Figures.mb(after.heap()));
        }
    }

    /** A NUL or a bare CR in a header value, 100 times each: 400 and close, every time; the log stays quiet. */
    @Test
    void testNulAndBareCrInHeaderValues() throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "64m", "http")) {
            GoodClient.get(GoodClient.connect(server.port()));
            ServerProcess.Stats baseline = server.stats();
            long logBefore = server.stderrLines();
            GoodClient good = GoodClient.start(server.port(), GoodClient::get);
            for (int i = 0; i < 200; i++) {
                String value = i % 2 == 0 ? "a\0b" : "a\rb";
                try (Socket s = GoodClient.connect(server.port())) {
                    send(s.getOutputStream(), HEAD + "X-Bad: " + value + "\r\n\r\n");
                    assertEquals("HTTP/1.1 400 Bad Request", line(s.getInputStream()), "for " + value);
                    GoodClient.httpBody(s.getInputStream());
                    assertEquals(-1, s.getInputStream().read(), "closed after the 400");
                }
            }
            good.assertServed();
            long logged = server.stderrLines() - logBefore;
            assertTrue(logged < 10, () -> logged + " lines logged: " + server.stderr());
            GoodClient.assertServedAfter(server.port(), GoodClient::get);
            ServerProcess.Stats after = server.assertBackToBaseline(baseline);
            Figures.record("NUL / bare CR in header values, 200 requests", "every one 400 and closed; %d log lines;"
                    + " good client: slowest %d ms; fds %d -> %d; heap %.1f -> %.1f MB", logged, good.maxMillis(),
                    baseline.fds(), after.fds(), Figures.mb(baseline.heap()), Figures.mb(after.heap()));
        }
    }
}
