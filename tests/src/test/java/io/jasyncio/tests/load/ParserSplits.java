/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.load.ResponseParser;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/** Feeds a byte stream to a fresh parser in every way it can come split, and checks the counts each time. */
final class ParserSplits {

    private ParserSplits() {
    }

    /**
     * Checks the stream whole, byte by byte, cut once at every position and, for streams of up to 200 bytes, cut twice
     * at every pair of positions.
     *
     * @param parsers makes a fresh parser
     * @param stream the bytes
     * @param responses the responses the stream holds
     * @param failures the failed ones among them
     */
    static void check(Supplier<ResponseParser> parsers, byte[] stream, int responses, long failures) {
        feed(parsers.get(), stream, responses, failures, "whole", stream.length);
        ResponseParser bytewise = parsers.get();
        int done = 0;
        for (byte b : stream) {
            done += bytewise.feed(ByteBuffer.wrap(new byte[] {b}));
        }
        assertEquals(responses, done, "byte by byte");
        assertEquals(failures, bytewise.failures(), "byte by byte");
        for (int i = 0; i <= stream.length; i++) {
            feed(parsers.get(), stream, responses, failures, "cut at " + i, i);
            for (int j = i; j <= stream.length && stream.length <= 200; j++) {
                feed(parsers.get(), stream, responses, failures, "cut at " + i + " and " + j, i, j);
            }
        }
    }

    private static void feed(ResponseParser parser, byte[] stream, int responses, long failures, String how,
            int... cuts) {
        int done = 0;
        int from = 0;
        for (int cut : cuts) {
            ByteBuffer part = ByteBuffer.wrap(stream, from, cut - from).slice();
            done += parser.feed(part);
            assertEquals(0, part.remaining(), how + ": every byte consumed");
            from = cut;
        }
        done += parser.feed(ByteBuffer.wrap(stream, from, stream.length - from).slice());
        assertEquals(responses, done, how);
        assertEquals(failures, parser.failures(), how);
    }
}
