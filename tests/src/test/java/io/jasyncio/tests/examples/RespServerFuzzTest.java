/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jasyncio.MockTicker;
import io.jasyncio.examples.redis.RedisServer;
import io.jasyncio.examples.redis.RespProtocol;
import io.jasyncio.tests.Splits;
import java.nio.charset.StandardCharsets;

/**
 * The RESP server's request parser under coverage-guided fuzzing, through its protocol on a socket-less transport.
 * Any bytes a client sends, cut into reads in every way {@link Splits} makes, get exactly the replies that the
 * commands of {@link RespRequestReference}'s reading (redis's rules, the whole stream at once) get when sent in the
 * canonical multibulk form, then the reading's {@code -ERR Protocol error} and a close if it has one; never an
 * exception out of {@code dataReceived}; and the parser's work stays within a few looks per byte received.
 *
 * <p>Streams declaring a bulk over 1 MiB are passed over: the server makes a bulk's array as soon as its length is
 * read, so each would allocate that much (up to 512 MiB) and the run would measure the heap, not the parser.
 */
class RespServerFuzzTest {
    private static final long LARGEST_BULK = 1 << 20;

    @FuzzTest
    void requests(byte[] stream) {
        RespRequestReference.Reading reading = RespRequestReference.read(stream);
        if (reading.largestBulk() > LARGEST_BULK) {
            return;
        }
        FakeTransport reference = FakeTransport.connect(RedisServer.factory(new MockTicker()).get());
        byte[] canonical = RespRequestReference.encode(reading.commands());
        reference.feed(canonical, 0, canonical.length);
        String expected = reference.output();
        boolean closed = reference.closed;
        if (reading.error() != null && !closed) {
            expected += "-ERR Protocol error: " + reading.error() + "\r\n";
            closed = true;
        }
        for (int[] cuts : Splits.of(stream)) {
            String how = Splits.describe(cuts) + " of " + stream.length + " bytes";
            RespProtocol protocol = RedisServer.factory(new MockTicker()).get();
            FakeTransport t = FakeTransport.connect(protocol);
            for (byte[] piece : Splits.pieces(stream, cuts)) {
                t.feed(piece, 0, piece.length);
            }
            assertEquals(escape(expected), escape(t.output()), how + ": the replies");
            assertEquals(closed, t.closed, how + ": closed");
            assertTrue(protocol.parseWork() <= 4L * stream.length + 16,
                    how + ": " + protocol.parseWork() + " bytes looked at for " + stream.length + " received");
        }
    }

    /** Shows control bytes, so a failure's message says which differ. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (byte c : s.getBytes(StandardCharsets.ISO_8859_1)) {
            int u = c & 0xff;
            b.append(u >= 0x20 && u < 0x7f && u != '\\' ? String.valueOf((char) u) : String.format("\\x%02x", u));
        }
        return b.toString();
    }
}
