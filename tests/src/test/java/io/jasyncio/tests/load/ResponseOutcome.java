/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.load.MalformedResponseException;
import io.jasyncio.load.ResponseParser;
import io.jasyncio.tests.Splits;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * What a response parser makes of a whole byte stream: the responses and failures counted, and, if the stream is
 * malformed, the offset just past the byte at which the error was found (-1 if none). A reference reading gives one;
 * the parser under test, fed in pieces, gives another; they must be equal.
 *
 * @param responses complete responses (when malformed: those completed before the piece that held the error)
 * @param failures failures counted before the error, if any
 * @param errorAt the offset just past the offending byte, or -1
 */
record ResponseOutcome(int responses, long failures, long errorAt) {

    /** A malformed stream, found at the reference's offset. */
    static final class Malformed extends RuntimeException {
        final long at;

        Malformed(long at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    /**
     * Feeds the stream to a fresh parser in every way {@link Splits} cuts it and checks each outcome against the
     * reference's: the same count and failures, or the same error at the same byte. Each byte is consumed, and the
     * error (if any) is the parser's own checked exception, never another.
     *
     * @param parsers makes a fresh parser
     * @param stream the bytes
     * @param expected the reference's outcome
     */
    static void check(Supplier<ResponseParser> parsers, byte[] stream, ResponseOutcome expected) {
        for (int[] cuts : Splits.of(stream)) {
            String how = Splits.describe(cuts) + " of " + stream.length + " bytes";
            ResponseParser parser = parsers.get();
            int done = 0;
            long at = 0;
            long errorAt = -1;
            for (byte[] piece : Splits.pieces(stream, cuts)) {
                ByteBuffer b = ByteBuffer.wrap(piece);
                try {
                    done += parser.feed(b);
                } catch (MalformedResponseException e) {
                    errorAt = at + b.position();
                    break;
                }
                assertEquals(0, b.remaining(), how + ": every byte consumed");
                at += piece.length;
            }
            assertEquals(expected.errorAt(), errorAt, how + ": where the error is found");
            assertEquals(expected.failures(), parser.failures(), how + ": failures");
            if (errorAt < 0) {
                assertEquals(expected.responses(), done, how + ": responses");
            }
        }
    }
}
