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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Lock;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's {@code Lib/test/test_asyncio/test_locks.py} LockTests (3.12+). The test body runs as a task, as
 * in {@code IsolatedAsyncioTestCase}; {@code len(lock._waiters)} is read from the repr's {@code waiters:N}.
 */
class LockTest extends LoopTestBase {

    /** Port of test_locks.py LockTests.test_repr. */
    @Test
    void testRepr() {
        Lock lock = new Lock();
        assertTrue(lock.toString().endsWith("[unlocked]>"), lock.toString());
        assertNotNull(ReprPattern.match(lock));
        run(() -> {
            lock.acquire();
            assertTrue(lock.toString().endsWith("[locked]>"), lock.toString());
            assertNotNull(ReprPattern.match(lock));
            Task<Boolean> waiter = Asyncio.createTask(lock::acquire);
            Asyncio.sleep(0);
            assertTrue(lock.toString().endsWith("[locked, waiters:1]>"), lock.toString());
            assertNotNull(ReprPattern.match(lock));
            waiter.cancel();
            return null;
        });
    }

    /** Port of test_locks.py LockTests.test_acquire. */
    @Test
    void testAcquire() {
        Lock lock = new Lock();
        List<Integer> result = new ArrayList<>();
        run(() -> {
            assertTrue(lock.acquire());
            Task<Boolean> t1 = Asyncio.createTask(acquireAndAppend(lock, result, 1));
            Task<Boolean> t2 = Asyncio.createTask(acquireAndAppend(lock, result, 2));

            Asyncio.sleep(0);
            assertEquals(List.of(), result);

            lock.release();
            Asyncio.sleep(0);
            assertEquals(List.of(1), result);

            Asyncio.sleep(0);
            assertEquals(List.of(1), result);

            Task<Boolean> t3 = Asyncio.createTask(acquireAndAppend(lock, result, 3));

            lock.release();
            Asyncio.sleep(0);
            assertEquals(List.of(1, 2), result);

            lock.release();
            Asyncio.sleep(0);
            assertEquals(List.of(1, 2, 3), result);

            assertTrue(t1.done());
            assertTrue(t1.result());
            assertTrue(t2.done());
            assertTrue(t2.result());
            assertTrue(t3.done());
            assertTrue(t3.result());
            return null;
        });
    }

    private static Coroutine<Boolean> acquireAndAppend(Lock lock, List<Integer> result, int n) {
        return () -> {
            if (lock.acquire()) {
                result.add(n);
            }
            return true;
        };
    }

    /** Port of test_locks.py LockTests.test_acquire_cancel. */
    @Test
    void testAcquireCancel() {
        Lock lock = new Lock();
        run(() -> {
            assertTrue(lock.acquire());
            Task<Boolean> task = Asyncio.createTask(lock::acquire);
            Asyncio.getRunningLoop().callSoon(task::cancel);
            assertThrows(CancelledError.class, () -> await(task));
            assertFalse(lock.toString().contains("waiters"), lock.toString());
            return null;
        });
    }

    /**
     * Port of test_locks.py LockTests.test_cancel_race: A holds the lock, B and C wait; B is cancelled while A
     * releases. A's release must skip B's cancelled waiter and wake C.
     */
    @Test
    void testCancelRace() {
        Lock lock = new Lock();
        run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Object> fa = loop.createFuture();
            Task<Object> ta = Asyncio.createTask(lockit(lock, fa));
            Asyncio.sleep(0);
            assertTrue(lock.locked());
            Task<Object> tb = Asyncio.createTask(lockit(lock, null));
            Asyncio.sleep(0);
            assertTrue(lock.toString().contains("waiters:1"), lock.toString());
            Task<Object> tc = Asyncio.createTask(lockit(lock, null));
            Asyncio.sleep(0);
            assertTrue(lock.toString().contains("waiters:2"), lock.toString());

            // Create the race and check.
            fa.setResult(null);
            tb.cancel();
            Asyncio.sleep(0);
            assertFalse(lock.locked());
            assertTrue(ta.done());
            assertTrue(tb.cancelled());
            await(tc);
            return null;
        });
    }

    private static Coroutine<Object> lockit(Lock lock, Future<?> blocker) {
        return () -> {
            lock.acquire();
            try {
                if (blocker != null) {
                    await(blocker);
                }
            } finally {
                lock.release();
            }
            return null;
        };
    }

    /**
     * Port of test_locks.py LockTests.test_cancel_release_race (bpo-32734): with three waiters, cancelling the first
     * and releasing in the same callback lets exactly one of them take the lock.
     */
    @Test
    void testCancelReleaseRace() {
        Lock lock = new Lock();
        int[] lockCount = {0};
        int[] callCount = {0};
        Coroutine<Object> lockit = () -> {
            callCount[0]++;
            lock.acquire();
            lockCount[0]++;
            return null;
        };
        run(() -> {
            lock.acquire();
            Task<Object> t1 = Asyncio.createTask(lockit);
            Task<Object> t2 = Asyncio.createTask(lockit);
            Task<Object> t3 = Asyncio.createTask(lockit);

            // Start scheduled tasks.
            Asyncio.sleep(0);

            Asyncio.getRunningLoop().callSoon(() -> {
                t1.cancel();
                lock.release();
            });
            assertThrows(CancelledError.class, () -> await(t1));

            // Make sure only one lock was taken, while 3 calls were made to lockit().
            assertEquals(1, lockCount[0]);
            assertEquals(3, callCount[0]);
            assertTrue(t1.cancelled() && t2.done());

            // Cleanup the task that is stuck on acquire.
            t3.cancel();
            Asyncio.sleep(0);
            assertTrue(t3.cancelled());
            return null;
        });
    }

    /**
     * Port of test_locks.py LockTests.test_finished_waiter_cancelled: a waiter woken by release() and cancelled before
     * it runs passes the wake-up to the next waiter.
     */
    @Test
    void testFinishedWaiterCancelled() {
        Lock lock = new Lock();
        run(() -> {
            lock.acquire();
            assertTrue(lock.locked());

            Task<Boolean> tb = Asyncio.createTask(lock::acquire);
            Asyncio.sleep(0);
            assertTrue(lock.toString().contains("waiters:1"), lock.toString());

            // Create a second waiter, wake up the first, and cancel it.
            Task<Boolean> tc = Asyncio.createTask(lock::acquire);
            tb.cancel();
            lock.release();
            Asyncio.sleep(0);

            assertTrue(lock.locked());
            assertTrue(tb.cancelled());

            // Cleanup.
            assertTrue(await(tc));
            return null;
        });
    }

    /** Port of test_locks.py LockTests.test_release_not_acquired. */
    @Test
    void testReleaseNotAcquired() {
        Lock lock = new Lock();
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
        assertEquals("Lock is not acquired.", e.getMessage());
    }

    /** Port of test_locks.py LockTests.test_release_no_waiters. */
    @Test
    void testReleaseNoWaiters() {
        Lock lock = new Lock();
        run(() -> {
            lock.acquire();
            assertTrue(lock.locked());
            lock.release();
            assertFalse(lock.locked());
            return null;
        });
    }

    /** Port of test_locks.py LockTests.test_context_manager: {@code async with lock} is {@code hold()}. */
    @Test
    void testContextManager() {
        Lock lock = new Lock();
        run(() -> {
            assertFalse(lock.locked());
            try (var held = lock.hold()) {
                assertTrue(lock.locked());
            }
            assertFalse(lock.locked());
            return null;
        });
    }

    /**
     * Not a port (the loop binding of asyncio's {@code _LoopBoundMixin}): a lock that has made a waiter for one loop
     * refuses to make one for another, with asyncio's message; taking it without waiting binds nothing.
     */
    @Test
    void testBoundToOneLoop() {
        Lock lock = new Lock();
        try (EventLoop other = Asyncio.newEventLoop(options())) {
            Task<Boolean> t = other.createTask(() -> {
                lock.acquire();
                return lock.acquire(); // waits: binds the lock to the other loop
            });
            other.stop();
            other.runForever();
            assertFalse(t.done());
            t.cancel();
            other.stop();
            other.runForever();
            assertTrue(t.cancelled());
        }
        lock.release();
        run(() -> {
            assertTrue(lock.acquire()); // the fast path needs no loop
            IllegalStateException e = assertThrows(IllegalStateException.class, lock::acquire);
            assertEquals(lock + " is bound to a different event loop", e.getMessage());
            lock.release();
            return null;
        });
    }
}
