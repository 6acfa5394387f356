/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Future;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A flood of {@code callSoonThreadsafe} callbacks: each runs, once, in the order offered, and the loop still takes its
 * turns at I/O and timers between them (it moves a bounded batch of them into the ready queue per iteration), rather
 * than running the whole flood before anything else.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InboxFloodTest extends NetTestBase {
    private static final int FLOOD = 20_000;

    /** Every callback of the flood runs in order, and a loop-thread callSoon made during it still runs after them. */
    @Test
    void testFloodRunsEveryCallbackInOrder() {
        List<Integer> order = new ArrayList<>();
        Future<Void> done = loop.createFuture();
        for (int i = 0; i < FLOOD; i++) {
            int v = i;
            loop.callSoonThreadsafe(() -> {
                order.add(v);
                if (v == 0) {
                    loop.callSoon(() -> order.add(-1)); // offered after the whole flood: runs after it
                }
            });
        }
        loop.callSoonThreadsafe(() -> loop.callSoon(() -> done.setResult(null)));
        loop.runUntilComplete(done);
        assertEquals(FLOOD + 1, order.size());
        for (int i = 0; i < FLOOD; i++) {
            assertEquals(i, order.get(i));
        }
        assertEquals(-1, order.get(FLOOD));
    }

    /** A timer due before the flood was offered runs while the flood is still being run, not after all of it. */
    @Test
    void testFloodLetsDueTimersIn() {
        int[] ran = {0};
        int[] ranBeforeTimer = {-1};
        Future<Void> done = loop.createFuture();
        loop.callLater(0, () -> ranBeforeTimer[0] = ran[0]);
        for (int i = 0; i < FLOOD; i++) {
            int v = i;
            loop.callSoonThreadsafe(() -> {
                assertEquals(v, ran[0]);
                ran[0]++;
                if (v == FLOOD - 1) {
                    done.setResult(null);
                }
            });
        }
        loop.runUntilComplete(done);
        assertEquals(FLOOD, ran[0]);
        assertTrue(ranBeforeTimer[0] >= 0 && ranBeforeTimer[0] < FLOOD,
                "the timer ran after " + ranBeforeTimer[0] + " of " + FLOOD + " callbacks");
    }

    /**
     * Bytes that arrive while the flood runs are read while it still runs: the first callback of the flood makes the
     * peer send them, and the protocol sees them before the last callback.
     *
     * @throws IOException if the peer fails
     */
    @Test
    void testFloodLetsIoIn() throws IOException {
        int[] ran = {0};
        int[] ranBeforeData = {-1};
        boolean[] connected = {false};
        Server server = listen(() -> new Protocol() {
            @Override
            public void connectionMade(Transport t) {
                connected[0] = true;
            }

            @Override
            public void dataReceived(ByteBuffer data) {
                if (ranBeforeData[0] < 0) {
                    ranBeforeData[0] = ran[0];
                }
            }
        });
        try (Socket peer = new Socket("127.0.0.1", port(server))) {
            waitUntil(() -> connected[0]);
            Future<Void> done = loop.createFuture();
            for (int i = 0; i < FLOOD; i++) {
                int v = i;
                loop.callSoonThreadsafe(() -> {
                    if (v == 0) {
                        try {
                            peer.getOutputStream().write('x');
                            peer.getOutputStream().flush();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    assertEquals(v, ran[0]);
                    ran[0]++;
                    if (v == FLOOD - 1) {
                        done.setResult(null);
                    }
                });
            }
            loop.runUntilComplete(done);
        } finally {
            closeServer(server);
        }
        assertEquals(FLOOD, ran[0]);
        assertTrue(ranBeforeData[0] > 0 && ranBeforeData[0] < FLOOD,
                "the bytes were read after " + ranBeforeData[0] + " of " + FLOOD + " callbacks");
    }
}
