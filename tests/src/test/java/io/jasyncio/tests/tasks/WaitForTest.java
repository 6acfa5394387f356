/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_waitfor.py AsyncioWaitForTest. */
class WaitForTest extends LoopTestBase {

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for. */
    @Test
    void testWaitFor() {
        List<String> events = new ArrayList<>();
        Task<Object> inner = loop.createTask(() -> {
            try {
                Asyncio.sleep(10);
            } catch (CancelledError e) {
                events.add("inner cancelled");
                throw e;
            }
            return "never";
        });
        Task<Object> outer = loop.createTask(() -> Asyncio.waitFor(inner, 0.1));
        runUntilDone(outer);
        assertInstanceOf(TimeoutError.class, outer.exception());
        assertInstanceOf(CancelledError.class, outer.exception().getCause());
        assertTrue(inner.cancelled(), "the inner task is cancelled and waited for");
        assertEquals(List.of("inner cancelled"), events);
        assertEquals(0.1, loop.time(), 1e-6);
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_with_global_loop / result in time. */
    @Test
    void testWaitForResultInTime() {
        Object r = run(() -> Asyncio.waitFor((io.jasyncio.Coroutine<Object>) () -> Asyncio.sleep(0.1, "ok"), 1.0));
        assertEquals("ok", r);
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0_future_done. */
    @Test
    void testWaitForTimeoutZeroFutureDone() {
        Future<Object> f = loop.createFuture();
        f.setResult("done");
        assertEquals("done", run(() -> Asyncio.waitFor(f, 0.0)));
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started. */
    @Test
    void testWaitForTimeoutZeroCoroutineNotStarted() {
        List<String> ran = new ArrayList<>();
        Task<Object> outer = loop.createTask(() -> Asyncio.waitFor((io.jasyncio.Coroutine<Object>) () -> {
            ran.add("started");
            return null;
        }, 0.0));
        runUntilDone(outer);
        assertInstanceOf(TimeoutError.class, outer.exception());
        assertTrue(ran.isEmpty());
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_timeout_less_then_0_or_0. */
    @Test
    void testWaitForNegativeTimeout() {
        Future<Object> f = loop.createFuture();
        Task<Object> outer = loop.createTask(() -> Asyncio.waitFor(f, -1.0));
        runUntilDone(outer);
        assertInstanceOf(TimeoutError.class, outer.exception());
        assertTrue(f.cancelled());
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_none_timeout: no timeout at all. */
    @Test
    void testWaitForNoneTimeout() {
        Object r = run(() -> Asyncio.waitFor((io.jasyncio.Coroutine<Object>) () -> Asyncio.sleep(100, "late"), null));
        assertEquals("late", r);
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_raises_exception... : the inner exception passes. */
    @Test
    void testWaitForRaisesException() {
        IllegalStateException boom = new IllegalStateException("inner");
        Task<Object> outer = loop.createTask(() -> Asyncio.waitFor((io.jasyncio.Coroutine<Object>) () -> {
            throw boom;
        }, 1.0));
        runUntilDone(outer);
        assertEquals(boom, outer.exception());
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_cancel_wait_for: cancelling the waiter cancels the inner. */
    @Test
    void testCancelWaitFor() {
        Task<Object> inner = loop.createTask(() -> Asyncio.sleep(10, "x"));
        Task<Object> outer = loop.createTask(() -> Asyncio.waitFor(inner, 5.0));
        runOnce();
        runOnce();
        outer.cancel();
        runUntilDone(outer);
        assertTrue(outer.cancelled(), "a cancellation from outside stays a cancellation");
        assertTrue(inner.cancelled());
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_race_condition: done before the deadline fires. */
    @Test
    void testWaitForRaceCondition() {
        Future<Object> f = loop.createFuture();
        loop.callLater(0.1, () -> f.setResult("just in time"));
        assertEquals("just in time", run(() -> Asyncio.waitFor(f, 0.1 + 1e-6)));
    }

    /** waitFor outside a task says so. */
    @Test
    void testWaitForOutsideTask() {
        assertThrows(IllegalStateException.class, () -> Asyncio.waitFor(loop.createFuture(), 1.0));
    }
}
