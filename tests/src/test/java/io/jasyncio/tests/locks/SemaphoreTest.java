/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.locks;

import static io.jasyncio.Asyncio.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.BoundedSemaphore;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.Semaphore;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's {@code Lib/test/test_asyncio/test_locks.py} SemaphoreTests (3.12+, with the FIFO and
 * cancellation fixes). {@code sem._value} is private: it is read from the repr's {@code value:N} while unlocked, and
 * {@code len(sem._waiters)} from {@code waiters:N}.
 */
class SemaphoreTest extends LoopTestBase {

    /** Port of test_locks.py SemaphoreTests.test_initial_value_zero. */
    @Test
    void testInitialValueZero() {
        Semaphore sem = new Semaphore(0);
        assertTrue(sem.locked());
    }

    /** Port of test_locks.py SemaphoreTests.test_repr (waiting tasks stand for the mock waiters). */
    @Test
    void testRepr() {
        Semaphore sem = new Semaphore();
        assertTrue(sem.toString().endsWith("[unlocked, value:1]>"), sem.toString());
        assertNotNull(ReprPattern.match(sem));
        run(() -> {
            sem.acquire();
            assertTrue(sem.toString().endsWith("[locked]>"), sem.toString());
            assertFalse(sem.toString().contains("waiters"));
            assertNotNull(ReprPattern.match(sem));

            Task<Boolean> w1 = Asyncio.createTask(sem::acquire);
            Asyncio.sleep(0);
            assertTrue(sem.toString().contains("waiters:1"), sem.toString());
            assertNotNull(ReprPattern.match(sem));

            Task<Boolean> w2 = Asyncio.createTask(sem::acquire);
            Asyncio.sleep(0);
            assertTrue(sem.toString().contains("waiters:2"), sem.toString());
            assertNotNull(ReprPattern.match(sem));

            w1.cancel();
            w2.cancel();
            return null;
        });
    }

    /** Port of test_locks.py SemaphoreTests.test_semaphore: the default semaphore has one free permit. */
    @Test
    void testSemaphore() {
        Semaphore sem = new Semaphore();
        assertTrue(sem.toString().contains("value:1"), sem.toString());
        assertFalse(sem.locked());
    }

    /** Port of test_locks.py SemaphoreTests.test_semaphore_value. */
    @Test
    void testSemaphoreValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        assertEquals("Semaphore initial value must be >= 0", e.getMessage());
    }

    private static Coroutine<Boolean> acquireAndAppend(Semaphore sem, List<Integer> result, int n) {
        return () -> {
            sem.acquire();
            result.add(n);
            return true;
        };
    }

    /**
     * Port of test_locks.py SemaphoreTests.test_acquire: three permits; once they are gone, two releases let exactly
     * two of the three waiters through.
     */
    @Test
    void testAcquire() {
        Semaphore sem = new Semaphore(3);
        List<Integer> result = new ArrayList<>();
        run(() -> {
            assertTrue(sem.acquire());
            assertTrue(sem.acquire());
            assertFalse(sem.locked());

            Task<Boolean> t1 = Asyncio.createTask(acquireAndAppend(sem, result, 1));
            Task<Boolean> t2 = Asyncio.createTask(acquireAndAppend(sem, result, 2));
            Task<Boolean> t3 = Asyncio.createTask(acquireAndAppend(sem, result, 3));

            Asyncio.sleep(0);
            assertEquals(List.of(1), result);
            assertTrue(sem.locked());
            assertTrue(sem.toString().contains("waiters:2"), sem.toString());

            Task<Boolean> t4 = Asyncio.createTask(acquireAndAppend(sem, result, 4));

            sem.release();
            sem.release();
            assertTrue(sem.locked(), "both permits went to waiters at once");

            Asyncio.sleep(0);
            assertEquals(3, result.size());
            assertTrue(sem.locked());
            assertTrue(sem.toString().contains("waiters:1"), sem.toString());

            assertTrue(t1.done());
            assertTrue(t1.result());
            List<Task<Boolean>> raceTasks = List.of(t2, t3, t4);
            long doneTasks = raceTasks.stream().filter(t -> t.done() && t.result()).count();
            assertEquals(2, doneTasks);

            // Cleanup the locked semaphore.
            sem.release();
            await(Asyncio.gather(raceTasks));
            return null;
        });
    }

    /** Port of test_locks.py SemaphoreTests.test_acquire_cancel. */
    @Test
    void testAcquireCancel() {
        Semaphore sem = new Semaphore();
        run(() -> {
            sem.acquire();
            Task<Boolean> acquire = Asyncio.createTask(sem::acquire);
            Asyncio.getRunningLoop().callSoon(acquire::cancel);
            assertThrows(CancelledError.class, () -> await(acquire));
            assertFalse(sem.toString().contains("waiters"), sem.toString());
            return null;
        });
    }

    /**
     * Port of test_locks.py SemaphoreTests.test_acquire_cancel_before_awoken: the permit released while the first two
     * waiters are being cancelled goes to the third, and only to it.
     */
    @Test
    void testAcquireCancelBeforeAwoken() {
        Semaphore sem = new Semaphore(0);
        run(() -> {
            Task<Boolean> t1 = Asyncio.createTask(sem::acquire);
            Task<Boolean> t2 = Asyncio.createTask(sem::acquire);
            Task<Boolean> t3 = Asyncio.createTask(sem::acquire);
            Task<Boolean> t4 = Asyncio.createTask(sem::acquire);

            Asyncio.sleep(0);

            t1.cancel();
            t2.cancel();
            sem.release();

            Asyncio.sleep(0);
            Asyncio.sleep(0);
            int numDone = (t3.done() ? 1 : 0) + (t4.done() ? 1 : 0);
            assertEquals(1, numDone);
            assertTrue(t3.done());
            assertFalse(t4.done());

            t3.cancel();
            t4.cancel();
            Asyncio.sleep(0);
            return null;
        });
    }

    /**
     * Port of test_locks.py SemaphoreTests.test_acquire_hang: a permit released to a waiter that is being cancelled
     * goes to the next waiter instead of being lost.
     */
    @Test
    void testAcquireHang() {
        Semaphore sem = new Semaphore(0);
        run(() -> {
            Task<Boolean> t1 = Asyncio.createTask(sem::acquire);
            Task<Boolean> t2 = Asyncio.createTask(sem::acquire);
            Asyncio.sleep(0);

            t1.cancel();
            sem.release();
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            assertTrue(sem.locked());
            assertTrue(t2.done());
            return null;
        });
    }

    /**
     * Port of test_locks.py SemaphoreTests.test_acquire_no_hang: a waiter cancelled after it was handed the permit
     * gives it back, so the semaphore can be acquired again.
     */
    @Test
    void testAcquireNoHang() {
        Semaphore sem = new Semaphore(1);
        run(() -> {
            @SuppressWarnings("unchecked")
            Task<Object>[] t2 = new Task[1];
            Task<Object> t1 = Asyncio.createTask(() -> {
                try (var held = sem.hold()) {
                    Asyncio.sleep(0);
                }
                t2[0].cancel();
                return null;
            });
            t2[0] = Asyncio.createTask(() -> {
                try (var held = sem.hold()) {
                    throw new AssertionError("c2 must not get the semaphore");
                }
            });

            List<Object> results = await(Asyncio.gatherReturnExceptions(t1, t2[0]));
            assertNull(results.get(0));
            assertInstanceOf(CancelledError.class, results.get(1));

            assertTrue((Boolean) Asyncio.waitFor((Coroutine<Boolean>) sem::acquire, 1.0));
            return null;
        });
    }

    /** Port of test_locks.py SemaphoreTests.test_release_not_acquired. */
    @Test
    void testReleaseNotAcquired() {
        BoundedSemaphore sem = new BoundedSemaphore();
        IllegalStateException e = assertThrows(IllegalStateException.class, sem::release);
        assertEquals("BoundedSemaphore released too many times", e.getMessage());
    }

    /** Port of test_locks.py SemaphoreTests.test_release_no_waiters. */
    @Test
    void testReleaseNoWaiters() {
        Semaphore sem = new Semaphore();
        run(() -> {
            sem.acquire();
            assertTrue(sem.locked());
            sem.release();
            assertFalse(sem.locked());
            return null;
        });
    }

    /** Port of test_locks.py SemaphoreTests.test_acquire_fifo_order: tasks that re-acquire queue behind the others. */
    @Test
    void testAcquireFifoOrder() {
        Semaphore sem = new Semaphore(1);
        List<String> result = new ArrayList<>();
        run(() -> {
            TaskGroup.run(tg -> {
                for (String tag : List.of("c1", "c2", "c3")) {
                    tg.createTask(() -> {
                        sem.acquire();
                        result.add(tag + "_1");
                        Asyncio.sleep(0.01);
                        sem.release();

                        sem.acquire();
                        result.add(tag + "_2");
                        Asyncio.sleep(0.01);
                        sem.release();
                        return null;
                    });
                }
                return null;
            });
            return null;
        });
        assertEquals(List.of("c1_1", "c2_1", "c3_1", "c1_2", "c2_2", "c3_2"), result);
    }

    /**
     * Port of test_locks.py SemaphoreTests.test_acquire_fifo_order_2: a task that releases and re-acquires goes
     * behind the waiter it released to.
     */
    @Test
    void testAcquireFifoOrder2() {
        Semaphore sem = new Semaphore(1);
        List<Integer> result = new ArrayList<>();
        run(() -> {
            Task<Boolean> t1 = Asyncio.createTask(acquireAndAppend(sem, result, 1));
            Task<Boolean> t2 = Asyncio.createTask(() -> {
                sem.acquire();
                result.add(2);
                sem.release();
                sem.acquire();
                result.add(4);
                return true;
            });
            Task<Boolean> t3 = Asyncio.createTask(acquireAndAppend(sem, result, 3));

            Asyncio.sleep(0);

            sem.release();
            sem.release();

            await(Asyncio.gather(t1, t2, t3));
            return null;
        });
        assertEquals(List.of(1, 2, 3, 4), result);
    }

    /**
     * Port of test_locks.py SemaphoreTests.test_acquire_fifo_order_3: a cancelled waiter keeps no place in the
     * queue.
     */
    @Test
    void testAcquireFifoOrder3() {
        Semaphore sem = new Semaphore(0);
        List<Integer> result = new ArrayList<>();
        run(() -> {
            Task<Boolean> t1 = Asyncio.createTask(acquireAndAppend(sem, result, 1));
            Task<Boolean> t2 = Asyncio.createTask(acquireAndAppend(sem, result, 2));
            Task<Boolean> t3 = Asyncio.createTask(acquireAndAppend(sem, result, 3));

            Asyncio.sleep(0);

            t1.cancel();

            Asyncio.sleep(0);

            sem.release();
            sem.release();

            await(Asyncio.gatherReturnExceptions(t1, t2, t3));
            return null;
        });
        assertEquals(List.of(2, 3), result);
    }

    /**
     * Port of test_locks.py SemaphoreTests.test_acquire_fifo_order_4: a successful acquire() wakes as many of the
     * tasks that queued behind it (FIFO) as there are permits.
     */
    @Test
    void testAcquireFifoOrder4() {
        Semaphore sem = new Semaphore(0);
        List<Integer> result = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Task<Boolean>[] t4 = new Task[1];
        run(() -> {
            Coroutine<Boolean> c4 = () -> {
                result.add(4);
                return true;
            };
            Task<Boolean> t1 = Asyncio.createTask(() -> {
                // The first task waits at once. It will be woken by c2.
                assertTrue(sem.locked());
                sem.acquire();
                // It has woken every waiting task now: no permit is left.
                assertTrue(sem.locked());
                // Create a fourth task. It should run after c3, not c2.
                t4[0] = Asyncio.createTask(c4);
                result.add(1);
                return true;
            });
            Task<Boolean> t2 = Asyncio.createTask(() -> {
                // The second task begins by releasing the semaphore three times, for c1, c2 and c3.
                sem.release();
                sem.release();
                sem.release();
                // It is locked, because c1 has not woken up yet.
                assertTrue(sem.locked());
                sem.acquire();
                result.add(2);
                return true;
            });
            Task<Boolean> t3 = Asyncio.createTask(() -> {
                sem.acquire();
                assertTrue(sem.locked());
                result.add(3);
                return true;
            });

            Asyncio.sleep(0);
            // Three tasks are in the queue, the first has not woken up yet.
            assertTrue(sem.toString().contains("waiters:3"), sem.toString());
            Asyncio.sleep(0);

            await(Asyncio.gather(t1, t2, t3, t4[0]));
            return null;
        });
        assertEquals(List.of(1, 2, 3, 4), result);
    }
}
