/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jasyncio.PriorityQueue;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's {@code Lib/test/test_asyncio/test_queues.py} PriorityQueueTests, and the Java orderings. */
class PriorityQueueTest extends LoopTestBase {

    private <T> List<T> putAllThenGetAll(PriorityQueue<T> q, List<T> values) {
        return run(() -> {
            for (T v : values) {
                q.put(v);
            }
            List<T> got = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                got.add(q.get());
            }
            return got;
        });
    }

    /** Port of test_queues.py PriorityQueueTests.test_order. */
    @Test
    void testOrder() {
        assertEquals(List.of(1, 2, 3), putAllThenGetAll(new PriorityQueue<Integer>(), List.of(1, 3, 2)));
    }

    /** Not a port: a comparator replaces asyncio's {@code (priority, data)} tuples. */
    @Test
    void testOrderWithComparator() {
        PriorityQueue<String> q = new PriorityQueue<>(Comparator.comparing(String::length).reversed());
        assertEquals(List.of("ccc", "bb", "a"), putAllThenGetAll(q, List.of("a", "ccc", "bb")));
    }

    /**
     * Not a port: an item that natural order cannot compare is refused with ClassCastException (asyncio's TypeError
     * from heapq), and is not counted as a task.
     */
    @Test
    void testNotComparable() {
        PriorityQueue<Object> q = new PriorityQueue<>();
        assertThrows(ClassCastException.class, () -> q.putNowait(new Object()));
        assertEquals(0, q.qsize());
        assertFalse(q.toString().contains("tasks="), q.toString());
    }
}
