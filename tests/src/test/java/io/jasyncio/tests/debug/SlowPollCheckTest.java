/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.DatagramEndpoint;
import io.jasyncio.DatagramProtocol;
import io.jasyncio.DatagramTransport;
import io.jasyncio.Future;
import io.jasyncio.debug.SlowPollCheck;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The I/O poll time. The poll's I/O callbacks run inside it, so a datagram whose callback moves the mock ticker makes
 * a slow poll for real; the formats are checked on the interceptor directly.
 */
class SlowPollCheckTest extends DebugTestBase {
    private static final long MS = 1_000_000L;

    /** Moves the clock when a datagram comes: the poll that delivers it "takes" that long. */
    final class SlowReceiver implements DatagramProtocol {
        final Future<String> received = loop.createFuture();
        final double seconds;

        SlowReceiver(double seconds) {
            this.seconds = seconds;
        }

        @Override
        public void connectionMade(DatagramTransport transport) {
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress addr) {
            ticker.advance(seconds);
            if (!received.done()) {
                received.setResult("got");
            }
        }
    }

    private void receiveSlowly(double seconds) {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        DatagramEndpoint<SlowReceiver> server = loop.runUntilComplete(
                loop.createDatagramEndpoint(() -> new SlowReceiver(seconds), any, null));
        try {
            SocketAddress addr = (SocketAddress) server.transport().getExtraInfo("sockname");
            DatagramEndpoint<SlowReceiver> client = loop.runUntilComplete(
                    loop.createDatagramEndpoint(() -> new SlowReceiver(0), any, null));
            try {
                client.transport().sendto(ByteBuffer.wrap(new byte[] {1}), addr);
                assertEquals("got", loop.runUntilComplete(server.protocol().received));
            } finally {
                client.transport().close();
            }
        } finally {
            server.transport().close();
        }
    }

    /** A poll whose I/O callback holds it 1.5 s is logged with its duration. */
    @Test
    void testSlowPollLogged() {
        receiveSlowly(1.5);
        assertTrue(log().contains("took 1500.000 ms"), log());
    }

    /** Fast polls are only at DEBUG level (off in the tests' logger); debug mode off logs none at all. */
    @Test
    void testFastPollOrDebugOffNotLogged() {
        receiveSlowly(0);
        assertFalse(log().contains("poll"), log());
        loop.setDebug(false);
        receiveSlowly(1.5);
        assertFalse(log().contains("poll"), log());
    }

    /**
     * asyncio's formats, after test_base_events.py BaseEventLoopTests.test__run_once_logging (3.4 to 3.7): a poll that
     * may wait forever, one that timed out (INFO from one second, else DEBUG), one past its timeout.
     */
    @Test
    void testMessages() {
        SlowPollCheck check = new SlowPollCheck();
        check.afterPoll(loop, -1, 1500 * MS);
        check.afterPoll(loop, 1000 * MS, 1000 * MS + 512_000);
        check.afterPoll(loop, 0, 150 * MS);
        check.afterPoll(loop, 10 * MS, 12 * MS);
        check.afterPoll(loop, 0, 5 * MS);
        String log = log();
        assertTrue(log.contains("INFO asyncio - poll took 1500.000 ms"), log);
        assertTrue(log.contains("INFO asyncio - poll 1000.000 ms took 1000.512 ms: timeout"), log);
        assertTrue(log.contains("WARN asyncio - poll 0.000 ms took 150.000 ms: 0.150 seconds past its timeout"), log);
        assertFalse(log.contains("poll 10.000 ms"), log);
        assertFalse(log.contains("took 5.000 ms"), log);
    }
}
