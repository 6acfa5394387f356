/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Connection;
import io.jasyncio.Future;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a Protocol's {@code dataReceived} is given: a read-only view of exactly the bytes read, starting at index 0
 * (so {@code data.get(0)} is the first byte, as {@code data[0]} in asyncio), which the protocol cannot write; the bytes
 * are valid during the call, and a copy taken then stays intact whatever is read later.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceivedViewTest extends NetTestBase {
    /** Checks each view it gets and keeps a copy of its bytes. */
    private static final class Checking implements Protocol {
        final ByteArrayOutputStream copies = new ByteArrayOutputStream();
        final Future<Void> all;
        final int expected;
        int views;
        int writable;
        int notAtZero;

        Checking(Future<Void> all, int expected) {
            this.all = all;
            this.expected = expected;
        }

        @Override
        public void connectionMade(Transport transport) {
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            views++;
            if (!data.isReadOnly()) {
                writable++;
            }
            try {
                data.put(data.position(), (byte) 0);
                writable++;
            } catch (ReadOnlyBufferException expectedRefusal) {
                // the view refuses writes
            }
            if (data.position() != 0 || data.capacity() != data.remaining()) {
                notAtZero++;
            }
            byte[] copy = new byte[data.remaining()];
            data.get(data.position(), copy);
            copies.writeBytes(copy);
            if (copies.size() >= expected && !all.done()) {
                all.setResult(null);
            }
        }
    }

    @Test
    void testViewsAreReadOnlyFromIndexZeroAndCopiesStayIntact() {
        byte[] sent = new byte[300_000];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 31 + 7);
        }
        Future<Void> all = loop.createFuture();
        Checking checking = new Checking(all, sent.length);
        Server server = listen(() -> checking);
        Connection<Recorder> client = connect(server);
        for (int at = 0; at < sent.length; at += 10_000) {
            client.transport().write(ByteBuffer.wrap(sent, at, 10_000));
        }
        loop.runUntilComplete(all);
        assertTrue(checking.views > 0);
        assertEquals(0, checking.writable, "views the protocol could write");
        assertEquals(0, checking.notAtZero, "views not starting at index 0, or wider than the bytes read");
        assertArrayEquals(sent, checking.copies.toByteArray());
        client.transport().close();
        server.close();
    }
}
