/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static io.jasyncio.Asyncio.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.TimerHandle;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.tests.LoopTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_tasks.py BaseTaskTests on cancellation: where CancelledError lands, and who wins. */
class TaskCancelTest extends LoopTestBase {

    private Task<Object> sleeper(double delay) {
        return loop.createTask(() -> {
            Asyncio.sleep(delay);
            return null;
        });
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel: cancelled from a callback while it sleeps. */
    @Test
    void testCancelFromCallback() {
        Task<Integer> t = loop.createTask(() -> {
            Asyncio.sleep(10.0);
            return 12;
        });
        loop.callSoon(() -> t.cancel());
        runUntilDone(t);
        assertThrows(CancelledError.class, t::result);
        assertTrue(t.done());
        assertTrue(t.cancelled());
        assertFalse(t.cancel(), "a done task cannot be cancelled");
        assertEquals(0.0, loop.time(), 0.001, "the sleep never ran its course");
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_yield: cancelled between two bare yields. */
    @Test
    void testCancelYield() {
        Task<Integer> t = loop.createTask(() -> {
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            return 12;
        });
        runOnce();
        assertTrue(t.cancel());
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(t));
        assertTrue(t.done());
        assertTrue(t.cancelled());
        assertFalse(t.cancel());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_task_catching: caught at fut2, the task returns 42. */
    @Test
    void testCancelTaskCatchingWaiters() {
        Future<Object> fut1 = loop.createFuture();
        Future<Object> fut2 = loop.createFuture();
        Task<Integer> t = loop.createTask(() -> {
            await(fut1);
            try {
                await(fut2);
            } catch (CancelledError e) {
                return 42;
            }
            return 0;
        });
        runOnce();
        assertSame(fut1, t.getFutWaiter());
        fut1.setResult(null);
        runOnce();
        runOnce();
        assertSame(fut2, t.getFutWaiter());
        t.cancel();
        assertTrue(fut2.cancelled());
        assertEquals(42, loop.runUntilComplete(t));
        assertFalse(t.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_task_ignoring: the task goes on to fut3 and its result. */
    @Test
    void testCancelTaskIgnoring() {
        Future<Object> fut1 = loop.createFuture();
        Future<Object> fut2 = loop.createFuture();
        Future<Integer> fut3 = loop.createFuture();
        Task<Integer> t = loop.createTask(() -> {
            await(fut1);
            try {
                await(fut2);
            } catch (CancelledError ignored) {
                // Ignored on purpose.
            }
            return await(fut3);
        });
        runOnce();
        assertSame(fut1, t.getFutWaiter());
        fut1.setResult(null);
        runOnce();
        runOnce();
        assertSame(fut2, t.getFutWaiter());
        t.cancel();
        assertTrue(fut2.cancelled());
        runOnce();
        runOnce();
        assertSame(fut3, t.getFutWaiter());
        fut3.setResult(42);
        assertEquals(42, loop.runUntilComplete(t));
        assertFalse(fut3.cancelled());
        assertFalse(t.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_current_task: the next await is cancelled at once. */
    @Test
    void testCancelCurrentTask() {
        Task<?>[] self = new Task<?>[1];
        boolean[] sawCancelling = {false};
        Task<Integer> t = loop.createTask(() -> {
            self[0].cancel();
            sawCancelling[0] = self[0].cancelling() == 1;
            Asyncio.sleep(100);
            return 12;
        });
        self[0] = t;
        assertFalse(t.cancelled());
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(t));
        assertTrue(sawCancelling[0]);
        assertTrue(t.done());
        assertTrue(t.cancelled());
        assertFalse(t.cancel());
        assertEquals(0.0, loop.time(), 0.001, "the sleep was cancelled at once");
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_at_end: a body that cancels itself and returns is cancelled. */
    @Test
    void testCancelAtEnd() {
        Task<?>[] self = new Task<?>[1];
        Task<Integer> t = loop.createTask(() -> {
            self[0].cancel();
            return 12;
        });
        self[0] = t;
        assertFalse(t.cancelled());
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(t));
        assertTrue(t.done());
        assertTrue(t.cancelled());
        assertFalse(t.cancel());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_awaited_task (bpo-34872): the next awaited task is cancelled. */
    @Test
    void testCancelAwaitedTask() {
        Future<Object> fut = loop.createFuture();
        Task<?>[] nested = new Task<?>[1];
        Task<?>[] self = new Task<?>[1];
        Task<Object> task = loop.createTask(() -> {
            nested[0] = Asyncio.createTask(() -> await(fut));
            Asyncio.sleep(0);
            self[0].cancel();
            return await(nested[0]);
        });
        self[0] = task;
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
        assertTrue(task.cancelled());
        assertTrue(nested[0].cancelled());
        assertTrue(fut.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_task_cancel_sleeping_task: cancelled by a timer at 0.1 s. */
    @Test
    void testTaskCancelSleepingTask() {
        String result = run(() -> {
            Task<Object> sleeper = sleeper(5000);
            loop.callLater(0.1, () -> sleeper.cancel());
            try {
                await(sleeper);
            } catch (CancelledError e) {
                return "cancelled";
            }
            return "slept in";
        });
        assertEquals("cancelled", result);
        assertEquals(0.1, loop.time(), 0.001);
    }

    /** Port of test_tasks.py BaseTaskTests.test_task_cancel_waiter_future: cancel() cancels the future waited on. */
    @Test
    void testTaskCancelWaiterFuture() {
        Future<Object> fut = loop.createFuture();
        Task<Object> task = loop.createTask(() -> await(fut));
        runOnce();
        assertSame(fut, task.getFutWaiter());
        task.cancel();
        runOnce();
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(task));
        assertNull(task.getFutWaiter());
        assertTrue(fut.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_sleep_cancel: cancelling a sleep cancels its timer. */
    @Test
    void testSleepCancel() {
        Task<String> t = loop.createTask(() -> Asyncio.sleep(10.0, "yeah"));
        runOnce();
        BaseEventLoop base = (BaseEventLoop) loop;
        assertEquals(10_000_000_000L, base.nextTimerNanos() - ticker.nanoTime(), "the sleep's timer is armed");
        t.cancel();
        runOnce();
        assertEquals(Long.MAX_VALUE, base.nextTimerNanos(), "the sleep's timer was cancelled");
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(t));
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_with_message_then_future_result. */
    @Test
    void testCancelWithMessageThenFutureResult() {
        Task<Object> task = loop.createTask(() -> {
            Task<Object> inner = sleeper(10);
            Asyncio.sleep(0);
            inner.cancel("my message");
            Asyncio.wait(List.of(inner), null, ReturnWhen.ALL_COMPLETED);
            return inner.result();
        });
        runUntilDone(task);
        CancelledError e = assertThrows(CancelledError.class, task::result);
        assertEquals("my message", e.getMessage());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_with_message_then_future_exception. */
    @Test
    void testCancelWithMessageThenFutureException() {
        Task<Object> task = loop.createTask(() -> {
            Task<Object> inner = sleeper(10);
            Asyncio.sleep(0);
            inner.cancel("my message");
            Asyncio.wait(List.of(inner), null, ReturnWhen.ALL_COMPLETED);
            return inner.exception();
        });
        runUntilDone(task);
        CancelledError e = assertThrows(CancelledError.class, task::result);
        assertEquals("my message", e.getMessage());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_with_message_before_starting_task. */
    @Test
    void testCancelWithMessageBeforeStartingTask() {
        boolean[] ran = {false};
        Task<Object> task = loop.createTask(() -> {
            Task<Object> inner = loop.createTask(() -> {
                ran[0] = true;
                return null;
            });
            inner.cancel("my message");
            Asyncio.wait(List.of(inner), null, ReturnWhen.ALL_COMPLETED);
            return inner.exception();
        });
        runUntilDone(task);
        CancelledError e = assertThrows(CancelledError.class, task::result);
        assertEquals("my message", e.getMessage());
        assertFalse(ran[0], "a task cancelled before its first step never runs its body");
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancellation_exception_context: the cause is the CancelledError. */
    @Test
    void testCancellationExceptionContext() {
        Future<Object> fut = loop.createFuture();
        Task<Object> task = loop.createTask(() -> {
            Task<Object> inner = loop.createTask(() -> {
                fut.setResult(null);
                Asyncio.sleep(10);
                return null;
            });
            await(fut);
            loop.callSoon(() -> inner.cancel("msg"));
            try {
                return await(inner);
            } catch (CancelledError ex) {
                throw new IllegalArgumentException("cancelled", ex);
            }
        });
        runUntilDone(task);
        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, task.exception());
        assertEquals("cancelled", e.getMessage());
        CancelledError cause = assertInstanceOf(CancelledError.class, e.getCause());
        assertEquals("msg", cause.getMessage());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_gather_1: gather refuses cancellation once its child is done. */
    @Test
    void testCancelGather1() {
        Future<Integer> fut = loop.createFuture();
        Future<List<Object>> gatherFuture = loop.runUntilComplete(loop.createTask(() -> {
            Task<Integer> child = Asyncio.createTask(() -> await(fut));
            return Asyncio.gather(child);
        }));
        boolean[] cancelResult = {true};
        fut.addDoneCallback(f -> cancelResult[0] = gatherFuture.cancel());
        fut.setResult(42);
        assertEquals(List.of(42), loop.runUntilComplete(gatherFuture));
        assertFalse(cancelResult[0], "python issue #26923: gather drops cancellation");
        assertFalse(gatherFuture.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_gather_2: the message reaches the gather caller. */
    @Test
    void testCancelGather2() {
        Task<Object> main = loop.createTask(() -> {
            Task<Object> qwe = Asyncio.createTask(() -> {
                double time = 0;
                while (true) {
                    time += 0.05;
                    Asyncio.await(Asyncio.gatherReturnExceptions((io.jasyncio.Coroutine<Object>) () -> {
                        Asyncio.sleep(0.05);
                        return null;
                    }));
                    if (time > 1) {
                        return null;
                    }
                }
            });
            Asyncio.sleep(0.2);
            qwe.cancel("my message");
            return await(qwe);
        });
        runUntilDone(main);
        CancelledError e = assertThrows(CancelledError.class, main::result);
        assertEquals("my message", e.getMessage());
        assertTrue(loop.time() < 0.3, "cancelled at 0.2 s, not after the loop: " + loop.time());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancelling: cancelling() counts, and shows in the repr. */
    @Test
    void testCancelling() {
        Task<Object> t = sleeper(10);
        assertEquals(0, t.cancelling());
        assertFalse(t.toString().contains(" cancelling "), t.toString());
        assertTrue(t.cancel());
        assertEquals(1, t.cancelling());
        assertTrue(t.toString().startsWith("<Task cancelling "), t.toString());
        assertTrue(t.cancel(), "a second request is counted too");
        assertEquals(2, t.cancelling());
        runUntilDone(t);
        assertTrue(t.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_uncancel_resets_must_cancel: uncancel before the step undoes it. */
    @Test
    void testUncancelResetsMustCancel() {
        Future<Object> fut = loop.createFuture();
        Task<Integer> task = loop.createTask(() -> {
            await(fut);
            return 42;
        });
        runOnce();
        fut.setResult(null);
        task.cancel();
        assertEquals(1, task.cancelling());
        assertEquals(0, task.uncancel());
        assertEquals(0, task.cancelling());
        assertEquals(42, loop.runUntilComplete(task));
        assertFalse(task.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_uncancel_structured_blocks: a timeout built from cancel and uncancel. */
    @Test
    void testUncancelStructuredBlocks() {
        Task<boolean[]> t1 = loop.createTask(() -> makeRequestWithTimeout(10.0, 0.1));
        runUntilDone(t1);
        boolean[] r1 = t1.result();
        assertTrue(r1[0], "timed out");
        assertFalse(r1[1], "the structured block was cancelled");
        assertTrue(r1[2], "the outer code ran after the uncancel");
        assertEquals(0, t1.cancelling());

        Task<boolean[]> t2 = loop.createTask(() -> makeRequestWithTimeout(0, 10.0));
        runUntilDone(t2);
        boolean[] r2 = t2.result();
        assertFalse(r2[0]);
        assertTrue(r2[1]);
        assertTrue(r2[2]);
        assertEquals(0, t2.cancelling());
    }

    private boolean[] makeRequestWithTimeout(double sleep, double timeout) {
        Task<?> task = Asyncio.currentTask();
        boolean[] timedOut = {false};
        boolean structuredBlockFinished = false;
        TimerHandle timeoutHandle = loop.callLater(timeout, () -> {
            timedOut[0] = true;
            task.cancel();
        });
        try {
            try {
                Asyncio.sleep(sleep);
                structuredBlockFinished = true;
            } catch (CancelledError e) {
                if (timedOut[0] && task.uncancel() == 0) {
                    throw new io.jasyncio.TimeoutError();
                }
                throw e;
            } finally {
                timeoutHandle.cancel();
            }
        } catch (io.jasyncio.TimeoutError e) {
            assertTrue(timedOut[0]);
        }
        boolean outerCodeReached = true;
        Asyncio.sleep(0);
        return new boolean[] {timedOut[0], structuredBlockFinished, outerCodeReached};
    }

    /** A task cancelled twice and uncancelled once is still cancelled at its next await. */
    @Test
    void testUncancelOnceOfTwo() {
        Future<Object> gate = loop.createFuture();
        Task<String> t = loop.createTask(() -> {
            try {
                await(gate);
            } catch (CancelledError first) {
                Asyncio.currentTask().uncancel();
            }
            try {
                Asyncio.sleep(0);
            } catch (CancelledError second) {
                return "still cancelling: " + Asyncio.currentTask().cancelling();
            }
            return "not cancelled";
        });
        runOnce();
        t.cancel();
        t.cancel();
        assertEquals("not cancelled", loop.runUntilComplete(t),
                "the second request hit the same (already cancelled) waiter; nothing is left to deliver");
        assertEquals(1, t.cancelling());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_inner_future with a message: the message reaches the body. */
    @Test
    void testCancelMessageReachesTheBody() {
        Future<Object> fut = loop.createFuture();
        Task<String> t = loop.createTask(() -> {
            try {
                await(fut);
            } catch (CancelledError e) {
                return "caught " + e.getMessage();
            }
            return "not cancelled";
        });
        runOnce();
        t.cancel("stop now");
        assertEquals("stop now", assertThrows(CancelledError.class, fut::result).getMessage());
        assertEquals("caught stop now", loop.runUntilComplete(t));
    }

    /** A task cancelled while another task awaits it: the awaiting task gets the CancelledError, with the message. */
    @Test
    void testAwaiterOfCancelledTaskSeesCancelledError() {
        Task<Object> inner = sleeper(10);
        Task<String> outer = loop.createTask(() -> {
            try {
                await(inner);
            } catch (CancelledError e) {
                return "inner cancelled: " + e.getMessage() + ", outer cancelling=" + Asyncio.currentTask().cancelling();
            }
            return "no";
        });
        runOnce();
        inner.cancel("bye");
        assertEquals("inner cancelled: bye, outer cancelling=0", loop.runUntilComplete(outer));
        assertFalse(outer.cancelled());
    }

    /** A body that throws CancelledError itself is cancelled, with its message (checked against CPython 3.12). */
    @Test
    void testBodyRaisingCancelledErrorIsCancelled() {
        Task<Object> t = loop.createTask(() -> {
            Asyncio.sleep(0);
            throw new CancelledError("x");
        });
        Task<String> awaiter = loop.createTask(() -> {
            try {
                await(t);
            } catch (CancelledError e) {
                return "got " + e.getMessage();
            }
            return "no";
        });
        assertEquals("got x", loop.runUntilComplete(awaiter));
        assertTrue(t.cancelled());
        assertEquals(0, t.cancelling(), "nobody asked for it");
    }

    /**
     * Cancelling a task that awaits another task which absorbs the cancellation and returns: the outer task gets the
     * value and is not cancelled, with one request still counted (checked against CPython 3.12).
     */
    @Test
    void testCancelAbsorbedByAwaitedTask() {
        Task<Integer> inner = loop.createTask(() -> {
            try {
                Asyncio.sleep(10);
            } catch (CancelledError e) {
                return 5;
            }
            return 0;
        });
        Task<Integer> outer = loop.createTask(() -> await(inner));
        runOnce();
        outer.cancel("m");
        runUntilDone(outer);
        assertEquals(5, outer.result());
        assertFalse(outer.cancelled());
        assertEquals(1, outer.cancelling());
    }

    /** Cancelling a task that awaits gather cancels every child, with the message (checked against CPython 3.12). */
    @Test
    void testCancelTaskAwaitingGather() {
        List<Task<Object>> kids = new java.util.ArrayList<>();
        Task<Object> t = loop.createTask(() -> {
            kids.add(sleeper(10));
            kids.add(sleeper(10));
            return await(Asyncio.gather(kids.get(0), kids.get(1)));
        });
        Task<String> main = loop.createTask(() -> {
            Asyncio.sleep(0.01);
            t.cancel("stop");
            try {
                await(t);
            } catch (CancelledError e) {
                return e.getMessage();
            }
            return "no";
        });
        runUntilDone(main);
        assertEquals("stop", main.result());
        assertTrue(kids.get(0).cancelled());
        assertTrue(kids.get(1).cancelled());
        assertTrue(t.cancelled());
    }
}
