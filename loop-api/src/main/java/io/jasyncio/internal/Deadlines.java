/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

/**
 * Deadline arithmetic on the loop's nanosecond ticker: seconds as asyncio gives them (and Java durations) converted
 * to nanoseconds, and additions that saturate at the ends of {@code long} (Netty's overflow guard) instead of wrapping around.
 */
final class Deadlines {

    private Deadlines() {
    }

    static long secondsToNanos(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("NaN is not a time");
        }
        double nanos = seconds * 1e9;
        if (nanos >= Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        if (nanos <= Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        return Math.round(nanos);
    }

    /**
     * A duration in nanoseconds, clamped to the range of {@code long} instead of overflowing.
     *
     * @param d the duration
     * @return its nanoseconds, saturated
     */
    static long toNanos(java.time.Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return r < 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return r;
    }

    /**
     * {@code a - b}, clamped to the range of {@code long} instead of wrapping: a deadline far in the past stays in the
     * past, one far ahead stays ahead.
     *
     * @param a the minuend
     * @param b the subtrahend
     * @return the difference, saturated
     */
    static long saturatedSub(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }
}
