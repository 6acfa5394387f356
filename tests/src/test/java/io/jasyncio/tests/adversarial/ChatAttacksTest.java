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

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat room ({@code ./jasyncio chat-server}) against a paste burst with many idle members. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChatAttacksTest {
    private static final int IDLE = 450;
    private static final int LINES = 288;
    private static final int LINE_BYTES = 60_000;

    /**
     * 450 members that never read and one paste of 288 lines of 60 KB (17 MB) against a 64 MB heap, with the room's
     * defaults (256 lines a member, 16 MiB a room): each line is held once for all, the room drops the members holding
     * the most once it is over its budget, and a member that reads gets every line of the paste, as the senders get a
     * turn during the burst.
     */
    @Test
    void testPasteBurstWithManyIdleMembers() throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "64m", "chat")) {
            Socket reader = GoodClient.connect(server.port());
            InputStream in = new BufferedInputStream(reader.getInputStream(), 1 << 16);
            line(in); // welcome
            ServerProcess.Stats baseline = server.stats();
            AtomicInteger pasted = new AtomicInteger();
            AtomicInteger notices = new AtomicInteger();
            Thread reading = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (pasted.get() < LINES) {
                        String l = line(in);
                        if (l.length() > LINE_BYTES) {
                            pasted.incrementAndGet();
                        } else {
                            notices.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    // Counted below.
                }
            });
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < IDLE; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(4096);
                s.connect(new InetSocketAddress("127.0.0.1", server.port()));
                idle.add(s);
            }
            Socket paster = GoodClient.connect(server.port());
            Thread.ofPlatform().daemon().start(() -> drain(paster));
            long cpu = server.cpuTicks();
            long start = System.nanoTime();
            send(paster.getOutputStream(), ("p".repeat(LINE_BYTES) + "\n").repeat(LINES));
            reading.join(60_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuPercent = (server.cpuTicks() - cpu) / seconds;
            assertEquals(LINES, pasted.get(), "the member that reads got every line of the paste");
            long rss = server.peakRss();
            ServerProcess.Stats held = server.stats();
            reader.setSoTimeout(10_000);
            send(reader.getOutputStream(), "/who\n");
            String who = line(in);
            while (!who.startsWith("* here: ")) { // past the notices of members dropped or gone
                who = line(in);
            }
            assertTrue(who.contains("guest1"), who);
            assertFalse(server.stderr().contains("OutOfMemoryError"), server::stderr);
            for (Socket s : idle) {
                s.close();
            }
            paster.close();
            reader.close();
            GoodClient.assertServedAfter(server.port(), s -> assertTrue(line(s.getInputStream())
                    .startsWith("* welcome, "), "a new member is welcomed"));
            ServerProcess.Stats after = server.assertBackToBaseline(baseline);
            Figures.record("chat paste of 288 x 60 KB lines, 450 idle members, -Xmx64m", "the reading member got every"
                    + " line in %.1f s; server CPU %.0f%%; heap %.1f MB after the burst, peak RSS %.0f MB; fds %d ->"
                    + " %d; heap %.1f -> %.1f MB", seconds, cpuPercent, Figures.mb(held.heap()), Figures.mb(rss),
                    baseline.fds(), after.fds(), Figures.mb(baseline.heap()), Figures.mb(after.heap()));
            assertTrue(server.alive());
        }
    }

    private static void drain(Socket s) {
        byte[] b = new byte[1 << 16];
        try {
            while (s.getInputStream().read(b) >= 0) {
                // Reads what the room says to the paster.
            }
        } catch (IOException e) {
            // Closed.
        }
    }
}
