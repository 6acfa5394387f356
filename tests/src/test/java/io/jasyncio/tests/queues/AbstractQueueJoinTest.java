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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Queue;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's {@code Lib/test/test_asyncio/test_queues.py} _QueueJoinTestMixin, run by one subclass per queue
 * class as asyncio's QueueJoinTests, LifoQueueJoinTests and PriorityQueueJoinTests.
 */
abstract class AbstractQueueJoinTest extends LoopTestBase {

    /**
     * A new unbounded queue of the class under test: asyncio's {@code q_class()}.
     *
     * @param <T> the item type
     * @return the queue
     */
    protected abstract <T> Queue<T> newQueue();

    /** Port of test_queues.py _QueueJoinTestMixin.test_task_done_underflow. */
    @Test
    void testTaskDoneUnderflow() {
        Queue<Integer> q = newQueue();
        IllegalStateException e = assertThrows(IllegalStateException.class, q::taskDone);
        assertEquals("task_done() called too many times", e.getMessage());
    }

    /**
     * Port of test_queues.py _QueueJoinTestMixin.test_task_done: two workers get items and call task_done() after
     * each; join() returns once all items are processed.
     */
    @Test
    void testTaskDone() {
        Queue<Integer> q = newQueue();
        for (int i = 0; i < 100; i++) {
            q.putNowait(i);
        }
        int[] accumulator = {0};
        boolean[] running = {true};
        run(() -> TaskGroup.run(tg -> {
            List<Task<Object>> tasks = new ArrayList<>();
            for (int index = 0; index < 2; index++) {
                tasks.add(tg.createTask(() -> {
                    while (running[0]) {
                        int item = q.get();
                        accumulator[0] += item;
                        q.taskDone();
                    }
                    return null;
                }));
            }

            q.join();
            assertEquals(4950, accumulator[0]);

            // Close the running workers.
            running[0] = false;
            for (int i = 0; i < tasks.size(); i++) {
                q.putNowait(0);
            }
            return null;
        }));
    }

    /**
     * Port of test_queues.py _QueueJoinTestMixin.test_join_empty_queue: join() of an empty queue returns before
     * anything else runs (done twice for insurance).
     */
    @Test
    void testJoinEmptyQueue() {
        Queue<Integer> q = newQueue();
        boolean[] otherRan = {false};
        run(() -> {
            Asyncio.createTask(() -> otherRan[0] = true);
            q.join();
            q.join();
            assertFalse(otherRan[0], "join() did not suspend");
            Asyncio.sleep(0);
            assertTrue(otherRan[0], "the other task runs once this one suspends");
            return null;
        });
    }

    /**
     * Port of test_queues.py _QueueJoinTestMixin.test_format: asyncio's {@code _format()} is the body of
     * {@code toString()}; two items put and taken leave {@code tasks=2}.
     */
    @Test
    void testFormat() {
        Queue<Integer> q = newQueue();
        String name = q.getClass().getSimpleName();
        assertEquals("<" + name + " maxsize=0>", q.toString());

        q.putNowait(1);
        q.putNowait(2);
        q.getNowait();
        q.getNowait();
        assertEquals("<" + name + " maxsize=0 tasks=2>", q.toString());
    }
}
