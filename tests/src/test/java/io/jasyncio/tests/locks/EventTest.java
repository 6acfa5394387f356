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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.Event;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's {@code Lib/test/test_asyncio/test_locks.py} EventTests (3.12+). {@code Event.wait()} is
 * {@code wait_()}; {@code len(ev._waiters)} is read from the repr's {@code waiters:N}.
 */
class EventTest extends LoopTestBase {

    /** Port of test_locks.py EventTests.test_repr (a waiting task stands for the mock waiter). */
    @Test
    void testRepr() {
        Event ev = new Event();
        assertTrue(ev.toString().endsWith("[unset]>"), ev.toString());
        Matcher match = ReprPattern.match(ev);
        assertNotNull(match);
        assertEquals("unset", match.group("extras"));

        ev.set();
        assertTrue(ev.toString().endsWith("[set]>"), ev.toString());
        assertNotNull(ReprPattern.match(ev));

        ev.clear();
        run(() -> {
            Task<Boolean> waiter = Asyncio.createTask(ev::wait_);
            Asyncio.sleep(0);
            assertTrue(ev.toString().contains("waiters:1"), ev.toString());
            assertNotNull(ReprPattern.match(ev));
            ev.set();
            return await(waiter);
        });
    }

    /**
     * Port of test_locks.py EventTests.test_wait: set() wakes every waiter; a task that starts after set() passes
     * without waiting, so it finishes first.
     */
    @Test
    void testWait() {
        Event ev = new Event();
        assertFalse(ev.isSet());
        List<Integer> result = new ArrayList<>();
        run(() -> {
            Task<Object> t1 = Asyncio.createTask(waitAndAppend(ev, result, 1));
            Task<Object> t2 = Asyncio.createTask(waitAndAppend(ev, result, 2));

            Asyncio.sleep(0);
            assertEquals(List.of(), result);

            Task<Object> t3 = Asyncio.createTask(waitAndAppend(ev, result, 3));

            ev.set();
            Asyncio.sleep(0);
            assertEquals(List.of(3, 1, 2), result);

            assertTrue(t1.done());
            assertNull(t1.result());
            assertTrue(t2.done());
            assertNull(t2.result());
            assertTrue(t3.done());
            assertNull(t3.result());
            return null;
        });
    }

    private static Coroutine<Object> waitAndAppend(Event ev, List<Integer> result, int n) {
        return () -> {
            if (ev.wait_()) {
                result.add(n);
            }
            return null;
        };
    }

    /** Port of test_locks.py EventTests.test_wait_on_set. */
    @Test
    void testWaitOnSet() {
        Event ev = new Event();
        ev.set();
        assertTrue(run(ev::wait_));
    }

    /** Port of test_locks.py EventTests.test_wait_cancel. */
    @Test
    void testWaitCancel() {
        Event ev = new Event();
        run(() -> {
            Task<Boolean> wait = Asyncio.createTask(ev::wait_);
            Asyncio.getRunningLoop().callSoon(wait::cancel);
            assertThrows(CancelledError.class, () -> await(wait));
            assertFalse(ev.toString().contains("waiters"), ev.toString());
            return null;
        });
    }

    /** Port of test_locks.py EventTests.test_clear. */
    @Test
    void testClear() {
        Event ev = new Event();
        assertFalse(ev.isSet());

        ev.set();
        assertTrue(ev.isSet());

        ev.clear();
        assertFalse(ev.isSet());
    }

    /**
     * Port of test_locks.py EventTests.test_clear_with_waiters: a waiter woken by set() returns true even if the event
     * is cleared before it runs.
     */
    @Test
    void testClearWithWaiters() {
        Event ev = new Event();
        List<Integer> result = new ArrayList<>();
        run(() -> {
            Task<Boolean> t = Asyncio.createTask(() -> {
                if (ev.wait_()) {
                    result.add(1);
                }
                return true;
            });
            Asyncio.sleep(0);
            assertEquals(List.of(), result);

            ev.set();
            ev.clear();
            assertFalse(ev.isSet());

            ev.set();
            ev.set();
            assertTrue(ev.toString().contains("waiters:1"), ev.toString());

            Asyncio.sleep(0);
            assertEquals(List.of(1), result);
            assertFalse(ev.toString().contains("waiters"), ev.toString());

            assertTrue(t.done());
            assertTrue(t.result());
            return null;
        });
    }
}
