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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Event;
import io.jasyncio.Queue;
import io.jasyncio.QueueEmpty;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;
import io.jasyncio.TimeoutError;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's {@code Lib/test/test_asyncio/test_queues.py} QueueGetTests (3.13). {@code q._getters} is read from
 * the {@code str()} form, {@code _getters[N]}.
 */
class QueueGetTest extends LoopTestBase {

    /** Port of test_queues.py QueueGetTests.test_blocking_get. */
    @Test
    void testBlockingGet() {
        Queue<Integer> q = new Queue<>();
        q.putNowait(1);
        assertEquals(1, run(q::get));
    }

    /**
     * Port of test_queues.py QueueGetTests.test_get_with_putters: get() from a full queue wakes the waiting putter.
     * asyncio appends a bare future to {@code q._putters}; here a task waits in put().
     */
    @Test
    void testGetWithPutters() {
        Queue<Integer> q = new Queue<>(1);
        run(() -> {
            q.put(1);
            Task<Object> putter = Asyncio.createTask(() -> {
                q.put(2);
                return null;
            });
            Asyncio.sleep(0);
            assertTrue(q.toString().contains("_putters[1]"), q.toString());

            assertEquals(1, q.get());
            assertFalse(q.toString().contains("_putters"), "get() took the putter's waiter out: " + q);
            Asyncio.sleep(0);
            assertTrue(putter.done());
            assertEquals(2, q.getNowait());
            return null;
        });
    }

    /** Port of test_queues.py QueueGetTests.test_blocking_get_wait: a getter waits until an item is put. */
    @Test
    void testBlockingGetWait() {
        Queue<Integer> q = new Queue<>();
        run(() -> {
            Event started = new Event();
            boolean[] finished = {false};
            Task<Integer> queueGetTask = Asyncio.createTask(() -> {
                started.set();
                Integer res = q.get();
                finished[0] = true;
                return res;
            });
            started.wait_();
            assertFalse(finished[0]);
            Asyncio.getRunningLoop().callLater(0.01, () -> q.putNowait(1));
            Integer res = await(queueGetTask);
            assertTrue(finished[0]);
            assertEquals(1, res);
            return null;
        });
    }

    /** Port of test_queues.py QueueGetTests.test_nonblocking_get. */
    @Test
    void testNonblockingGet() {
        Queue<Integer> q = new Queue<>();
        q.putNowait(1);
        assertEquals(1, q.getNowait());
    }

    /** Port of test_queues.py QueueGetTests.test_nonblocking_get_exception. */
    @Test
    void testNonblockingGetException() {
        Queue<Integer> q = new Queue<>();
        assertThrows(QueueEmpty.class, q::getNowait);
    }

    /** Port of test_queues.py QueueGetTests.test_get_cancelled_race: a cancelled getter does not take the item. */
    @Test
    void testGetCancelledRace() {
        Queue<String> q = new Queue<>();
        run(() -> {
            Task<String> t1 = Asyncio.createTask(q::get);
            Task<String> t2 = Asyncio.createTask(q::get);

            Asyncio.sleep(0);
            t1.cancel();
            Asyncio.sleep(0);
            assertTrue(t1.done());
            q.put("a");
            Asyncio.sleep(0);
            assertEquals("a", await(t2));
            return null;
        });
    }

    /** Port of test_queues.py QueueGetTests.test_get_with_waiting_putters. */
    @Test
    void testGetWithWaitingPutters() {
        Queue<String> q = new Queue<>(1);
        run(() -> {
            Asyncio.createTask(() -> {
                q.put("a");
                return null;
            });
            Asyncio.createTask(() -> {
                q.put("b");
                return null;
            });
            assertEquals("a", q.get());
            assertEquals("b", q.get());
            return null;
        });
    }

    /**
     * Port of test_queues.py QueueGetTests.test_why_are_getters_waiting: a consumer and a producer through a queue of
     * one slot both finish.
     */
    @Test
    void testWhyAreGettersWaiting() {
        int producerNumItems = 5;
        Queue<Integer> q = new Queue<>(1);
        List<Integer> consumed = new ArrayList<>();
        run(() -> TaskGroup.run(tg -> {
            tg.createTask(() -> {
                for (int i = 0; i < producerNumItems; i++) {
                    q.put(i);
                }
                return null;
            });
            tg.createTask(() -> {
                for (int i = 0; i < producerNumItems; i++) {
                    consumed.add(q.get());
                }
                return null;
            });
            return null;
        }));
        assertEquals(List.of(0, 1, 2, 3, 4), consumed);
        assertTrue(q.empty());
    }

    /**
     * Port of test_queues.py QueueGetTests.test_cancelled_getters_not_being_held_in_self_getters: a getter that times
     * out leaves no waiter behind.
     */
    @Test
    void testCancelledGettersNotBeingHeldInSelfGetters() {
        Queue<Integer> queue = new Queue<>(5);
        run(() -> {
            assertThrows(TimeoutError.class, () -> Asyncio.waitFor((Coroutine<Integer>) queue::get, 0.1));
            assertFalse(queue.toString().contains("_getters"), queue.toString());
            return null;
        });
    }
}
