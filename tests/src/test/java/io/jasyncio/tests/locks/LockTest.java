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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Lock;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_locks.py LockTests. */
class LockTest extends LoopTestBase {

    /** Port of test_locks.py LockTests.test_lock. */
    @Test
    void testLock() {
        Lock lock = new Lock();
        run(() -> {
            assertTrue(lock.acquire());
            assertTrue(lock.locked());
            lock.release();
            assertFalse(lock.locked());
            return null;
        });
    }

    /** Port of test_locks.py LockTests.test_acquire: waiters get the lock in FIFO order. */
    @Test
    void testAcquire() {
        Lock lock = new Lock();
        List<Integer> result = new ArrayList<>();
        run(() -> {
            lock.acquire();
            List<Task<Object>> tasks = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int n = i;
                tasks.add(Asyncio.createTask(() -> {
                    lock.acquire();
                    result.add(n);
                    return null;
                }));
            }
            Asyncio.sleep(0);
            assertEquals(List.of(), result);
            lock.release();
            Asyncio.sleep(0);
            assertEquals(List.of(1), result);
            Asyncio.sleep(0);
            assertEquals(List.of(1), result, "task 1 holds it and never releases");
            tasks.get(1).cancel();
            tasks.get(2).cancel();
            return null;
        });
    }

    /** Port of test_locks.py LockTests.test_acquire_cancel. */
    @Test
    void testAcquireCancel() {
        Lock lock = new Lock();
        run(() -> lock.acquire());
        Task<Object> t = loop.createTask(() -> lock.acquire());
        runOnce();
        t.cancel();
        runUntilDone(t);
        assertTrue(t.cancelled());
        assertTrue(lock.locked(), "still held by the first owner");
    }

    /** Port of test_locks.py LockTests.test_cancel_race: a cancelled waiter does not swallow the wake-up. */
    @Test
    void testCancelRace() {
        Lock lock = new Lock();
        List<String> order = new ArrayList<>();
        run(() -> {
            lock.acquire();
            Task<Object> ta = Asyncio.createTask(() -> {
                lock.acquire();
                order.add("a");
                lock.release();
                return null;
            });
            Task<Object> tb = Asyncio.createTask(() -> {
                lock.acquire();
                order.add("b");
                lock.release();
                return null;
            });
            Asyncio.sleep(0);
            lock.release(); // wakes a ...
            ta.cancel(); // ... which is cancelled before it runs: b must still get the lock
            await(Asyncio.gatherReturnExceptions(ta, tb));
            return null;
        });
        assertEquals(List.of("b"), order);
        assertFalse(lock.locked());
    }

    /** Port of test_locks.py LockTests.test_release_not_acquired. */
    @Test
    void testReleaseNotAcquired() {
        Lock lock = new Lock();
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
        assertEquals("Lock is not acquired.", e.getMessage());
    }

    /** Port of test_locks.py LockTests.test_context_manager: async with lock. */
    @Test
    void testContextManager() {
        Lock lock = new Lock();
        run(() -> {
            try (var held = lock.hold()) {
                assertTrue(lock.locked());
            }
            assertFalse(lock.locked());
            return null;
        });
    }

    /** Port of test_locks.py LockTests.test_repr. */
    @Test
    void testRepr() {
        Lock lock = new Lock();
        assertEquals("<Lock [unlocked]>", lock.toString());
        run(() -> lock.acquire());
        assertEquals("<Lock [locked]>", lock.toString());
    }

    /** Port of test_locks.py LockTests.test_mutual_exclusion... : a critical section across awaits. */
    @Test
    void testMutualExclusion() {
        Lock lock = new Lock();
        int[] inside = {0};
        int[] maxInside = {0};
        run(() -> {
            List<Task<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                tasks.add(Asyncio.createTask(() -> {
                    try (var held = lock.hold()) {
                        inside[0]++;
                        maxInside[0] = Math.max(maxInside[0], inside[0]);
                        Asyncio.sleep(0.01);
                        inside[0]--;
                    }
                    return null;
                }));
            }
            await(Asyncio.gather(tasks.toArray()));
            return null;
        });
        assertEquals(1, maxInside[0]);
    }

    /** A lock used from two loops says so. */
    @Test
    void testBoundToOneLoop() {
        Lock lock = new Lock();
        run(() -> {
            lock.acquire();
            Task<Object> waiter = Asyncio.createTask(() -> lock.acquire());
            Asyncio.sleep(0);
            waiter.cancel();
            return null;
        });
        try (var other = io.jasyncio.Asyncio.newEventLoop(options())) {
            Task<Object> t = other.createTask(() -> lock.acquire());
            other.stop();
            other.runForever();
            assertTrue(t.done());
            assertTrue(t.exception().getMessage().endsWith("is bound to a different event loop"));
        }
    }
}
