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
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.TaskFactory;
import io.jasyncio.tests.LoopTestBase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_tasks.py BaseTaskTests: task basics, cancellation, sleep, current and all tasks. */
class TaskTest extends LoopTestBase {

    /** Port of test_tasks.py BaseTaskTests.test_task_class / test_create_task. */
    @Test
    void testTaskClass() {
        Task<String> t = loop.createTask(() -> "ok");
        assertSame(loop, t.getLoop());
        assertEquals("ok", loop.runUntilComplete(t));
        assertTrue(t.done());
        assertFalse(t.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_task_basics. */
    @Test
    void testTaskBasics() {
        Coroutine<Integer> inner = () -> 1;
        Coroutine<Integer> outer = () -> {
            int a = await(loop.createTask(inner));
            int b = await(inner);
            return a + b + 1000;
        };
        assertEquals(1002, loop.runUntilComplete(outer));
    }

    /** Port of test_tasks.py BaseTaskTests.test_exception_chaining... : an exception comes out of await unchanged. */
    @Test
    void testAwaitRaisesTheSameException() {
        IOException io = new IOException("disk");
        Task<Object> failing = loop.createTask(() -> {
            throw io;
        });
        Task<Throwable> catcher = loop.createTask(() -> {
            try {
                await(failing);
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        assertSame(io, loop.runUntilComplete(catcher));
        assertSame(io, failing.exception());
    }

    /** Port of test_tasks.py BaseTaskTests.test_sleep. */
    @Test
    void testSleep() {
        List<String> order = new ArrayList<>();
        Task<String> t = loop.createTask(() -> {
            order.add("before");
            String r = Asyncio.sleep(0.5, "yeah");
            order.add("after at " + Math.round(loop.time() * 10) / 10.0);
            return r;
        });
        runOnce();
        assertEquals(List.of("before"), order);
        ticker.advance(0.5);
        runUntil(t::done, 10);
        assertEquals("yeah", t.result());
        assertEquals(List.of("before", "after at 0.5"), order);
    }

    /** Port of test_tasks.py BaseTaskTests.test_sleep_zero: sleep(0) yields for exactly one iteration. */
    @Test
    void testSleepZero() {
        List<String> order = new ArrayList<>();
        loop.createTask(() -> {
            order.add("a1");
            Asyncio.sleep(0);
            order.add("a2");
            return null;
        });
        loop.createTask(() -> {
            order.add("b1");
            Asyncio.sleep(0);
            order.add("b2");
            return null;
        });
        runOnce();
        assertEquals(List.of("a1", "b1"), order);
        runOnce();
        assertEquals(List.of("a1", "b1", "a2", "b2"), order);
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel. */
    @Test
    void testCancel() {
        Task<String> t = loop.createTask(() -> {
            Asyncio.sleep(10);
            return "never";
        });
        runOnce();
        assertTrue(t.cancel());
        assertEquals(1, t.cancelling());
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(t));
        assertTrue(t.cancelled());
        assertFalse(t.cancel(), "cancelling a done task returns false");
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_with_message_then_future_result. */
    @Test
    void testCancelWithMessage() {
        Task<String> t = loop.createTask(() -> {
            Asyncio.sleep(10);
            return "never";
        });
        runOnce();
        t.cancel("my message");
        CancelledError e = assertThrows(CancelledError.class, () -> loop.runUntilComplete(t));
        assertEquals("my message", e.getMessage());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_yield / test_cancel_task_catching: caught, the task is not cancelled. */
    @Test
    void testCancelTaskCatching() {
        Task<String> t = loop.createTask(() -> {
            try {
                Asyncio.sleep(10);
            } catch (CancelledError e) {
                return "caught";
            }
            return "never";
        });
        runOnce();
        t.cancel();
        assertEquals("caught", loop.runUntilComplete(t));
        assertFalse(t.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_before_first_step (test_cancel at creation): the body never runs. */
    @Test
    void testCancelBeforeStart() {
        List<String> ran = new ArrayList<>();
        Task<String> t = loop.createTask(() -> {
            ran.add("body");
            return "x";
        });
        t.cancel();
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(t));
        assertTrue(ran.isEmpty());
        assertTrue(t.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_inner_future: cancelling a task cancels what it awaits. */
    @Test
    void testCancelInnerFuture() {
        Future<Object> f = loop.createFuture();
        Task<Object> t = loop.createTask(() -> await(f));
        runOnce();
        assertSame(f, t.getFutWaiter());
        t.cancel();
        assertTrue(f.cancelled());
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(t));
    }

    /** Port of test_tasks.py BaseTaskTests.test_cancel_both_task_and_inner_future. */
    @Test
    void testCancelBothTaskAndInnerFuture() {
        Future<Object> f = loop.createFuture();
        Task<Object> t = loop.createTask(() -> await(f));
        runOnce();
        f.cancel();
        t.cancel();
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(t));
        assertTrue(t.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_uncancel_basic. */
    @Test
    void testUncancelBasic() {
        List<Integer> seen = new ArrayList<>();
        Task<String> t = loop.createTask(() -> {
            try {
                Asyncio.sleep(10);
            } catch (CancelledError e) {
                Task<?> me = Asyncio.currentTask();
                seen.add(me.cancelling());
                seen.add(me.uncancel());
                return "uncancelled";
            }
            return "never";
        });
        runOnce();
        t.cancel();
        assertEquals("uncancelled", loop.runUntilComplete(t));
        assertEquals(List.of(1, 0), seen);
    }

    /** Port of test_tasks.py BaseTaskTests.test_get_coro. */
    @Test
    void testGetCoro() {
        Coroutine<Integer> coro = () -> 5;
        Task<Integer> t = loop.createTask(coro);
        assertSame(coro, t.getCoro());
        loop.runUntilComplete(t);
    }

    /** Port of test_tasks.py BaseTaskTests.test_task_set_name / default names. */
    @Test
    void testTaskNames() {
        Task<Integer> t1 = loop.createTask(() -> 1);
        assertTrue(t1.getName().startsWith("Task-"));
        Task<Integer> t2 = loop.createTask(() -> 2, "the-name");
        assertEquals("the-name", t2.getName());
        t2.setName("renamed");
        assertEquals("renamed", t2.getName());
        loop.runUntilComplete(t1);
        loop.runUntilComplete(t2);
    }

    /** Port of test_tasks.py BaseTaskTests.test_current_task. */
    @Test
    void testCurrentTask() {
        assertNull(Asyncio.currentTask());
        Task<?>[] seen = new Task<?>[1];
        Task<String> t = loop.createTask(() -> {
            seen[0] = Asyncio.currentTask();
            Asyncio.sleep(0);
            assertSame(seen[0], Asyncio.currentTask());
            return "x";
        });
        loop.runUntilComplete(t);
        assertSame(t, seen[0]);
        assertNull(Asyncio.currentTask());
    }

    /** Port of test_tasks.py BaseTaskTests.test_all_tasks. */
    @Test
    void testAllTasks() {
        Future<Object> gate = loop.createFuture();
        Task<Object> waiting = loop.createTask(() -> await(gate));
        Task<Object> checker = loop.createTask(() -> Asyncio.allTasks());
        @SuppressWarnings("unchecked")
        java.util.Set<Task<?>> all = (java.util.Set<Task<?>>) loop.runUntilComplete(checker);
        assertTrue(all.contains(waiting));
        assertTrue(all.contains(checker), "the running task is pending too");
        gate.setResult(null);
        loop.runUntilComplete(waiting);
        Task<Object> after = loop.createTask(() -> Asyncio.allTasks());
        @SuppressWarnings("unchecked")
        java.util.Set<Task<?>> later = (java.util.Set<Task<?>>) loop.runUntilComplete(after);
        assertFalse(later.contains(waiting));
    }

    /** Port of test_tasks.py BaseTaskTests.test_get_stack: a suspended task shows its frames. */
    @Test
    void testGetStack() {
        Future<Object> gate = loop.createFuture();
        Task<Object> t = loop.createTask(() -> awaitTheGate(gate));
        runOnce();
        StackTraceElement[] stack = t.getStack();
        assertTrue(java.util.Arrays.stream(stack).anyMatch(f -> f.getMethodName().equals("awaitTheGate")),
                java.util.Arrays.toString(stack));
        gate.setResult(1);
        loop.runUntilComplete(t);
        assertEquals(0, t.getStack().length);
    }

    private static Object awaitTheGate(Future<Object> gate) {
        return await(gate);
    }

    /** await outside a task says what to do. */
    @Test
    void testAwaitOutsideTask() {
        Future<Object> f = loop.createFuture();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> await(f));
        assertTrue(e.getMessage().startsWith("await outside a task"), e.getMessage());
        loop.callSoon(() -> {
            IllegalStateException inCallback = assertThrows(IllegalStateException.class, () -> await(f));
            assertTrue(inCallback.getMessage().contains("outside a task"));
            f.setResult(null);
        });
        runOnce();
        assertTrue(f.done());
    }

    /** Port of test_tasks.py BaseTaskTests.test_task_set_methods: a task's result cannot be set from outside. */
    @Test
    void testTaskSetMethods() {
        Task<Integer> t = loop.createTask(() -> 1);
        assertThrows(UnsupportedOperationException.class, () -> t.setResult(2));
        assertThrows(UnsupportedOperationException.class, () -> t.setException(new RuntimeException()));
        assertEquals(1, loop.runUntilComplete(t));
    }

    /** Port of test_tasks.py BaseTaskTests.test_task_await_self... : "Task cannot await on itself". */
    @Test
    void testAwaitItself() {
        Task<?>[] self = new Task<?>[1];
        Task<Object> t = loop.createTask(() -> await(self[0]));
        self[0] = t;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
        assertTrue(e.getMessage().startsWith("Task cannot await on itself"));
    }

    /** Port of test_tasks.py BaseTaskTests.test_eager_task_factory... : an eager task runs until its first suspension. */
    @Test
    void testEagerTaskFactory() {
        List<String> order = new ArrayList<>();
        loop.setTaskFactory(TaskFactory.EAGER);
        Task<Object> outer = loop.createTask(() -> {
            Task<String> quick = Asyncio.createTask(() -> {
                order.add("quick ran");
                return "done at once";
            });
            order.add("after createTask, quick done=" + quick.done());
            Task<String> slow = Asyncio.createTask(() -> {
                order.add("slow started");
                Asyncio.sleep(0);
                order.add("slow resumed");
                return "later";
            });
            order.add("slow done=" + slow.done());
            return await(slow);
        });
        assertEquals("later", loop.runUntilComplete(outer));
        assertEquals(List.of("quick ran", "after createTask, quick done=true", "slow started", "slow done=false",
                "slow resumed"), order);
        assertSame(TaskFactory.EAGER, loop.getTaskFactory());
    }

    /** A task's failure with nobody awaiting it does not stop the loop or other tasks. */
    @Test
    void testFailingTaskDoesNotStopOthers() {
        Task<Object> bad = loop.createTask(() -> {
            throw new IllegalStateException("bad task");
        });
        Task<String> good = loop.createTask(() -> {
            Asyncio.sleep(0);
            return "good";
        });
        assertEquals("good", loop.runUntilComplete(good));
        assertInstanceOf(IllegalStateException.class, bad.exception());
    }

    /** Port of test_tasks.py RunCoroutineThreadsafeTests-like: asyncio.run returns the result and closes. */
    @Test
    void testAsyncioRun() {
        assertEquals(42, Asyncio.run(() -> {
            Asyncio.sleep(0.001);
            return 42;
        }));
    }

    /** asyncio.run cancels the tasks left over and waits for them. */
    @Test
    void testAsyncioRunCancelsLeftovers() {
        List<String> events = new ArrayList<>();
        Asyncio.run(() -> {
            Asyncio.createTask(() -> {
                try {
                    Asyncio.sleep(3600);
                } catch (CancelledError e) {
                    events.add("leftover cancelled");
                    throw e;
                }
                return null;
            });
            Asyncio.sleep(0);
            return null;
        });
        assertEquals(List.of("leftover cancelled"), events);
    }

    /** asyncio.run from inside a running loop raises asyncio's message. */
    @Test
    void testAsyncioRunInsideLoop() {
        Task<Object> t = loop.createTask(() -> Asyncio.run(() -> 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
        assertEquals("asyncio.run() cannot be called from a running event loop", e.getMessage());
    }
}
