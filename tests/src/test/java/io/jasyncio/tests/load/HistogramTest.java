/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.load.Histogram;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramTest {

    /** The exact percentile of sorted values, by the same rule: the smallest value with p% at or below it. */
    private static long exact(long[] sorted, double p) {
        int rank = (int) Math.max(1, Math.ceil(p / 100 * sorted.length));
        return sorted[rank - 1];
    }

    @Test
    void emptyReportsZero() {
        Histogram h = new Histogram();
        assertEquals(0, h.count());
        assertEquals(0, h.valueAtPercentile(50));
        assertEquals(0, h.valueAtPercentile(100));
        assertEquals(0, h.min());
        assertEquals(0, h.max());
        assertEquals(0.0, h.mean());
    }

    @Test
    void smallValuesAreExact() {
        Histogram h = new Histogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertEquals(50, h.valueAtPercentile(50));
        assertEquals(90, h.valueAtPercentile(90));
        assertEquals(99, h.valueAtPercentile(99));
        assertEquals(100, h.valueAtPercentile(99.9));
        assertEquals(1, h.valueAtPercentile(0));
        assertEquals(100, h.max());
        assertEquals(1, h.min());
        assertEquals(50.5, h.mean(), 1e-9);
    }

    @Test
    void percentilesOfWideValuesAreWithinOnePercent() {
        Random random = new Random(42);
        long[] values = new long[200_000];
        Histogram h = new Histogram();
        for (int i = 0; i < values.length; i++) {
            // log-uniform from 1 us to 100 ms: latencies
            values[i] = (long) Math.exp(Math.log(1_000) + random.nextDouble() * Math.log(100_000));
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {1, 10, 50, 90, 99, 99.9, 99.99}) {
            long want = exact(values, p);
            long got = h.valueAtPercentile(p);
            assertTrue(got >= want && got <= want + want / 128 + 1,
                    "p" + p + ": exact " + want + ", histogram " + got);
        }
        assertEquals(values[values.length - 1], h.max());
        assertEquals(values[0], h.min());
        assertEquals(values.length, h.count());
        assertEquals(values[values.length - 1], h.valueAtPercentile(100));
    }

    @Test
    void hugeValuesFit() {
        Histogram h = new Histogram();
        h.record(Long.MAX_VALUE);
        h.record(0);
        assertEquals(Long.MAX_VALUE, h.valueAtPercentile(100));
        assertEquals(0, h.valueAtPercentile(50));
    }

    @Test
    void addMergesAndResetForgets() {
        Histogram a = new Histogram();
        Histogram b = new Histogram();
        for (int v = 1; v <= 1000; v++) {
            (v % 2 == 0 ? a : b).record(v * 1000L);
        }
        Histogram copy = a.copy();
        a.add(b);
        assertEquals(1000, a.count());
        assertEquals(500, copy.count());
        long median = a.valueAtPercentile(50);
        assertTrue(median >= 500_000 && median <= 500_000 + 500_000 / 128, "median " + median);
        assertEquals(1_000_000, a.max());
        assertEquals(1000, a.min());
        a.reset();
        assertEquals(0, a.count());
        assertEquals(0, a.valueAtPercentile(99));
        assertEquals(500, copy.count());
    }

    @Test
    void badInputIsRefused() {
        Histogram h = new Histogram();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.record(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> h.valueAtPercentile(101));
        assertThrows(IllegalArgumentException.class, () -> h.valueAtPercentile(Double.NaN));
    }
}
