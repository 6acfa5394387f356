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
import io.jasyncio.Queue;
import io.jasyncio.QueueShutDown;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's {@code Lib/test/test_asyncio/test_queues.py} _QueueShutdownTestMixin (3.13), run by one subclass
 * per queue class as asyncio's QueueShutdownTests, LifoQueueShutdownTests and PriorityQueueShutdownTests.
 */
abstract class AbstractQueueShutdownTest extends LoopTestBase {

    /**
     * A new queue of the class under test: asyncio's {@code q_class(maxsize)}.
     *
     * @param maxsize the bound, 0 for none
     * @return the queue
     */
    protected abstract Queue<String> newQueue(int maxsize);

    private static void assertPutAndGetRaiseShutdown(Queue<String> q) {
        assertThrows(QueueShutDown.class, () -> q.put("data"), "Didn't appear to shut-down queue");
        assertThrows(QueueShutDown.class, () -> q.putNowait("data"), "Didn't appear to shut-down queue");
        assertThrows(QueueShutDown.class, q::get, "Didn't appear to shut-down queue");
        assertThrows(QueueShutDown.class, q::getNowait, "Didn't appear to shut-down queue");
    }

    private static Task<Object> joinTask(Queue<String> q) {
        return Asyncio.createTask(() -> {
            q.join();
            return null;
        });
    }

    /** Port of test_queues.py _QueueShutdownTestMixin.test_format. */
    @Test
    void testFormat() {
        Queue<String> q = newQueue(0);
        q.shutdown();
        assertEquals("<" + q.getClass().getSimpleName() + " maxsize=0 shutdown>", q.toString());
    }

    /**
     * Port of test_queues.py _QueueShutdownTestMixin.test_shutdown_empty: a waiting getter raises QueueShutDown, and
     * so do every put and get after the shutdown.
     */
    @Test
    void testShutdownEmpty() {
        Queue<String> q = newQueue(0);
        run(() -> {
            Task<String> getTask = Asyncio.createTask(q::get);
            Asyncio.sleep(0); // the get task waits before the shutdown

            q.shutdown(false); // unfinished tasks: 0 -> 0
            assertEquals(0, q.qsize());

            // join() returns.
            q.join();

            // The get task is finished, and raised QueueShutDown.
            Asyncio.sleep(0);
            assertTrue(getTask.done());
            assertThrows(QueueShutDown.class, () -> await(getTask));

            assertPutAndGetRaiseShutdown(q);
            return null;
        });
    }

    /**
     * Port of test_queues.py _QueueShutdownTestMixin.test_shutdown_nonempty: a waiting putter raises QueueShutDown,
     * the items already in can still be taken, and join() waits for their task_done().
     */
    @Test
    void testShutdownNonempty() {
        Queue<String> q = newQueue(1);
        run(() -> {
            q.putNowait("data");
            Task<Object> joinTask = joinTask(q);
            Task<Object> putTask = Asyncio.createTask(() -> {
                q.put("data2");
                return null;
            });

            // The put task is not finished.
            Asyncio.sleep(0);
            assertFalse(putTask.done());

            q.shutdown(false); // unfinished tasks: 1 -> 1
            assertEquals(1, q.qsize());

            // The put task is finished, and raised QueueShutDown.
            Asyncio.sleep(0);
            assertTrue(putTask.done());
            assertThrows(QueueShutDown.class, () -> await(putTask));

            // get() succeeds on the enqueued item.
            assertEquals("data", q.get());

            // The join task is not finished.
            Asyncio.sleep(0);
            assertFalse(joinTask.done());

            assertPutAndGetRaiseShutdown(q);

            // There is 1 unfinished task: marking it done finishes the join task.
            q.taskDone();
            Asyncio.sleep(0);
            assertTrue(joinTask.done());
            await(joinTask);

            assertThrows(IllegalStateException.class, q::taskDone, "Didn't appear to mark all tasks done");
            return null;
        });
    }

    /**
     * Port of test_queues.py _QueueShutdownTestMixin.test_shutdown_immediate: the items are dropped, counted as
     * done, and join() returns.
     */
    @Test
    void testShutdownImmediate() {
        Queue<String> q = newQueue(0);
        run(() -> {
            q.putNowait("data");
            Task<Object> joinTask = joinTask(q);

            q.shutdown(true); // unfinished tasks: 1 -> 0
            assertEquals(0, q.qsize());

            // The join task has finished.
            Asyncio.sleep(0);
            assertTrue(joinTask.done());
            await(joinTask);

            assertPutAndGetRaiseShutdown(q);

            // There are no unfinished tasks.
            assertThrows(IllegalStateException.class, q::taskDone, "Didn't appear to mark all tasks done");
            return null;
        });
    }

    /**
     * Port of test_queues.py _QueueShutdownTestMixin.test_shutdown_immediate_with_unfinished: an item taken before an
     * immediate shutdown still has to be marked done for join() to return.
     */
    @Test
    void testShutdownImmediateWithUnfinished() {
        Queue<String> q = newQueue(0);
        run(() -> {
            q.putNowait("data");
            q.putNowait("data");
            Task<Object> joinTask = joinTask(q);
            assertEquals("data", q.get());

            q.shutdown(true); // unfinished tasks: 2 -> 1
            assertEquals(0, q.qsize());

            // The join task is not finished.
            Asyncio.sleep(0);
            assertFalse(joinTask.done());

            assertPutAndGetRaiseShutdown(q);

            // There is 1 unfinished task.
            q.taskDone();
            assertThrows(IllegalStateException.class, q::taskDone, "Didn't appear to mark all tasks done");

            // The join task has finished.
            Asyncio.sleep(0);
            assertTrue(joinTask.done());
            await(joinTask);
            return null;
        });
    }
}
