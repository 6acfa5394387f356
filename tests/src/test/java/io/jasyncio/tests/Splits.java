/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ways a fuzz target cuts one byte stream into reads: whole, a byte at a time, and a few sets of cuts drawn from a
 * generator seeded with the bytes themselves, so a run is repeatable from its input alone (a corpus file replays the
 * same cuts it was found with).
 */
public final class Splits {
    /** How many sets of random cuts each input gets. */
    private static final int RANDOM_SETS = 4;

    private Splits() {
    }

    /**
     * Returns the cut positions of each way, each ascending, between 1 and {@code data.length - 1}; the first is
     * no cut at all.
     *
     * @param data the stream
     * @return the ways, each an array of positions
     */
    public static List<int[]> of(byte[] data) {
        List<int[]> ways = new ArrayList<>();
        ways.add(new int[0]);
        if (data.length < 2) {
            return ways;
        }
        int[] everyByte = new int[data.length - 1];
        Arrays.setAll(everyByte, i -> i + 1);
        ways.add(everyByte);
        SplittableRandom random = new SplittableRandom(Arrays.hashCode(data));
        for (int s = 0; s < RANDOM_SETS; s++) {
            int n = 1 + random.nextInt(Math.min(16, data.length - 1));
            ways.add(random.ints(n, 1, data.length).sorted().distinct().toArray());
        }
        return ways;
    }

    /**
     * The pieces that one way of cutting makes.
     *
     * @param data the stream
     * @param cuts ascending positions
     * @return the pieces, in order (none empty unless the stream is)
     */
    public static List<byte[]> pieces(byte[] data, int[] cuts) {
        List<byte[]> pieces = new ArrayList<>(cuts.length + 1);
        int from = 0;
        for (int cut : cuts) {
            pieces.add(Arrays.copyOfRange(data, from, cut));
            from = cut;
        }
        pieces.add(Arrays.copyOfRange(data, from, data.length));
        return pieces;
    }

    /**
     * Describes a way of cutting for an assertion message.
     *
     * @param cuts the positions
     * @return "whole", or the positions
     */
    public static String describe(int[] cuts) {
        return cuts.length == 0 ? "whole" : "cut at " + Arrays.toString(cuts);
    }
}
