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
import io.jasyncio.CancelledError;
import io.jasyncio.Condition;
import io.jasyncio.Event;
import io.jasyncio.Lock;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_locks.py EventTests and ConditionTests. */
class EventConditionTest extends LoopTestBase {

    /** Port of test_locks.py EventTests.test_wait: set() wakes every waiter. */
    @Test
    void testEventWait() {
        Event ev = new Event();
        List<Integer> result = new ArrayList<>();
        run(() -> {
            List<Task<Object>> tasks = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int n = i;
                tasks.add(Asyncio.createTask(() -> {
                    ev.wait_();
                    result.add(n);
                    return null;
                }));
            }
            Asyncio.sleep(0);
            assertEquals(List.of(), result);
            ev.set();
            await(Asyncio.gather(tasks.toArray()));
            return null;
        });
        assertEquals(List.of(1, 2, 3), result);
    }

    /** Port of test_locks.py EventTests.test_wait_on_set: no suspension when set. */
    @Test
    void testEventWaitOnSet() {
        Event ev = new Event();
        ev.set();
        assertTrue(run(ev::wait_));
        assertTrue(ev.isSet());
    }

    /** Port of test_locks.py EventTests.test_clear. */
    @Test
    void testEventClear() {
        Event ev = new Event();
        assertFalse(ev.isSet());
        ev.set();
        assertTrue(ev.isSet());
        ev.clear();
        assertFalse(ev.isSet());
    }

    /** Port of test_locks.py EventTests.test_wait_cancel. */
    @Test
    void testEventWaitCancel() {
        Event ev = new Event();
        Task<Boolean> t = loop.createTask(ev::wait_);
        runOnce();
        t.cancel();
        runUntilDone(t);
        assertTrue(t.cancelled());
        assertEquals("<Event [unset]>", ev.toString(), "the cancelled waiter is gone");
    }

    /** Port of test_locks.py ConditionTests.test_wait: notify wakes one waiter, which re-acquires the lock. */
    @Test
    void testConditionWait() {
        Condition cond = new Condition();
        List<Integer> result = new ArrayList<>();
        run(() -> {
            List<Task<Object>> tasks = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int n = i;
                tasks.add(Asyncio.createTask(() -> {
                    try (var held = cond.hold()) {
                        cond.wait_();
                        assertTrue(cond.locked());
                        result.add(n);
                    }
                    return null;
                }));
            }
            Asyncio.sleep(0);
            try (var held = cond.hold()) {
                cond.notify_(1);
            }
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            assertEquals(List.of(1), result);
            try (var held = cond.hold()) {
                cond.notifyAll_();
            }
            await(Asyncio.gather(tasks.toArray()));
            return null;
        });
        assertEquals(List.of(1, 2, 3), result);
    }

    /** Port of test_locks.py ConditionTests.test_wait_for. */
    @Test
    void testConditionWaitFor() {
        Condition cond = new Condition();
        boolean[] presult = {false};
        List<String> result = new ArrayList<>();
        run(() -> {
            Task<Object> t = Asyncio.createTask(() -> {
                try (var held = cond.hold()) {
                    cond.waitFor(() -> presult[0]);
                    result.add("woken");
                }
                return null;
            });
            Asyncio.sleep(0);
            try (var held = cond.hold()) {
                cond.notify_();
            }
            Asyncio.sleep(0);
            assertEquals(List.of(), result, "predicate still false");
            presult[0] = true;
            try (var held = cond.hold()) {
                cond.notify_();
            }
            await(t);
            return null;
        });
        assertEquals(List.of("woken"), result);
    }

    /** Port of test_locks.py ConditionTests.test_wait_cancel: the lock is held again after cancellation. */
    @Test
    void testConditionWaitCancel() {
        Condition cond = new Condition();
        boolean[] lockedAfterCancel = {false};
        Task<Object> t = loop.createTask(() -> {
            cond.acquire();
            try {
                cond.wait_();
            } catch (CancelledError e) {
                lockedAfterCancel[0] = cond.locked();
                cond.release();
                throw e;
            }
            return null;
        });
        runOnce();
        t.cancel();
        runUntilDone(t);
        assertTrue(t.cancelled());
        assertTrue(lockedAfterCancel[0]);
    }

    /** Port of test_locks.py ConditionTests.test_wait_unacquired and test_notify_unacquired. */
    @Test
    void testConditionUnacquired() {
        Condition cond = new Condition();
        Task<Boolean> t = loop.createTask(cond::wait_);
        runUntilDone(t);
        assertEquals("cannot wait on un-acquired lock", t.exception().getMessage());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cond.notify_(1));
        assertEquals("cannot notify on un-acquired lock", e.getMessage());
    }

    /** Port of test_locks.py ConditionTests.test_explicit_lock. */
    @Test
    void testExplicitLock() {
        Lock lock = new Lock();
        Condition cond = new Condition(lock);
        run(() -> {
            cond.acquire();
            assertTrue(lock.locked());
            cond.release();
            assertFalse(lock.locked());
            return null;
        });
    }

    /** Port of test_locks.py ConditionTests.test_cancelled_wakeup: a cancelled notified waiter passes it on. */
    @Test
    void testCancelledWakeup() {
        Condition cond = new Condition();
        List<String> woken = new ArrayList<>();
        run(() -> {
            Task<Object> a = Asyncio.createTask(() -> {
                try (var held = cond.hold()) {
                    cond.wait_();
                    woken.add("a");
                }
                return null;
            });
            Task<Object> b = Asyncio.createTask(() -> {
                try (var held = cond.hold()) {
                    cond.wait_();
                    woken.add("b");
                }
                return null;
            });
            Asyncio.sleep(0);
            try (var held = cond.hold()) {
                cond.notify_(1); // wakes a
                a.cancel(); // a is cancelled before it runs: the notification goes to b
            }
            await(Asyncio.gatherReturnExceptions(a, b));
            return null;
        });
        assertEquals(List.of("b"), woken);
    }
}
