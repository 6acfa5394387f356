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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.LifoQueue;
import io.jasyncio.PriorityQueue;
import io.jasyncio.Queue;
import io.jasyncio.QueueEmpty;
import io.jasyncio.QueueFull;
import io.jasyncio.QueueShutDown;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_queues.py. */
class QueueTest extends LoopTestBase {

    /** Port of test_queues.py QueueBasicTests.test_empty. */
    @Test
    void testEmpty() {
        Queue<Integer> q = new Queue<>();
        assertTrue(q.empty());
        q.putNowait(1);
        assertFalse(q.empty());
        assertEquals(1, q.getNowait());
        assertTrue(q.empty());
    }

    /** Port of test_queues.py QueueBasicTests.test_full. */
    @Test
    void testFull() {
        Queue<Integer> q = new Queue<>();
        assertFalse(q.full());
        Queue<Integer> bounded = new Queue<>(1);
        bounded.putNowait(1);
        assertTrue(bounded.full());
        assertEquals(1, bounded.maxsize());
    }

    /** Port of test_queues.py QueueBasicTests.test_order. */
    @Test
    void testOrder() {
        Queue<Integer> q = new Queue<>();
        for (int i : new int[] {1, 3, 2}) {
            q.putNowait(i);
        }
        List<Integer> items = new ArrayList<>();
        while (!q.empty()) {
            items.add(q.getNowait());
        }
        assertEquals(List.of(1, 3, 2), items);
    }

    /** Port of test_queues.py QueueBasicTests.test_maxsize: put blocks while full. */
    @Test
    void testMaxsize() {
        Queue<Integer> q = new Queue<>(2);
        List<Integer> have = new ArrayList<>();
        run(() -> {
            Task<Object> putter = Asyncio.createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    q.put(i);
                    have.add(i);
                }
                return null;
            });
            Asyncio.sleep(0);
            assertEquals(List.of(0, 1), have, "the third put waits");
            assertEquals(0, q.get());
            await(putter);
            assertEquals(List.of(0, 1, 2), have);
            return null;
        });
    }

    /** Port of test_queues.py QueueGetTests.test_blocking_get. */
    @Test
    void testBlockingGet() {
        Queue<String> q = new Queue<>();
        Task<String> getter = loop.createTask(q::get);
        runOnce();
        assertFalse(getter.done());
        q.putNowait("item");
        runUntilDone(getter);
        assertEquals("item", getter.result());
    }

    /** Port of test_queues.py QueueGetTests.test_nonblocking_get_exception. */
    @Test
    void testNonblockingGetException() {
        assertThrows(QueueEmpty.class, () -> new Queue<>().getNowait());
    }

    /** Port of test_queues.py QueuePutTests.test_nonblocking_put_exception. */
    @Test
    void testNonblockingPutException() {
        Queue<Integer> q = new Queue<>(1);
        q.putNowait(1);
        assertThrows(QueueFull.class, () -> q.putNowait(2));
    }

    /** Port of test_queues.py QueueGetTests.test_get_cancelled: a cancelled getter loses no item. */
    @Test
    void testGetCancelled() {
        Queue<Integer> q = new Queue<>();
        Task<Integer> g1 = loop.createTask(q::get);
        Task<Integer> g2 = loop.createTask(q::get);
        runOnce();
        g1.cancel();
        runUntilDone(g1);
        q.putNowait(7);
        runUntilDone(g2);
        assertEquals(7, g2.result());
        assertTrue(g1.cancelled());
    }

    /** Port of test_queues.py QueueGetTests.test_cancelled_getters_not_being_held_in_self_getters. */
    @Test
    void testCancelledGetterWokenPassesItOn() {
        Queue<Integer> q = new Queue<>();
        Task<Integer> g1 = loop.createTask(q::get);
        Task<Integer> g2 = loop.createTask(q::get);
        runOnce();
        q.putNowait(1); // wakes g1 ...
        g1.cancel(); // ... cancelled before it runs: g2 gets the item
        runUntilDone(g2);
        assertEquals(1, g2.result());
        assertTrue(g1.cancelled());
    }

    /** Port of test_queues.py QueuePutTests.test_put_cancelled_race. */
    @Test
    void testPutCancelled() {
        Queue<Integer> q = new Queue<>(1);
        q.putNowait(0);
        Task<Object> p1 = loop.createTask(() -> {
            q.put(1);
            return null;
        });
        Task<Object> p2 = loop.createTask(() -> {
            q.put(2);
            return null;
        });
        runOnce();
        p1.cancel();
        runUntilDone(p1);
        assertEquals(0, q.getNowait());
        runUntilDone(p2);
        assertEquals(2, q.getNowait());
    }

    /** Port of test_queues.py _QueueJoinTests.test_task_done / test_join_empty_queue. */
    @Test
    void testTaskDoneAndJoin() {
        Queue<Integer> q = new Queue<>();
        int[] processed = {0};
        run(() -> {
            for (int i = 0; i < 10; i++) {
                q.putNowait(i);
            }
            List<Task<Object>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                workers.add(Asyncio.createTask(() -> {
                    while (true) {
                        q.get();
                        Asyncio.sleep(0.01);
                        processed[0]++;
                        q.taskDone();
                    }
                }));
            }
            q.join();
            assertEquals(10, processed[0]);
            for (Task<Object> w : workers) {
                w.cancel();
            }
            return null;
        });
        run(() -> {
            q.join(); // nothing unfinished: returns at once
            return null;
        });
    }

    /** Port of test_queues.py _QueueJoinTests.test_task_done_underflow. */
    @Test
    void testTaskDoneUnderflow() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Queue<>().taskDone());
        assertEquals("task_done() called too many times", e.getMessage());
    }

    /** Port of test_queues.py LifoQueueTests.test_order. */
    @Test
    void testLifoOrder() {
        LifoQueue<Integer> q = new LifoQueue<>();
        for (int i : new int[] {1, 3, 2}) {
            q.putNowait(i);
        }
        assertEquals(List.of(2, 3, 1), List.of(q.getNowait(), q.getNowait(), q.getNowait()));
    }

    /** Port of test_queues.py PriorityQueueTests.test_order. */
    @Test
    void testPriorityOrder() {
        PriorityQueue<Integer> q = new PriorityQueue<>();
        for (int i : new int[] {1, 3, 2}) {
            q.putNowait(i);
        }
        assertEquals(List.of(1, 2, 3), List.of(q.getNowait(), q.getNowait(), q.getNowait()));
        PriorityQueue<String> byLength = new PriorityQueue<>(0, Comparator.comparingInt(String::length));
        byLength.putNowait("ccc");
        byLength.putNowait("a");
        assertEquals("a", byLength.getNowait());
    }

    /** Port of test_queues.py _QueueShutdownTestMixin.test_shutdown_empty. */
    @Test
    void testShutdownEmpty() {
        Queue<Integer> q = new Queue<>();
        Task<Integer> getter = loop.createTask(q::get);
        runOnce();
        q.shutdown(false);
        runUntilDone(getter);
        assertInstanceOf(QueueShutDown.class, getter.exception());
        assertThrows(QueueShutDown.class, () -> q.putNowait(1));
    }

    /** Port of test_queues.py _QueueShutdownTestMixin.test_shutdown_nonempty: items can still be taken. */
    @Test
    void testShutdownNonempty() {
        Queue<Integer> q = new Queue<>();
        q.putNowait(1);
        q.shutdown(false);
        assertEquals(1, q.getNowait());
        assertThrows(QueueShutDown.class, q::getNowait);
    }

    /** Port of test_queues.py _QueueShutdownTestMixin.test_shutdown_immediate: items dropped, join released. */
    @Test
    void testShutdownImmediate() {
        Queue<Integer> q = new Queue<>();
        q.putNowait(1);
        q.putNowait(2);
        q.shutdown(true);
        assertTrue(q.empty());
        assertThrows(QueueShutDown.class, q::getNowait);
        run(() -> {
            q.join();
            return null;
        });
    }

    /** Port of test_queues.py _QueueShutdownTestMixin.test_shutdown_putter: a waiting putter is woken and fails. */
    @Test
    void testShutdownPutter() {
        Queue<Integer> q = new Queue<>(1);
        q.putNowait(1);
        Task<Object> putter = loop.createTask(() -> {
            q.put(2);
            return null;
        });
        runOnce();
        q.shutdown(false);
        runUntilDone(putter);
        assertInstanceOf(QueueShutDown.class, putter.exception());
    }
}
