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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_tasks.py BaseTaskTests: futures of other loops, repr, names, stacks, current task. */
class TaskBasicsTest extends LoopTestBase {

    /** Port of test_tasks.py BaseTaskTests.test_other_loop_future: a future of another loop is refused. */
    @Test
    void testOtherLoopFuture() {
        EventLoop other = Asyncio.newEventLoop();
        try {
            Future<Object> fut = other.createFuture();
            Task<Object> t = loop.createTask(() -> await(fut));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
            assertTrue(e.getMessage().matches("Task .* got Future .* attached to a different loop"), e.getMessage());
        } finally {
            other.close();
        }
    }

    /** Port of test_tasks.py BaseTaskTests.test_task_repr: pending, cancelling, cancelled and finished. */
    @Test
    void testTaskRepr() {
        Task<String> t = loop.createTask(() -> Asyncio.sleep(0, "abc"), "notmuch");
        assertTrue(t.toString().startsWith("<Task pending name='notmuch' coro="), t.toString());
        loop.runUntilComplete(t);
        assertTrue(t.toString().startsWith("<Task finished name='notmuch' coro="), t.toString());
        assertTrue(t.toString().endsWith(" result=abc>"), t.toString());

        Task<String> c = loop.createTask(() -> Asyncio.sleep(10, "never"), "cancelme");
        c.cancel();
        assertTrue(c.toString().startsWith("<Task cancelling name='cancelme'"), c.toString());
        runUntilDone(c);
        assertTrue(c.toString().startsWith("<Task cancelled name='cancelme'"), c.toString());
    }

    /** Port of test_tasks.py BaseTaskTests.test_task_repr_wait_for: the future waited on shows. */
    @Test
    void testTaskReprWaitFor() {
        Future<Object> fut = loop.createFuture();
        Task<Object> task = loop.createTask(() -> await(fut));
        runOnce();
        assertTrue(task.toString().endsWith(" wait_for=" + fut + ">"), task.toString());
        fut.setResult(null);
        loop.runUntilComplete(task);
        assertFalse(task.toString().contains("wait_for"), task.toString());
    }

    /** Two tasks that await each other: the repr stops where it would repeat, as asyncio's recursive_repr does. */
    @Test
    void testTaskReprOfAnAwaitCycle() {
        Task<?>[] tasks = new Task<?>[2];
        tasks[0] = loop.createTask(() -> {
            Asyncio.sleep(0);
            return await(tasks[1]);
        }, "alpha");
        tasks[1] = loop.createTask(() -> {
            Asyncio.sleep(0);
            return await(tasks[0]);
        }, "beta");
        runOnce();
        runOnce();
        String repr = tasks[0].toString();
        assertTrue(repr.startsWith("<Task pending name='alpha'"), repr);
        assertTrue(repr.contains(" wait_for=<Task pending name='beta'"), repr);
        assertTrue(repr.matches(".* wait_for=<Task pending name='beta' .* wait_for=\\.\\.\\.[ >].*"), repr);
        tasks[0].cancel();
        runUntilDone(tasks[0]);
        runUntilDone(tasks[1]);
    }

    /** Cancelling one of two tasks that await each other ends both, cancelled, instead of going round for ever. */
    @Test
    void testCancelAnAwaitCycle() {
        Task<?>[] tasks = new Task<?>[2];
        tasks[0] = loop.createTask(() -> {
            Asyncio.sleep(0);
            return await(tasks[1]);
        }, "alpha");
        tasks[1] = loop.createTask(() -> {
            Asyncio.sleep(0);
            return await(tasks[0]);
        }, "beta");
        runOnce();
        runOnce();
        assertTrue(tasks[0].cancel("stop"));
        assertEquals(1, tasks[0].cancelling());
        assertEquals(1, tasks[1].cancelling());
        runUntilDone(tasks[0]);
        runUntilDone(tasks[1]);
        assertTrue(tasks[0].cancelled(), tasks[0].toString());
        assertTrue(tasks[1].cancelled(), tasks[1].toString());
    }

    /** Port of test_tasks.py BaseTaskTests.test_task_repr_name / default names: Task-N counts up. */
    @Test
    void testTaskDefaultNames() {
        Task<Integer> a = loop.createTask(() -> 1);
        Task<Integer> b = loop.createTask(() -> 2);
        int na = Integer.parseInt(a.getName().substring("Task-".length()));
        int nb = Integer.parseInt(b.getName().substring("Task-".length()));
        assertTrue(nb > na, a.getName() + " then " + b.getName());
        Task<Integer> named = Asyncio.run(() -> Asyncio.createTask(() -> 3, "given"));
        assertEquals("given", named.getName());
        loop.runUntilComplete(a);
        loop.runUntilComplete(b);
    }

    /** Port of test_tasks.py BaseTaskTests.test_ensure_future_future / _task: a future is returned as it is. */
    @Test
    void testEnsureFutureFutureAndTask() {
        Future<Object> f = loop.createFuture();
        f.setResult("ko");
        assertSame(f, Asyncio.ensureFuture(f));
        Task<String> t = loop.createTask(() -> "ok");
        assertSame(t, Asyncio.ensureFuture(t));
        assertEquals("ok", loop.runUntilComplete(t));
    }

    /** Port of test_tasks.py BaseTaskTests.test_ensure_future_coroutine: a coroutine becomes a task of the loop. */
    @Test
    void testEnsureFutureCoroutine() {
        Future<?> f = loop.runUntilComplete(() -> Asyncio.ensureFuture((io.jasyncio.Coroutine<String>) () -> "ok"));
        Task<?> t = assertInstanceOf(Task.class, f);
        assertSame(loop, t.getLoop());
        assertEquals("ok", loop.runUntilComplete(t));
    }

    /** Port of test_tasks.py BaseTaskTests.test_get_stack: the stack of the running task, from inside it. */
    @Test
    void testGetStackOfRunningTask() {
        Task<String> t = loop.createTask(this::foo);
        assertEquals("bar", loop.runUntilComplete(t));
    }

    private String foo() {
        return bar();
    }

    private String bar() {
        StackTraceElement[] stack = Asyncio.currentTask().getStack();
        assertEquals("bar", stack[0].getMethodName(), Arrays.toString(stack));
        assertEquals("foo", stack[1].getMethodName(), Arrays.toString(stack));
        return "bar";
    }

    /** get_stack of a suspended task starts at the body's await and ends at the body's entry. */
    @Test
    void testGetStackOfSuspendedTask() {
        Future<Object> gate = loop.createFuture();
        Task<Object> t = loop.createTask(() -> outerFrame(gate));
        assertEquals(0, t.getStack().length, "not started");
        runOnce();
        StackTraceElement[] stack = t.getStack();
        assertEquals("innerFrame", stack[0].getMethodName(), Arrays.toString(stack));
        assertEquals("outerFrame", stack[1].getMethodName(), Arrays.toString(stack));
        assertTrue(Arrays.stream(stack).noneMatch(f -> f.getClassName().startsWith("io.jasyncio.internal")),
                Arrays.toString(stack));
        gate.setResult(1);
        loop.runUntilComplete(t);
        assertEquals(0, t.getStack().length, "done");
    }

    private static Object outerFrame(Future<Object> gate) {
        return innerFrame(gate);
    }

    private static Object innerFrame(Future<Object> gate) {
        return await(gate);
    }

    /** Port of test_tasks.py BaseTaskTests.test_current_task_with_interleaving_tasks. */
    @Test
    void testCurrentTaskWithInterleavingTasks() {
        Future<Boolean> fut1 = loop.createFuture();
        Future<Boolean> fut2 = loop.createFuture();
        Task<?>[] tasks = new Task<?>[2];
        List<Boolean> checks = new ArrayList<>();
        tasks[0] = loop.createTask(() -> {
            checks.add(Asyncio.currentTask() == tasks[0]);
            await(fut1);
            checks.add(Asyncio.currentTask() == tasks[0]);
            fut2.setResult(true);
            return null;
        });
        tasks[1] = loop.createTask(() -> {
            checks.add(Asyncio.currentTask() == tasks[1]);
            fut1.setResult(true);
            await(fut2);
            checks.add(Asyncio.currentTask() == tasks[1]);
            return null;
        });
        loop.runUntilComplete(() -> Asyncio.wait(List.of(tasks[0], tasks[1]), null, ReturnWhen.ALL_COMPLETED));
        assertEquals(List.of(true, true, true, true), checks);
        assertNull(Asyncio.currentTask());
    }

    /** A callback that runs between task steps sees no current task. */
    @Test
    void testNoCurrentTaskInCallbacks() {
        Task<?>[] seen = {null};
        boolean[] ran = {false};
        Task<Object> t = loop.createTask(() -> {
            loop.callSoon(() -> {
                seen[0] = Asyncio.currentTask();
                ran[0] = true;
            });
            Asyncio.sleep(0);
            return null;
        });
        loop.runUntilComplete(t);
        assertTrue(ran[0]);
        assertNull(seen[0]);
    }

    /** Port of test_tasks.py BaseTaskTests.test_all_tasks: finished and cancelled tasks leave the set. */
    @Test
    void testAllTasksForgetsDoneTasks() {
        Future<Object> gate = loop.createFuture();
        Future<Object> doomedGate = loop.createFuture();
        Task<Object> waiting = loop.createTask(() -> await(gate));
        Task<Object> quick = loop.createTask(() -> 1);
        Task<Object> doomed = loop.createTask(() -> await(doomedGate));
        runOnce();
        doomed.cancel();
        runOnce();
        Set<Task<?>> all = loop.runUntilComplete(Asyncio::allTasks);
        assertTrue(all.contains(waiting));
        assertFalse(all.contains(quick));
        assertFalse(all.contains(doomed));
        gate.setResult(null);
        loop.runUntilComplete(waiting);
    }

    /** all_tasks outside a running loop is asyncio's error. */
    @Test
    void testAllTasksOutsideLoop() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Asyncio::allTasks);
        assertEquals("no running event loop", e.getMessage());
    }

    /** Port of test_tasks.py BaseTaskTests.test_task_basics with nested coroutines awaited inline. */
    @Test
    void testAwaitCoroutineInlineRunsInTheSameTask() {
        Task<?>[] inner = {null};
        Task<Integer> t = loop.createTask(() -> {
            int a = await(() -> {
                inner[0] = Asyncio.currentTask();
                Asyncio.sleep(0);
                return 42;
            });
            int b = await(() -> 1000);
            return a + b;
        });
        assertEquals(1042, loop.runUntilComplete(t));
        assertSame(t, inner[0], "await(coro) makes no new task");
    }

    /** An exception thrown by an inline coroutine comes out of await unchanged. */
    @Test
    void testAwaitCoroutineInlineRethrows() {
        java.io.IOException boom = new java.io.IOException("boom");
        Task<Object> t = loop.createTask(() -> {
            try {
                return await(() -> {
                    throw boom;
                });
            } catch (Exception e) {
                return e;
            }
        });
        assertSame(boom, loop.runUntilComplete(t));
    }

    /** Port of test_tasks.py BaseTaskTests.test_sleep_when_delay_is_nan (3.13): NaN is refused. */
    @Test
    void testSleepWhenDelayIsNan() {
        Task<Object> t = loop.createTask(() -> {
            Asyncio.sleep(Double.NaN);
            return null;
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(t));
        assertEquals("Invalid delay: NaN (not a number)", e.getMessage());
    }

    /** sleep outside a task says what to do. */
    @Test
    void testSleepOutsideTask() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Asyncio.sleep(0));
        assertTrue(e.getMessage().startsWith("sleep outside a task"), e.getMessage());
    }

    /** await outside a task fails even on a done future, in a callback too: the mistake does not hide by timing. */
    @Test
    void testAwaitOutsideTaskEvenWhenDone() {
        Future<String> done = loop.createFuture();
        done.setResult("x");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Asyncio.await(done));
        assertTrue(e.getMessage().startsWith("await outside a task"), e.getMessage());
        Future<Throwable> inCallback = loop.createFuture();
        loop.callSoon(() -> {
            try {
                Asyncio.await(done);
                inCallback.setResult(null);
            } catch (IllegalStateException err) {
                inCallback.setResult(err);
            }
        });
        assertInstanceOf(IllegalStateException.class, loop.runUntilComplete(inCallback));
    }

    /** A negative delay sleeps like sleep(0): one iteration. */
    @Test
    void testSleepNegativeYieldsOnce() {
        List<String> order = new ArrayList<>();
        loop.createTask(() -> {
            order.add("a1");
            Asyncio.sleep(-5);
            order.add("a2");
            return null;
        });
        loop.createTask(() -> {
            order.add("b");
            return null;
        });
        runOnce();
        assertEquals(List.of("a1", "b"), order);
        runOnce();
        assertEquals(List.of("a1", "b", "a2"), order);
    }

    /** Awaiting a done future does not suspend: other tasks do not run in between. */
    @Test
    void testAwaitDoneFutureDoesNotYield() {
        Future<String> done = loop.createFuture();
        done.setResult("now");
        List<String> order = new ArrayList<>();
        loop.createTask(() -> {
            order.add("a " + await(done));
            order.add("a again");
            return null;
        });
        loop.createTask(() -> {
            order.add("b");
            return null;
        });
        runOnce();
        assertEquals(List.of("a now", "a again", "b"), order);
    }

    /** Port of test_tasks.py BaseTaskTests.test_step_result_future: a task waits on the future, then resumes. */
    @Test
    void testStepResultFuture() {
        Future<String> fut = loop.createFuture();
        Task<String> t = loop.createTask(() -> "got " + await(fut));
        runOnce();
        assertSame(fut, t.getFutWaiter());
        assertFalse(t.done());
        fut.setResult("it");
        assertEquals("got it", loop.runUntilComplete(t));
        assertNull(t.getFutWaiter());
    }

    /** A task's name shows in repr after set_name. */
    @Test
    void testTaskSetNameInRepr() {
        Task<Integer> t = loop.createTask(() -> 1, "first");
        t.setName("second");
        assertTrue(t.toString().contains("name='second'"), t.toString());
        assertNotEquals("first", t.getName());
        loop.runUntilComplete(t);
    }

    /** Port of test_tasks.py BaseTaskTests.test_current_task with loop=: none outside a step, the task inside. */
    @Test
    void testCurrentTaskOfLoop() {
        assertNull(Asyncio.currentTask(loop));
        Task<?>[] seen = {null};
        Task<Object> t = loop.createTask(() -> {
            seen[0] = Asyncio.currentTask(loop);
            return null;
        });
        loop.runUntilComplete(t);
        assertSame(t, seen[0]);
        assertNull(Asyncio.currentTask(loop));
    }

    /** Port of test_tasks.py BaseTaskTests.test_all_tasks with loop=: the pending tasks, seen from outside. */
    @Test
    void testAllTasksOfLoop() {
        Future<Object> gate = loop.createFuture();
        Task<Object> t = loop.createTask(() -> await(gate));
        assertEquals(Set.of(t), Asyncio.allTasks(loop));
        runOnce();
        gate.setResult(null);
        loop.runUntilComplete(t);
        assertTrue(Asyncio.allTasks(loop).isEmpty());
    }
}
