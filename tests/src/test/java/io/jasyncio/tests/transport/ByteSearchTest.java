/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.internal.ByteSearch;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time search of readline and readuntil, against a byte-at-a-time one. */
class ByteSearchTest {

    private static int naive(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Every range of a short array, for bytes that stress the lane arithmetic: 0x00, 0x01, 0x7F, 0x80, 0xFF. */
    @Test
    void everyRangeAndEdgeByteAgreesWithTheNaiveSearch() {
        Random random = new Random(11);
        byte[] edges = {0x00, 0x01, 0x0A, 0x7F, (byte) 0x80, (byte) 0x81, (byte) 0xFE, (byte) 0xFF};
        for (int round = 0; round < 20; round++) {
            byte[] a = new byte[40];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextBoolean() ? edges[random.nextInt(edges.length)] : (byte) random.nextInt(256);
            }
            for (byte b : edges) {
                for (int from = 0; from <= a.length; from++) {
                    for (int to = from; to <= a.length; to++) {
                        assertEquals(naive(a, from, to, b), ByteSearch.indexOf(a, from, to, b),
                                "byte " + b + " in [" + from + ", " + to + ")");
                    }
                }
            }
        }
    }

    /** A match in each lane of a word, and in the tail after the last whole word. */
    @Test
    void findsTheFirstMatchInEachLaneAndTheTail() {
        for (int at = 0; at < 37; at++) {
            byte[] a = new byte[37];
            java.util.Arrays.fill(a, (byte) 'x');
            a[at] = '\n';
            if (at + 3 < a.length) {
                a[at + 3] = '\n'; // a later match must not win
            }
            assertEquals(at, ByteSearch.indexOf(a, 0, a.length, (byte) '\n'));
        }
        assertEquals(-1, ByteSearch.indexOf(new byte[100], 0, 100, (byte) 1));
    }
}
