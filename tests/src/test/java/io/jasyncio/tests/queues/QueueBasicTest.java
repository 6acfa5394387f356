/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.queues;

import static io.jasyncio.Asyncio.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Queue;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's {@code Lib/test/test_asyncio/test_queues.py} QueueBasicTests (3.13). */
class QueueBasicTest extends LoopTestBase {

    /**
     * Port of test_queues.py QueueBasicTests.test_str ({@code _test_repr_or_str(str, False)}): {@code toString()} is
     * asyncio's {@code str()}, which shows the waiting getters and putters and the items.
     */
    @Test
    void testStr() {
        Queue<Integer> q0 = new Queue<>();
        assertTrue(q0.toString().startsWith("<Queue"), q0.toString());
        run(() -> {
            // getters
            Queue<Integer> q = new Queue<>();
            Task<Integer> getter = TaskGroup.run(tg -> {
                // Start a task that waits to get, and let it start waiting.
                Task<Integer> t = tg.createTask(q::get);
                Asyncio.sleep(0);
                assertTrue(q.toString().contains("_getters[1]"), q.toString());
                // Resume the getter.
                q.putNowait(0);
                return t;
            });
            assertEquals(0, await(getter));

            // putters
            Queue<Integer> q2 = new Queue<>(1);
            Task<Object> putter = TaskGroup.run(tg -> {
                q2.putNowait(1);
                // Start a task that waits to put, and let it start waiting.
                Task<Object> t = tg.createTask(() -> {
                    q2.put(2);
                    return null;
                });
                Asyncio.sleep(0);
                assertTrue(q2.toString().contains("_putters[1]"), q2.toString());
                // Resume the putter.
                q2.getNowait();
                return t;
            });
            assertTrue(putter.done());

            Queue<Integer> q3 = new Queue<>();
            q3.putNowait(1);
            assertTrue(q3.toString().contains("_queue=[1]"), q3.toString());
            return null;
        });
    }

    /** Port of test_queues.py QueueBasicTests.test_empty. */
    @Test
    void testEmpty() {
        Queue<Integer> q = new Queue<>();
        run(() -> {
            assertTrue(q.empty());
            q.put(1);
            assertFalse(q.empty());
            assertEquals(1, q.get());
            assertTrue(q.empty());
            return null;
        });
    }

    /** Port of test_queues.py QueueBasicTests.test_full. */
    @Test
    void testFull() {
        assertFalse(new Queue<Integer>().full());
        Queue<Integer> q = new Queue<>(1);
        run(() -> {
            q.put(1);
            assertTrue(q.full());
            return null;
        });
    }

    /** Port of test_queues.py QueueBasicTests.test_order. */
    @Test
    void testOrder() {
        Queue<Integer> q = new Queue<>();
        List<Integer> items = run(() -> {
            for (int i : new int[] {1, 3, 2}) {
                q.put(i);
            }
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(q.get());
            }
            return got;
        });
        assertEquals(List.of(1, 3, 2), items);
    }

    /** Port of test_queues.py QueueBasicTests.test_maxsize: the putter blocks after putting two items. */
    @Test
    void testMaxsize() {
        Queue<Integer> q = new Queue<>(2);
        assertEquals(2, q.maxsize());
        List<Integer> haveBeenPut = new ArrayList<>();
        run(() -> {
            Task<Boolean> t = Asyncio.createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    q.put(i);
                    haveBeenPut.add(i);
                }
                return true;
            });
            for (int i = 0; i < 2; i++) {
                Asyncio.sleep(0);
            }

            // The putter is blocked after putting two items.
            assertEquals(List.of(0, 1), haveBeenPut);
            assertEquals(0, q.get());

            // Let the putter resume and put the last item.
            Asyncio.sleep(0);
            assertEquals(List.of(0, 1, 2), haveBeenPut);
            assertEquals(1, q.get());
            assertEquals(2, q.get());

            assertTrue(t.done());
            assertTrue(t.result());
            return null;
        });
    }
}
