/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static io.jasyncio.Asyncio.await;
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

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_cancellation_race_condition: a caught cancel wins. */
    @Test
    void testWaitForCancellationRaceCondition() {
        Object result = run(() -> Asyncio.waitFor((io.jasyncio.Coroutine<Integer>) () -> {
            assertThrows(CancelledError.class, () -> Asyncio.sleep(1));
            return 1;
        }, 0.01));
        assertEquals(1, result);
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_waits_for_task_cancellation. */
    @Test
    void testWaitForWaitsForTaskCancellation() {
        boolean[] taskDone = {false};
        Task<Object> foo = loop.createTask(() -> {
            Task<Object> inner = Asyncio.createTask(() -> cancelSlowly(taskDone));
            return Asyncio.waitFor(inner, 0.001);
        });
        runUntilDone(foo);
        TimeoutError e = assertInstanceOf(TimeoutError.class, foo.exception());
        assertTrue(taskDone[0], "wait_for waited for the inner task to end");
        assertInstanceOf(CancelledError.class, e.getCause());
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_waits_for_task_cancellation_w_timeout_0. */
    @Test
    void testWaitForWaitsForTaskCancellationWTimeout0() {
        boolean[] taskDone = {false};
        Task<Object> foo = loop.createTask(() -> {
            Task<Object> inner = Asyncio.createTask(() -> cancelSlowly(taskDone));
            Asyncio.sleep(0.001);
            return Asyncio.waitFor(inner, 0.0);
        });
        runUntilDone(foo);
        TimeoutError e = assertInstanceOf(TimeoutError.class, foo.exception());
        assertTrue(taskDone[0]);
        assertInstanceOf(CancelledError.class, e.getCause());
    }

    private static Object cancelSlowly(boolean[] taskDone) {
        try {
            Asyncio.sleep(10);
        } catch (CancelledError e) {
            Asyncio.sleep(0.001);
            throw e;
        } finally {
            taskDone[0] = true;
        }
        return null;
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_reraises_exception_during_cancellation. */
    @Test
    void testWaitForReraisesExceptionDuringCancellation() {
        class FooException extends RuntimeException {
        }
        Task<Object> foo = loop.createTask(() -> {
            Task<Object> inner = Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(0.2);
                } finally {
                    throw new FooException();
                }
            });
            return Asyncio.waitFor(inner, 0.001);
        });
        runUntilDone(foo);
        assertInstanceOf(FooException.class, foo.exception());
    }

    /**
     * Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_self_cancellation, as CPython 3.12 and 3.13 behave
     * (checked: the task returns 42): the timeout's cancel and the outer cancel both reach the inner task, which
     * absorbs them, so the wait_for task returns the inner result. (3.11's wait_for raised CancelledError.)
     */
    @Test
    void testWaitForSelfCancellation() {
        List<String> events = new ArrayList<>();
        Task<Integer> innerTask = loop.createTask(() -> {
            try {
                Asyncio.sleep(0.3);
            } catch (CancelledError e) {
                events.add("inner c1");
                try {
                    Asyncio.sleep(0.3);
                } catch (CancelledError again) {
                    events.add("inner c2");
                    Asyncio.sleep(0.3);
                }
            }
            return 42;
        });
        Task<Object> main = loop.createTask(() -> {
            Task<Object> wait = Asyncio.createTask(() -> Asyncio.waitFor(innerTask, 0.1));
            Asyncio.sleep(0.2);
            wait.cancel();
            events.add("task result " + await(wait));
            return await(innerTask);
        });
        runUntilDone(main);
        assertEquals(42, main.result());
        assertEquals(List.of("inner c1", "inner c2", "task result 42"), events);
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_wait_for_issue86296: a cancel after the inner completed. */
    @Test
    void testWaitForIssue86296() {
        Task<String> innerTask = loop.createTask(() -> "done");
        boolean[] reachedEnd = {false};
        Task<Object> main = loop.createTask(() -> {
            Task<Object> task = Asyncio.createTask(() -> {
                Asyncio.waitFor(innerTask, 100.0);
                Asyncio.sleep(1);
                reachedEnd[0] = true;
                return null;
            });
            assertTrue(!task.done());
            Asyncio.sleep(0);
            task.cancel();
            assertThrows(CancelledError.class, () -> await(task));
            assertTrue(innerTask.done());
            assertEquals("done", await(innerTask));
            return null;
        });
        runUntilDone(main);
        main.result();
        assertTrue(!reachedEnd[0], "the task was cancelled, it did not run to completion");
    }

    /** Port of test_waitfor.py AsyncioWaitForTest.test_cancel_blocking_wait_for: no timeout, still cancels inner. */
    @Test
    void testCancelBlockingWaitFor() {
        Task<Object> main = loop.createTask(() -> {
            Task<Object> task = Asyncio.createTask(() -> await(loop.createFuture()));
            Task<Object> wait = Asyncio.createTask(() -> Asyncio.waitFor(task, null));
            loop.callSoon(() -> wait.cancel());
            assertThrows(CancelledError.class, () -> await(wait));
            Asyncio.sleep(0);
            return task.cancelled();
        });
        runUntilDone(main);
        assertEquals(true, main.result(), "python issue #23219: cancelling the wait cancels the task");
    }
}
