/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.adversarial;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The echo server ({@code ./jasyncio echo-server}), on each of its APIs, against a client that never reads. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoAttacksTest {

    /**
     * A client that sends as fast as it can and never reads, against a 64 MB heap (which bounds Netty's direct memory
     * too): the server pauses reading while its write buffer is over the high-water mark ({@code pauseWriting}, or
     * {@code drain()} on the Streams API), so the client's writes stall once the sockets' kernel buffers are full,
     * long before its 400 MB are sent, and another client is echoed meanwhile.
     */
    @ParameterizedTest
    @ValueSource(strings = {"protocol", "buffered", "streams"})
    void testClientThatNeverReads(String api) throws Exception {
        try (ServerProcess server = ServerProcess.start(0, "64m", "echo", "--api", api)) {
            GoodClient.echo(GoodClient.connect(server.port()));
            ServerProcess.Stats baseline = server.stats();
            GoodClient good = GoodClient.start(server.port(), GoodClient::echo);
            Socket attacker = new Socket();
            attacker.setReceiveBufferSize(64 * 1024);
            attacker.connect(new InetSocketAddress("127.0.0.1", server.port()));
            AtomicLong written = new AtomicLong();
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    OutputStream out = attacker.getOutputStream();
                    while (written.get() < 400L << 20) {
                        out.write(chunk);
                        written.addAndGet(chunk.length);
                    }
                } catch (IOException e) {
                    // Closed at the end of the test.
                }
            });
            long last = -1;
            long start = System.nanoTime();
            while (written.get() != last) { // until the writes stall for a second
                last = written.get();
                Thread.sleep(1000);
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "the writes never stalled");
            }
            assertTrue(writer.isAlive(), "the client's writes stalled before all was sent");
            long stalledAt = written.get();
            assertTrue(stalledAt < 128L << 20, "the client wrote " + stalledAt + " bytes before its writes stalled");
            long rss = server.peakRss();
            ServerProcess.Stats held = server.stats();
            good.assertServed();
            attacker.close();
            writer.join(10_000);
            assertFalse(server.stderr().contains("OutOfMemoryError"), server::stderr);
            GoodClient.assertServedAfter(server.port(), GoodClient::echo);
            ServerProcess.Stats after = server.assertBackToBaseline(baseline);
            Figures.record("echo client that never reads, " + api + " API, -Xmx64m", "writes stalled after %.1f MB"
                    + " (kernel buffers included); server heap %.1f MB while held, peak RSS %.0f MB; good client:"
                    + " %d echoes, slowest %d ms; heap %.1f -> %.1f MB", Figures.mb(stalledAt), Figures.mb(held.heap()),
                    Figures.mb(rss), good.answered(), good.maxMillis(), Figures.mb(baseline.heap()),
                    Figures.mb(after.heap()));
        }
    }
}
