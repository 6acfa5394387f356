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
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.Event;
import io.jasyncio.Queue;
import io.jasyncio.QueueFull;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's {@code Lib/test/test_asyncio/test_queues.py} QueuePutTests (3.13). {@code q._putters} is read from
 * the {@code str()} form, {@code _putters[N]}.
 */
class QueuePutTest extends LoopTestBase {

    private static <T> Coroutine<Object> put(Queue<T> q, T item) {
        return () -> {
            q.put(item);
            return null;
        };
    }

    /** Port of test_queues.py QueuePutTests.test_blocking_put: no maxsize, put() does not block. */
    @Test
    void testBlockingPut() {
        Queue<Integer> q = new Queue<>();
        run(() -> {
            q.put(1);
            assertEquals(1, q.get());
            return null;
        });
    }

    /** Port of test_queues.py QueuePutTests.test_blocking_put_wait: a putter waits until a slot is free. */
    @Test
    void testBlockingPutWait() {
        Queue<Integer> q = new Queue<>(1);
        run(() -> {
            Event started = new Event();
            boolean[] finished = {false};
            Asyncio.getRunningLoop().callLater(0.01, q::getNowait);
            Task<Object> queuePutTask = Asyncio.createTask(() -> {
                started.set();
                q.put(1);
                q.put(2);
                finished[0] = true;
                return null;
            });
            started.wait_();
            assertFalse(finished[0]);
            await(queuePutTask);
            assertTrue(finished[0]);
            return null;
        });
    }

    /** Port of test_queues.py QueuePutTests.test_nonblocking_put. */
    @Test
    void testNonblockingPut() {
        Queue<Integer> q = new Queue<>();
        q.putNowait(1);
        assertEquals(1, q.getNowait());
    }

    /**
     * Port of test_queues.py QueuePutTests.test_get_cancel_drop_one_pending_reader: a reader cancelled after it was
     * woken drops no item.
     */
    @Test
    void testGetCancelDropOnePendingReader() {
        Queue<Integer> q = new Queue<>();
        int result = run(() -> {
            Task<Integer> reader = Asyncio.createTask(q::get);
            Asyncio.sleep(0);

            q.putNowait(1);
            q.putNowait(2);
            reader.cancel();

            try {
                await(reader);
            } catch (CancelledError e) {
                // Try again.
                reader = Asyncio.createTask(q::get);
                await(reader);
            }
            return reader.result();
        });
        // 2 would mean that 1 was dropped.
        assertEquals(1, result);
    }

    /**
     * Port of test_queues.py QueuePutTests.test_get_cancel_drop_many_pending_readers: with three readers, one
     * cancelled after the wake-up, the other two get both items.
     */
    @Test
    void testGetCancelDropManyPendingReaders() {
        Queue<Integer> q = new Queue<>();
        List<Task<Integer>> readers = run(() -> TaskGroup.run(tg -> {
            Task<Integer> reader1 = tg.createTask(q::get);
            Task<Integer> reader2 = tg.createTask(q::get);
            Task<Integer> reader3 = tg.createTask(q::get);

            Asyncio.sleep(0);

            q.putNowait(1);
            q.putNowait(2);
            reader1.cancel();

            assertThrows(CancelledError.class, () -> await(reader1));
            await(reader3);
            return List.of(reader2, reader3);
        }));
        // The order in which concurrent readers receive results is undefined.
        assertEquals(Set.of(1, 2), Set.of(readers.get(0).result(), readers.get(1).result()));
    }

    /** Port of test_queues.py QueuePutTests.test_put_cancel_drop: a writer cancelled after it was woken puts nothing. */
    @Test
    void testPutCancelDrop() {
        Queue<Integer> q = new Queue<>(1);
        run(() -> {
            q.putNowait(1);

            // Putting a second item has to block (qsize=1).
            Task<Object> writer = Asyncio.createTask(put(q, 2));
            Asyncio.sleep(0);

            int value1 = q.getNowait();
            assertEquals(1, value1);

            writer.cancel();
            try {
                await(writer);
            } catch (CancelledError e) {
                // Try again.
                writer = Asyncio.createTask(put(q, 2));
                await(writer);
            }

            int value2 = q.getNowait();
            assertEquals(2, value2);
            assertEquals(0, q.qsize());
            return null;
        });
    }

    /** Port of test_queues.py QueuePutTests.test_nonblocking_put_exception. */
    @Test
    void testNonblockingPutException() {
        Queue<Integer> q = new Queue<>(1);
        q.putNowait(1);
        assertThrows(QueueFull.class, () -> q.putNowait(2));
    }

    /** Port of test_queues.py QueuePutTests.test_put_cancelled: a put into an unbounded queue completes. */
    @Test
    void testPutCancelled() {
        Queue<Integer> q = new Queue<>();
        run(() -> {
            Task<Boolean> t = Asyncio.createTask(() -> {
                q.put(1);
                return true;
            });
            assertEquals(1, q.get());
            assertTrue(t.done());
            assertTrue(t.result());
            return null;
        });
    }

    /**
     * Port of test_queues.py QueuePutTests.test_put_cancelled_race: a cancelled putter does not take the slot of the
     * putter behind it.
     */
    @Test
    void testPutCancelledRace() {
        Queue<String> q = new Queue<>(1);
        run(() -> {
            Task<Object> putA = Asyncio.createTask(put(q, "a"));
            Task<Object> putB = Asyncio.createTask(put(q, "b"));
            Task<Object> putC = Asyncio.createTask(put(q, "X"));

            Asyncio.sleep(0);
            assertTrue(putA.done());
            assertFalse(putB.done());

            putC.cancel();
            Asyncio.sleep(0);
            assertTrue(putC.done());
            assertEquals("a", q.getNowait());
            Asyncio.sleep(0);
            assertEquals("b", q.getNowait());

            await(putB);
            return null;
        });
    }

    /** Port of test_queues.py QueuePutTests.test_put_with_waiting_getters. */
    @Test
    void testPutWithWaitingGetters() {
        Queue<String> q = new Queue<>();
        run(() -> {
            Task<String> t = Asyncio.createTask(q::get);
            Asyncio.sleep(0);
            q.put("a");
            assertEquals("a", await(t));
            return null;
        });
    }

    /**
     * Port of test_queues.py QueuePutTests.test_why_are_putters_waiting: putters that wait on a full queue are all
     * woken when a getter frees the slots.
     */
    @Test
    void testWhyArePuttersWaiting() {
        Queue<Integer> queue = new Queue<>(2);
        List<Integer> got = new ArrayList<>();
        run(() -> TaskGroup.run(tg -> {
            tg.createTask(() -> {
                Asyncio.sleep(0);
                int num = queue.qsize();
                for (int i = 0; i < num; i++) {
                    got.add(queue.getNowait());
                }
                return null;
            });
            for (int i = 0; i < 4; i++) {
                tg.createTask(put(queue, i));
            }
            return null;
        }));
        assertEquals(List.of(0, 1), got);
        assertEquals(2, queue.qsize(), "the two putters that waited have put");
    }

    /**
     * Port of test_queues.py QueuePutTests.test_cancelled_puts_not_being_held_in_self_putters: a cancelled putter
     * leaves no waiter behind.
     */
    @Test
    void testCancelledPutsNotBeingHeldInSelfPutters() {
        // Full queue.
        Queue<Integer> queue = new Queue<>(1);
        queue.putNowait(1);
        run(() -> {
            // A task waiting for space to put an item in the queue.
            Task<Object> putTask = Asyncio.createTask(put(queue, 1));
            Asyncio.sleep(0);

            // The putter is removed from the putters when the task is cancelled.
            assertTrue(queue.toString().contains("_putters[1]"), queue.toString());
            putTask.cancel();
            assertThrows(CancelledError.class, () -> await(putTask));
            assertFalse(queue.toString().contains("_putters"), queue.toString());
            return null;
        });
    }

    /**
     * Port of test_queues.py QueuePutTests.test_cancelled_put_silence_value_error_exception: a putter whose waiter
     * get_nowait() already took out of the queue is cancelled cleanly.
     */
    @Test
    void testCancelledPutSilenceValueErrorException() {
        // Full queue.
        Queue<Integer> queue = new Queue<>(1);
        queue.putNowait(1);
        run(() -> {
            // A task waiting for space to put an item in the queue.
            Task<Object> putTask = Asyncio.createTask(put(queue, 1));
            Asyncio.sleep(0);

            // get_nowait() removes the future of putTask from the putters.
            queue.getNowait();
            // When cancelled, put() removes its future again, which is not there: that must not fail.
            putTask.cancel();

            assertThrows(CancelledError.class, () -> await(putTask));
            return null;
        });
    }
}
