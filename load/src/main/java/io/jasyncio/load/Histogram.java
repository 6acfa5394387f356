/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.util.Arrays;

/**
 * A log-linear histogram of non-negative {@code long} values (latencies in nanoseconds), in the manner of
 * HdrHistogram: values below 256 are counted exactly; above, each power of two {@code [2^k, 2^(k+1))} is split into
 * 128 equal sub-buckets, so a value is known to within 1/128 (0.8%) of itself. Recording is one array increment, no
 * allocation; the whole range of {@code long} fits in 7,296 counters (57 KiB).
 *
 * <p>Not thread-safe: each loop records into its own histogram; they are {@link #add added} once the loops are done
 * with them.
 */
public final class Histogram {
    /** log2 of the sub-buckets per power of two. */
    private static final int SUB_BITS = 7;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    /** Values below this are counted exactly, one counter each. */
    private static final int EXACT = 2 * SUB_COUNT;
    private static final int EXACT_BITS = SUB_BITS + 1;
    private static final int SIZE = EXACT + (63 - EXACT_BITS) * SUB_COUNT;

    // Threading: one thread at a time.
    private final long[] counts = new long[SIZE];
    private long total;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    /**
     * Records one value.
     *
     * @param value the value, 0 or more
     * @throws IllegalArgumentException for a negative value
     */
    public void record(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a histogram records values of 0 or more, not " + value);
        }
        counts[indexOf(value)]++;
        total++;
        sum += value;
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
    }

    /**
     * Adds every value of another histogram to this one.
     *
     * @param other the histogram to add; not changed
     */
    public void add(Histogram other) {
        for (int i = 0; i < SIZE; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** Forgets every value. */
    public void reset() {
        Arrays.fill(counts, 0);
        total = 0;
        sum = 0;
        min = Long.MAX_VALUE;
        max = 0;
    }

    /**
     * Returns a copy of this histogram.
     *
     * @return an independent histogram with the same values
     */
    public Histogram copy() {
        Histogram h = new Histogram();
        h.add(this);
        return h;
    }

    /**
     * Returns how many values were recorded.
     *
     * @return the count
     */
    public long count() {
        return total;
    }

    /**
     * Returns the smallest value recorded, exactly.
     *
     * @return the minimum, or 0 when empty
     */
    public long min() {
        return total == 0 ? 0 : min;
    }

    /**
     * Returns the largest value recorded, exactly.
     *
     * @return the maximum, or 0 when empty
     */
    public long max() {
        return max;
    }

    /**
     * Returns the mean of the values recorded, exactly.
     *
     * @return the mean, or 0 when empty
     */
    public double mean() {
        return total == 0 ? 0 : (double) sum / total;
    }

    /**
     * Returns the value at a percentile: the smallest value that at least {@code percentile}% of the values are at or
     * below, reported as the highest value of its sub-bucket (as HdrHistogram does) and never above the maximum.
     *
     * @param percentile from 0 to 100
     * @return the value, or 0 when empty
     * @throws IllegalArgumentException for a percentile outside [0, 100]
     */
    public long valueAtPercentile(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile is between 0 and 100, not " + percentile);
        }
        if (total == 0) {
            return 0;
        }
        long wanted = Math.max(1, (long) Math.ceil(percentile / 100 * total));
        long seen = 0;
        for (int i = 0; i < SIZE; i++) {
            seen += counts[i];
            if (seen >= wanted) {
                return Math.min(highestEquivalent(i), max);
            }
        }
        return max;
    }

    /** The counter of a value. */
    static int indexOf(long value) {
        if (value < EXACT) {
            return (int) value;
        }
        int msb = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) (value >>> (msb - SUB_BITS)) - SUB_COUNT;
        return EXACT + (msb - EXACT_BITS) * SUB_COUNT + sub;
    }

    /** The highest value that falls in a counter. */
    static long highestEquivalent(int index) {
        if (index < EXACT) {
            return index;
        }
        int i = index - EXACT;
        int msb = i / SUB_COUNT + EXACT_BITS;
        int sub = i % SUB_COUNT;
        int shift = msb - SUB_BITS;
        long low = (long) (SUB_COUNT + sub) << shift;
        long width = 1L << shift;
        return low + (width - 1) < low ? Long.MAX_VALUE : low + width - 1;
    }
}
