/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Task;
import io.jasyncio.Timeout;
import io.jasyncio.TimeoutError;
import io.jasyncio.tests.LoopTestBase;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_timeouts.py TimeoutTests. */
class TimeoutTest extends LoopTestBase {

    /** Port of test_timeouts.py TimeoutTests.test_timeout_basic. */
    @Test
    void testTimeoutBasic() {
        Task<Object> t = loop.createTask(() -> Asyncio.timeout(0.01, () -> Asyncio.sleep(10, "never")));
        runUntilDone(t);
        assertInstanceOf(TimeoutError.class, t.exception());
        assertEquals(0.01, loop.time(), 1e-6);
    }

    /** Port of test_timeouts.py TimeoutTests.test_timeout_at_basic. */
    @Test
    void testTimeoutAtBasic() {
        Task<Object> t = loop.createTask(() -> Asyncio.timeoutAt(loop.time() + 0.01, () -> Asyncio.sleep(10, null)));
        runUntilDone(t);
        assertInstanceOf(TimeoutError.class, t.exception());
    }

    /** Port of test_timeouts.py TimeoutTests.test_nested_timeouts. */
    @Test
    void testNestedTimeouts() {
        Timeout[] cms = new Timeout[2];
        Task<Object> t = loop.createTask(() -> {
            cms[0] = Timeout.after(0.01);
            return cms[0].run(() -> {
                cms[1] = Timeout.after(0.01);
                return cms[1].run(() -> Asyncio.sleep(10, null));
            });
        });
        runUntilDone(t);
        assertInstanceOf(TimeoutError.class, t.exception());
        assertTrue(cms[0].expired());
        assertTrue(cms[1].expired());
    }

    /** Port of test_timeouts.py TimeoutTests.test_waiter_cancelled: the body sees CancelledError. */
    @Test
    void testWaiterCancelled() {
        boolean[] cancelledInside = {false};
        Task<Object> t = loop.createTask(() -> Asyncio.timeout(0.01, () -> {
            try {
                Asyncio.sleep(10);
            } catch (CancelledError e) {
                cancelledInside[0] = true;
                throw e;
            }
            return null;
        }));
        runUntilDone(t);
        assertTrue(cancelledInside[0]);
        assertInstanceOf(TimeoutError.class, t.exception());
    }

    /** Port of test_timeouts.py TimeoutTests.test_timeout_not_called. */
    @Test
    void testTimeoutNotCalled() {
        Timeout cm = Timeout.after(10.0);
        assertEquals("ok", run(() -> cm.run(() -> Asyncio.sleep(0.01, "ok"))));
        assertFalse(cm.expired());
    }

    /** Port of test_timeouts.py TimeoutTests.test_timeout_disabled. */
    @Test
    void testTimeoutDisabled() {
        Timeout cm = Timeout.after(null);
        assertEquals("ok", run(() -> cm.run(() -> Asyncio.sleep(100, "ok"))));
        assertFalse(cm.expired());
        assertNull(cm.when());
    }

    /** Port of test_timeouts.py TimeoutTests.test_timeout_zero. */
    @Test
    void testTimeoutZero() {
        Task<Object> t = loop.createTask(() -> Asyncio.timeout(0.0, () -> Asyncio.sleep(10, null)));
        runUntilDone(t);
        assertInstanceOf(TimeoutError.class, t.exception());
    }

    /** Port of test_timeouts.py TimeoutTests.test_foreign_cancel_doesnt_timeout_if_not_expired. */
    @Test
    void testForeignCancelDoesntTimeoutIfNotExpired() {
        Task<Object> t = loop.createTask(() -> Asyncio.timeout(10.0, () -> Asyncio.sleep(10, null)));
        runOnce();
        t.cancel();
        runUntilDone(t);
        assertTrue(t.cancelled());
    }

    /** Port of test_timeouts.py TimeoutTests.test_reschedule. */
    @Test
    void testReschedule() {
        Timeout cm = Timeout.after(10.0);
        Task<Object> t = loop.createTask(() -> cm.run(() -> {
            cm.reschedule(loop.time() + 0.05);
            return Asyncio.sleep(1, "late");
        }));
        runUntilDone(t);
        assertInstanceOf(TimeoutError.class, t.exception());
        assertEquals(0.05, loop.time(), 1e-6);
    }

    /** Port of test_timeouts.py TimeoutTests.test_repr_... / reschedule outside: state errors. */
    @Test
    void testRescheduleNotEntered() {
        Timeout cm = Timeout.after(1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cm.reschedule(1.0));
        assertEquals("Timeout has not been entered", e.getMessage());
    }

    /** Port of test_timeouts.py TimeoutTests.test_timeout_in_thread... : outside a task. */
    @Test
    void testTimeoutOutsideTask() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Asyncio.timeout(1.0, () -> null));
        assertEquals("Timeout should be used inside a task", e.getMessage());
    }

    /** Port of test_timeouts.py TimeoutTests.test_timeout_finished: a finished timeout refuses reschedule. */
    @Test
    void testTimeoutFinished() {
        Timeout cm = Timeout.after(0.01);
        run(() -> cm.run(() -> null));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cm.reschedule(0.02));
        assertEquals("Cannot change state of finished Timeout", e.getMessage());
    }

    /** Port of test_timeouts.py TimeoutTests.test_repr_active: asyncio's state names in the repr. */
    @Test
    void testReprActive() {
        Timeout cm = Timeout.after(10.0);
        String repr = run(() -> cm.run(() -> cm.toString()));
        assertEquals("<Timeout [active] when=10.0>", repr);
    }

    /** Port of test_timeouts.py TimeoutTests.test_repr_expired; an expired timeout refuses reschedule too. */
    @Test
    void testReprExpired() {
        Timeout cm = Timeout.after(0.01);
        Task<Object> t = loop.createTask(() -> cm.run(() -> Asyncio.sleep(10, null)));
        runUntilDone(t);
        assertInstanceOf(TimeoutError.class, t.exception());
        assertEquals("<Timeout [expired]>", cm.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cm.reschedule(1.0));
        assertEquals("Cannot change state of expired Timeout", e.getMessage());
    }

    /** Port of test_timeouts.py TimeoutTests.test_repr_finished. */
    @Test
    void testReprFinished() {
        Timeout cm = Timeout.after(10.0);
        run(() -> cm.run(() -> Asyncio.sleep(0, null)));
        assertEquals("<Timeout [finished]>", cm.toString());
    }
}
