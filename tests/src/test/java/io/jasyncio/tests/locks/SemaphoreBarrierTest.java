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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Barrier;
import io.jasyncio.BoundedSemaphore;
import io.jasyncio.BrokenBarrierError;
import io.jasyncio.Semaphore;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_locks.py SemaphoreTests and BarrierTests. */
class SemaphoreBarrierTest extends LoopTestBase {

    /** Port of test_locks.py SemaphoreTests.test_initial_value_zero / test_semaphore_value. */
    @Test
    void testSemaphoreValue() {
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        Semaphore sem = new Semaphore(0);
        assertTrue(sem.locked());
        Semaphore two = new Semaphore(2);
        run(() -> {
            two.acquire();
            assertFalse(two.locked());
            two.acquire();
            assertTrue(two.locked());
            return null;
        });
    }

    /** Port of test_locks.py SemaphoreTests.test_acquire: at most `value` holders, FIFO. */
    @Test
    void testAcquire() {
        Semaphore sem = new Semaphore(3);
        List<Integer> result = new ArrayList<>();
        run(() -> {
            List<Task<Object>> tasks = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                int n = i;
                tasks.add(Asyncio.createTask(() -> {
                    sem.acquire();
                    result.add(n);
                    return null;
                }));
            }
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            assertEquals(List.of(1, 2, 3), result);
            sem.release();
            await(tasks.get(3));
            assertEquals(List.of(1, 2, 3, 4), result);
            return null;
        });
    }

    /** Port of test_locks.py SemaphoreTests.test_acquire_cancel. */
    @Test
    void testAcquireCancel() {
        Semaphore sem = new Semaphore(0);
        Task<Boolean> t = loop.createTask(sem::acquire);
        runOnce();
        t.cancel();
        runUntilDone(t);
        assertTrue(t.cancelled());
        assertEquals("<Semaphore [locked]>", sem.toString());
    }

    /** Port of test_locks.py SemaphoreTests.test_acquire_cancel_before_awoken: the permit goes to the next waiter. */
    @Test
    void testAcquireCancelBeforeAwoken() {
        Semaphore sem = new Semaphore(0);
        List<String> got = new ArrayList<>();
        run(() -> {
            Task<Object> a = Asyncio.createTask(() -> {
                sem.acquire();
                got.add("a");
                return null;
            });
            Task<Object> b = Asyncio.createTask(() -> {
                sem.acquire();
                got.add("b");
                return null;
            });
            Asyncio.sleep(0);
            sem.release(); // wakes a ...
            a.cancel(); // ... cancelled first: b gets the permit
            await(Asyncio.gatherReturnExceptions(a, b));
            return null;
        });
        assertEquals(List.of("b"), got);
    }

    /** Port of test_locks.py SemaphoreTests.test_release_no_waiters. */
    @Test
    void testReleaseNoWaiters() {
        Semaphore sem = new Semaphore(0);
        sem.release();
        assertFalse(sem.locked());
    }

    /** Port of test_locks.py SemaphoreTests.test_release_not_acquired (BoundedSemaphore). */
    @Test
    void testBoundedReleaseNotAcquired() {
        BoundedSemaphore sem = new BoundedSemaphore();
        IllegalStateException e = assertThrows(IllegalStateException.class, sem::release);
        assertEquals("BoundedSemaphore released too many times", e.getMessage());
    }

    /** Port of test_locks.py SemaphoreTests.test_context_manager. */
    @Test
    void testSemaphoreContextManager() {
        Semaphore sem = new Semaphore(2);
        run(() -> {
            try (var held = sem.hold()) {
                assertFalse(sem.locked());
                try (var held2 = sem.hold()) {
                    assertTrue(sem.locked());
                }
            }
            assertFalse(sem.locked());
            return null;
        });
    }

    /** Port of test_locks.py BarrierTests.test_barrier: every party passes together. */
    @Test
    void testBarrier() {
        Barrier barrier = new Barrier(3);
        Set<Integer> indices = new TreeSet<>();
        List<String> after = new ArrayList<>();
        run(() -> {
            List<Task<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tasks.add(Asyncio.createTask(() -> {
                    indices.add(barrier.wait_());
                    after.add("passed");
                    return null;
                }));
            }
            await(Asyncio.gather(tasks.toArray()));
            return null;
        });
        assertEquals(Set.of(0, 1, 2), indices);
        assertEquals(3, after.size());
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    /** Port of test_locks.py BarrierTests.test_wait_task_one_by_one: n_waiting counts arrivals while filling. */
    @Test
    void testBarrierNWaiting() {
        Barrier barrier = new Barrier(3);
        Task<Integer> a = loop.createTask(barrier::wait_);
        Task<Integer> b = loop.createTask(barrier::wait_);
        runOnce();
        runOnce();
        assertEquals(2, barrier.nWaiting());
        Task<Integer> c = loop.createTask(barrier::wait_);
        runUntilDone(a);
        runUntilDone(b);
        runUntilDone(c);
        assertEquals(0, barrier.nWaiting());
    }

    /** Port of test_locks.py BarrierTests.test_barrier_parties / test_constructor. */
    @Test
    void testBarrierParties() {
        assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
        assertEquals(5, new Barrier(5).parties());
    }

    /** Port of test_locks.py BarrierTests.test_abort_barrier: waiters get BrokenBarrierError. */
    @Test
    void testAbortBarrier() {
        Barrier barrier = new Barrier(3);
        Task<Integer> t = loop.createTask(barrier::wait_);
        runOnce();
        runOnce();
        Task<Object> aborter = loop.createTask(() -> {
            barrier.abort();
            return null;
        });
        runUntilDone(aborter);
        runUntilDone(t);
        assertInstanceOf(BrokenBarrierError.class, t.exception());
        assertTrue(barrier.broken());
        Task<Integer> late = loop.createTask(barrier::wait_);
        runUntilDone(late);
        assertInstanceOf(BrokenBarrierError.class, late.exception());
    }

    /** Port of test_locks.py BarrierTests.test_reset_barrier: waiters break, the barrier is usable again. */
    @Test
    void testResetBarrier() {
        Barrier barrier = new Barrier(2);
        Task<Integer> t = loop.createTask(barrier::wait_);
        runOnce();
        runOnce();
        Task<Object> resetter = loop.createTask(() -> {
            barrier.reset();
            return null;
        });
        runUntilDone(resetter);
        runUntilDone(t);
        assertInstanceOf(BrokenBarrierError.class, t.exception());
        assertFalse(barrier.broken());
        Task<Integer> a = loop.createTask(barrier::wait_);
        Task<Integer> b = loop.createTask(barrier::wait_);
        runUntilDone(a);
        runUntilDone(b);
        assertEquals(Set.of(0, 1), Set.of(a.result(), b.result()));
    }

    /** Port of test_locks.py BarrierTests.test_barrier_twice... : a barrier is reusable across rounds. */
    @Test
    void testBarrierTwoRounds() {
        Barrier barrier = new Barrier(2);
        int[] rounds = {0};
        run(() -> {
            Coroutine2 worker = () -> {
                for (int r = 0; r < 2; r++) {
                    barrier.wait_();
                    rounds[0]++;
                }
                return null;
            };
            await(Asyncio.gather(Asyncio.createTask(worker::call), Asyncio.createTask(worker::call)));
            return null;
        });
        assertEquals(4, rounds[0]);
    }

    /** A small local coroutine type, to reuse one body twice. */
    private interface Coroutine2 {
        Object call() throws Exception;
    }
}
