/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.redis;

import java.util.Comparator;
import java.util.HashMap;
import java.util.TreeSet;

/** A sorted set: members by score, then by member (redis's order), with each member's score. */
final class ZSet {
    record Entry(double score, String member) {
    }

    private static final Comparator<Entry> ORDER =
            Comparator.comparingDouble(Entry::score).thenComparing(Entry::member);
    private final HashMap<String, Double> scores = new HashMap<>();
    private final TreeSet<Entry> ordered = new TreeSet<>(ORDER);

    /** Adds or rescores a member; returns whether it is new. */
    boolean add(double score, String member) {
        Double old = scores.put(member, score);
        if (old != null) {
            ordered.remove(new Entry(old, member));
        }
        ordered.add(new Entry(score, member));
        return old == null;
    }

    Double score(String member) {
        return scores.get(member);
    }

    Entry popMin() {
        Entry e = ordered.pollFirst();
        if (e != null) {
            scores.remove(e.member());
        }
        return e;
    }

    int size() {
        return scores.size();
    }

    /** A score as redis writes it: an integer without a fraction, else the shortest exact decimal. */
    static String format(double score) {
        if (score == Math.rint(score) && Math.abs(score) < 1e17) {
            return Long.toString((long) score);
        }
        if (Double.isInfinite(score)) {
            return score > 0 ? "inf" : "-inf";
        }
        return Double.toString(score);
    }
}
