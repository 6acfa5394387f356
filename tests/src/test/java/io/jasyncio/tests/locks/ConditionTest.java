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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Condition;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Lock;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's {@code Lib/test/test_asyncio/test_locks.py} ConditionTests (3.12+). {@code wait()},
 * {@code notify()} and {@code notify_all()} are {@code wait_()}, {@code notify_()} and {@code notifyAll_()};
 * {@code async with cond} is {@code hold()}; {@code len(cond._waiters)} is read from the repr's {@code waiters:N}.
 */
class ConditionTest extends LoopTestBase {

    private static Coroutine<Boolean> waitAndAppend(Condition cond, List<Integer> result, int n, boolean release) {
        return () -> {
            cond.acquire();
            if (cond.wait_()) {
                result.add(n);
                if (release) {
                    cond.release();
                }
            }
            return true;
        };
    }

    /**
     * Port of test_locks.py ConditionTests.test_wait: notified waiters return from wait() one by one, each once it
     * holds the lock again.
     */
    @Test
    void testWait() {
        Condition cond = new Condition();
        List<Integer> result = new ArrayList<>();
        run(() -> {
            Task<Boolean> t1 = Asyncio.createTask(waitAndAppend(cond, result, 1, false));
            Task<Boolean> t2 = Asyncio.createTask(waitAndAppend(cond, result, 2, false));
            Task<Boolean> t3 = Asyncio.createTask(waitAndAppend(cond, result, 3, false));

            Asyncio.sleep(0);
            assertEquals(List.of(), result);
            assertFalse(cond.locked());

            assertTrue(cond.acquire());
            cond.notify_();
            Asyncio.sleep(0);
            assertEquals(List.of(), result);
            assertTrue(cond.locked());

            cond.release();
            Asyncio.sleep(0);
            assertEquals(List.of(1), result);
            assertTrue(cond.locked());

            cond.notify_(2);
            Asyncio.sleep(0);
            assertEquals(List.of(1), result);
            assertTrue(cond.locked());

            cond.release();
            Asyncio.sleep(0);
            assertEquals(List.of(1, 2), result);
            assertTrue(cond.locked());

            cond.release();
            Asyncio.sleep(0);
            assertEquals(List.of(1, 2, 3), result);
            assertTrue(cond.locked());

            assertTrue(t1.done());
            assertTrue(t1.result());
            assertTrue(t2.done());
            assertTrue(t2.result());
            assertTrue(t3.done());
            assertTrue(t3.result());
            return null;
        });
    }

    /** Port of test_locks.py ConditionTests.test_wait_cancel: the lock is held again after the cancellation. */
    @Test
    void testWaitCancel() {
        Condition cond = new Condition();
        run(() -> {
            cond.acquire();
            Task<Boolean> wait = Asyncio.createTask(cond::wait_);
            Asyncio.getRunningLoop().callSoon(wait::cancel);
            assertThrows(CancelledError.class, () -> await(wait));
            assertFalse(cond.toString().contains("waiters"), cond.toString());
            assertTrue(cond.locked());
            return null;
        });
    }

    /**
     * Port of test_locks.py ConditionTests.test_wait_cancel_contested: a waiter that was notified, then cancelled
     * while it waits for the lock, still ends up holding the lock.
     */
    @Test
    void testWaitCancelContested() {
        Condition cond = new Condition();
        run(() -> {
            cond.acquire();
            assertTrue(cond.locked());

            Task<Boolean> waitTask = Asyncio.createTask(cond::wait_);
            Asyncio.sleep(0);
            assertFalse(cond.locked());

            // Notify, but contest the lock before cancelling.
            cond.acquire();
            assertTrue(cond.locked());
            cond.notify_();
            EventLoop loop = Asyncio.getRunningLoop();
            loop.callSoon(waitTask::cancel);
            loop.callSoon(cond::release);

            try {
                await(waitTask);
            } catch (CancelledError e) {
                // Should not happen, since there is no cancellation point; the assertion below is what matters.
            }
            assertTrue(cond.locked());
            return null;
        });
    }

    /**
     * Port of test_locks.py ConditionTests.test_wait_cancel_after_notify (bpo-32841): a waiter cancelled while it
     * re-acquires the lock after a notify ends cancelled.
     */
    @Test
    void testWaitCancelAfterNotify() {
        Condition cond = new Condition();
        boolean[] waited = {false};
        run(() -> {
            Task<Object> waiter = Asyncio.createTask(() -> {
                try (var held = cond.hold()) {
                    waited[0] = true; // make sure this area was reached
                    cond.wait_();
                }
                return null;
            });
            Asyncio.sleep(0); // start waiting

            cond.acquire();
            cond.notify_();
            Asyncio.sleep(0); // get to acquire()
            waiter.cancel();
            Asyncio.sleep(0); // activate cancellation
            cond.release();
            Asyncio.sleep(0); // cancellation should occur

            assertTrue(waiter.cancelled());
            assertTrue(waited[0]);
            return null;
        });
    }

    /** Port of test_locks.py ConditionTests.test_wait_unacquired. */
    @Test
    void testWaitUnacquired() {
        Condition cond = new Condition();
        run(() -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, cond::wait_);
            assertEquals("cannot wait on un-acquired lock", e.getMessage());
            return null;
        });
    }

    /** Port of test_locks.py ConditionTests.test_wait_for: the waiter returns only once the predicate holds. */
    @Test
    void testWaitFor() {
        Condition cond = new Condition();
        boolean[] presult = {false};
        List<Integer> result = new ArrayList<>();
        run(() -> {
            Task<Boolean> t = Asyncio.createTask(() -> {
                cond.acquire();
                if (cond.waitFor(() -> presult[0])) {
                    result.add(1);
                    cond.release();
                }
                return true;
            });

            Asyncio.sleep(0);
            assertEquals(List.of(), result);

            cond.acquire();
            cond.notify_();
            cond.release();
            Asyncio.sleep(0);
            assertEquals(List.of(), result);

            presult[0] = true;
            cond.acquire();
            cond.notify_();
            cond.release();
            Asyncio.sleep(0);
            assertEquals(List.of(1), result);

            assertTrue(t.done());
            assertTrue(t.result());
            return null;
        });
    }

    /** Port of test_locks.py ConditionTests.test_wait_for_unacquired: a true predicate needs no lock. */
    @Test
    void testWaitForUnacquired() {
        Condition cond = new Condition();
        run(() -> {
            // The predicate can be true at once.
            assertTrue(cond.waitFor(() -> true));
            assertThrows(IllegalStateException.class, () -> cond.waitFor(() -> false));
            return null;
        });
    }

    /** Port of test_locks.py ConditionTests.test_notify: notify(n) wakes n waiters, all if fewer wait. */
    @Test
    void testNotify() {
        Condition cond = new Condition();
        List<Integer> result = new ArrayList<>();
        run(() -> {
            Task<Boolean> t1 = Asyncio.createTask(waitAndAppend(cond, result, 1, true));
            Task<Boolean> t2 = Asyncio.createTask(waitAndAppend(cond, result, 2, true));
            Task<Boolean> t3 = Asyncio.createTask(waitAndAppend(cond, result, 3, true));

            Asyncio.sleep(0);
            assertEquals(List.of(), result);

            cond.acquire();
            cond.notify_(1);
            cond.release();
            Asyncio.sleep(0);
            assertEquals(List.of(1), result);

            cond.acquire();
            cond.notify_(1);
            cond.notify_(2048);
            cond.release();
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

    /** Port of test_locks.py ConditionTests.test_notify_all. */
    @Test
    void testNotifyAll() {
        Condition cond = new Condition();
        List<Integer> result = new ArrayList<>();
        run(() -> {
            Task<Boolean> t1 = Asyncio.createTask(waitAndAppend(cond, result, 1, true));
            Task<Boolean> t2 = Asyncio.createTask(waitAndAppend(cond, result, 2, true));

            Asyncio.sleep(0);
            assertEquals(List.of(), result);

            cond.acquire();
            cond.notifyAll_();
            cond.release();
            Asyncio.sleep(0);
            assertEquals(List.of(1, 2), result);

            assertTrue(t1.done());
            assertTrue(t1.result());
            assertTrue(t2.done());
            assertTrue(t2.result());
            return null;
        });
    }

    /** Port of test_locks.py ConditionTests.test_notify_unacquired. */
    @Test
    void testNotifyUnacquired() {
        Condition cond = new Condition();
        IllegalStateException e = assertThrows(IllegalStateException.class, cond::notify_);
        assertEquals("cannot notify on un-acquired lock", e.getMessage());
    }

    /** Port of test_locks.py ConditionTests.test_notify_all_unacquired. */
    @Test
    void testNotifyAllUnacquired() {
        Condition cond = new Condition();
        IllegalStateException e = assertThrows(IllegalStateException.class, cond::notifyAll_);
        assertEquals("cannot notify on un-acquired lock", e.getMessage());
    }

    /** Port of test_locks.py ConditionTests.test_repr (waiting tasks stand for the mock waiters). */
    @Test
    void testRepr() {
        Condition cond = new Condition();
        assertTrue(cond.toString().contains("unlocked"), cond.toString());
        assertNotNull(ReprPattern.match(cond));
        run(() -> {
            cond.acquire();
            assertTrue(cond.toString().contains("[locked"), cond.toString());

            List<Task<Boolean>> waiters = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                waiters.add(Asyncio.createTask(() -> {
                    try (var held = cond.hold()) {
                        return cond.wait_();
                    }
                }));
                cond.release();
                Asyncio.sleep(0);
                cond.acquire();
                assertTrue(cond.toString().contains("waiters:" + n), cond.toString());
                assertNotNull(ReprPattern.match(cond));
            }
            cond.notifyAll_();
            cond.release();
            await(Asyncio.gather(waiters));
            return null;
        });
    }

    /** Port of test_locks.py ConditionTests.test_context_manager. */
    @Test
    void testContextManager() {
        Condition cond = new Condition();
        run(() -> {
            assertFalse(cond.locked());
            try (var held = cond.hold()) {
                assertTrue(cond.locked());
            }
            assertFalse(cond.locked());
            return null;
        });
    }

    /**
     * Port of test_locks.py ConditionTests.test_explicit_lock: a condition over a given lock shares its state, in
     * every way of making the two.
     */
    @Test
    void testExplicitLock() {
        run(() -> {
            // All should work in the same way.
            checkExplicitLock(null, null);
            checkExplicitLock(new Lock(), null);
            Lock lock = new Lock();
            checkExplicitLock(lock, new Condition(lock));
            return null;
        });
    }

    private static void checkExplicitLock(Lock given, Condition givenCond) {
        Lock lock = given == null ? new Lock() : given;
        Condition cond = givenCond == null ? new Condition(lock) : givenCond;
        assertFalse(lock.locked());
        assertFalse(cond.locked());
        try (var held = cond.hold()) {
            assertTrue(lock.locked());
            assertTrue(cond.locked());
        }
        assertFalse(lock.locked());
        assertFalse(cond.locked());
        try (var held = lock.hold()) {
            assertTrue(lock.locked());
            assertTrue(cond.locked());
        }
        assertFalse(lock.locked());
        assertFalse(cond.locked());
    }

    /**
     * Port of test_locks.py ConditionTests.test_ambiguous_loops: a lock or condition bound to another loop is found
     * out when it first has to wait. Here the other loop binds them by making a waiter, instead of setting
     * {@code _loop}.
     */
    @Test
    void testAmbiguousLoops() {
        Lock lockOfOtherLoop = new Lock();
        bindInOtherLoop(() -> {
            lockOfOtherLoop.acquire();
            return lockOfOtherLoop.acquire();
        });
        lockOfOtherLoop.release();

        Lock lock = new Lock();
        Condition condOfOtherLoop = new Condition(lock);
        bindInOtherLoop(() -> {
            condOfOtherLoop.acquire();
            return condOfOtherLoop.wait_();
        });
        condOfOtherLoop.release();

        run(() -> {
            // wrong_loop_in_lock
            try (var held = lockOfOtherLoop.hold()) {
                // Acquired at once, through the fast path, without a loop.
                Condition cond = new Condition(lockOfOtherLoop);
                // cond.acquire() waits on the lock, and finds out the loop mismatch.
                IllegalStateException e = assertThrows(IllegalStateException.class, cond::acquire);
                assertTrue(e.getMessage().endsWith("is bound to a different event loop"), e.getMessage());
            }
            // wrong_loop_in_cond
            try (var held = lock.hold()) {
                IllegalStateException e = assertThrows(IllegalStateException.class, condOfOtherLoop::wait_);
                assertTrue(e.getMessage().endsWith("is bound to a different event loop"), e.getMessage());
                assertTrue(lock.locked(), "wait() holds the lock again when it fails");
            }
            return null;
        });
    }

    private void bindInOtherLoop(Coroutine<Boolean> waitOnIt) {
        try (EventLoop other = Asyncio.newEventLoop(options())) {
            Task<Boolean> t = other.createTask(waitOnIt);
            other.stop();
            other.runForever();
            assertFalse(t.done(), "the task waits in the other loop");
            t.cancel();
            other.stop();
            other.runForever();
            assertTrue(t.cancelled());
        }
    }

    /** Port of test_locks.py ConditionTests.test_timeout_in_block. */
    @Test
    void testTimeoutInBlock() {
        Condition condition = new Condition();
        run(() -> {
            try (var held = condition.hold()) {
                assertThrows(TimeoutError.class, () -> Asyncio.waitFor((Coroutine<Boolean>) condition::wait_, 0.5));
            }
            return null;
        });
    }

    /**
     * Port of test_locks.py ConditionTests.test_cancelled_error_wakeup: a CancelledError received while waiting for
     * the wake-up comes out of wait_for() unchanged, and is the one that awaiting the task raises.
     */
    @Test
    void testCancelledErrorWakeup() {
        Condition cond = new Condition();
        CancelledError[] raised = {null};
        run(() -> {
            Task<Object> task = Asyncio.createTask(() -> {
                try (var held = cond.hold()) {
                    CancelledError err = assertThrows(CancelledError.class, () -> cond.waitFor(() -> false));
                    raised[0] = err;
                    throw err;
                }
            });
            Asyncio.sleep(0);
            // The task is waiting on the condition: cancel it there.
            task.cancel("foo");
            CancelledError err = assertThrows(CancelledError.class, () -> await(task));
            assertEquals("foo", err.getMessage());
            // The same exception instance as the one originally raised.
            assertSame(raised[0], err);
            return null;
        });
    }

    /**
     * Port of test_locks.py ConditionTests.test_cancelled_error_re_aquire: a CancelledError received while
     * re-acquiring the lock comes out of wait_for() unchanged, and is the one that awaiting the task raises.
     */
    @Test
    void testCancelledErrorReAquire() {
        Condition cond = new Condition();
        boolean[] wake = {false};
        CancelledError[] raised = {null};
        run(() -> {
            Task<Object> task = Asyncio.createTask(() -> {
                try (var held = cond.hold()) {
                    CancelledError err = assertThrows(CancelledError.class, () -> cond.waitFor(() -> wake[0]));
                    raised[0] = err;
                    throw err;
                }
            });
            Asyncio.sleep(0);
            // The task is waiting on the condition.
            cond.acquire();
            wake[0] = true;
            cond.notify_();
            Asyncio.sleep(0);
            // The task is now trying to re-acquire the lock: cancel it there.
            task.cancel("foo");
            cond.release();
            CancelledError err = assertThrows(CancelledError.class, () -> await(task));
            assertEquals("foo", err.getMessage());
            assertSame(raised[0], err);
            return null;
        });
    }

    private static Coroutine<Object> consumer(Condition condition, int[] state) {
        return () -> {
            try (var held = condition.hold()) {
                while (true) {
                    condition.waitFor(() -> state[0] != 0);
                    if (state[0] < 0) {
                        return null;
                    }
                    state[0]--;
                }
            }
        };
    }

    /**
     * Port of test_locks.py ConditionTests.test_cancelled_wakeup: a task cancelled while it waits to run after
     * notify() passes the notification on, so the item is still consumed.
     */
    @Test
    void testCancelledWakeup() {
        Condition condition = new Condition();
        int[] state = {0};
        run(() -> {
            // Create two consumers and let them settle.
            List<Task<Object>> c = List.of(Asyncio.createTask(consumer(condition, state)),
                    Asyncio.createTask(consumer(condition, state)));
            Asyncio.sleep(0);
            try (var held = condition.hold()) {
                // Produce one item and wake up one consumer.
                state[0]++;
                condition.notify_(1);

                // Cancel it while it waits to run.
                c.get(0).cancel();

                // Wait for the item to be consumed: if it is not, the notify was lost to the cancel.
                try {
                    Asyncio.timeout(0.01, () -> condition.waitFor(() -> state[0] == 0));
                } catch (TimeoutError e) {
                    // checked below
                }
                assertEquals(0, state[0]);

                // Clean up.
                state[0] = -1;
                condition.notifyAll_();
            }
            await(c.get(1));
            return null;
        });
    }

    /**
     * Port of test_locks.py ConditionTests.test_cancelled_wakeup_relock: a task cancelled while it re-acquires the
     * lock after notify() passes the notification on, so the item is still consumed.
     */
    @Test
    void testCancelledWakeupRelock() {
        Condition condition = new Condition();
        int[] state = {0};
        run(() -> {
            List<Task<Object>> c = List.of(Asyncio.createTask(consumer(condition, state)),
                    Asyncio.createTask(consumer(condition, state)));
            Asyncio.sleep(0);
            try (var held = condition.hold()) {
                state[0]++;
                condition.notify_(1);

                // Let the woken task settle on re-acquiring the lock, then cancel it there.
                Asyncio.sleep(0);
                c.get(0).cancel();

                try {
                    Asyncio.timeout(0.01, () -> condition.waitFor(() -> state[0] == 0));
                } catch (TimeoutError e) {
                    // checked below
                }
                assertEquals(0, state[0]);

                state[0] = -1;
                condition.notifyAll_();
            }
            await(c.get(1));
            return null;
        });
    }
}
