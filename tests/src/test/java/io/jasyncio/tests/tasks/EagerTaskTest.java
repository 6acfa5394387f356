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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.ContextVar;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.TaskFactory;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_eager_task_factory.py EagerTaskFactoryLoopTests: eager tasks start inside createTask. */
class EagerTaskTest extends LoopTestBase {

    @BeforeEach
    void eager() {
        loop.setTaskFactory(TaskFactory.EAGER);
    }

    private <T> T runCoro(Coroutine<T> coro) {
        return run(coro);
    }

    /** Port of test_eager_task_factory.py test_eager_task_factory_set. */
    @Test
    void testEagerTaskFactorySet() {
        assertSame(TaskFactory.EAGER, loop.getTaskFactory());
        loop.setTaskFactory(null);
        assertNull(loop.getTaskFactory());
        Task<Integer> lazy = loop.createTask(() -> 1);
        assertFalse(lazy.done(), "the default factory schedules the first step");
        loop.runUntilComplete(lazy);
    }

    /** Port of test_eager_task_factory.py test_await_future_during_eager_step. */
    @Test
    void testAwaitFutureDuringEagerStep() {
        String r = runCoro(() -> {
            Future<String> fut = loop.createFuture();
            Task<Object> t = loop.createTask(() -> {
                fut.setResult("my message");
                return null;
            });
            assertTrue(t.done(), "the eager step completed the task");
            return await(fut);
        });
        assertEquals("my message", r);
    }

    /** Port of test_eager_task_factory.py test_eager_completion. */
    @Test
    void testEagerCompletion() {
        String r = runCoro(() -> {
            Task<String> t = loop.createTask(() -> "hello");
            assertTrue(t.done());
            return await(t);
        });
        assertEquals("hello", r);
    }

    /** Port of test_eager_task_factory.py test_block_after_eager_step. */
    @Test
    void testBlockAfterEagerStep() {
        String r = runCoro(() -> {
            Task<String> t = loop.createTask(() -> Asyncio.sleep(0.1, "finished after blocking"));
            assertFalse(t.done());
            String result = await(t);
            assertTrue(t.done());
            return result;
        });
        assertEquals("finished after blocking", r);
    }

    /** Port of test_eager_task_factory.py test_cancellation_after_eager_completion. */
    @Test
    void testCancellationAfterEagerCompletion() {
        String r = runCoro(() -> {
            Task<String> t = loop.createTask(() -> "finished without blocking");
            assertFalse(t.cancel(), "a finished task cannot be cancelled");
            String result = await(t);
            assertFalse(t.cancelled());
            return result;
        });
        assertEquals("finished without blocking", r);
    }

    /** Port of test_eager_task_factory.py test_cancellation_after_eager_step_blocks. */
    @Test
    void testCancellationAfterEagerStepBlocks() {
        Task<String> main = loop.createTask(() -> {
            Task<String> t = loop.createTask(() -> Asyncio.sleep(0.1, "finished after blocking"));
            t.cancel("cancellation message");
            assertTrue(t.cancelling() > 0);
            return await(t);
        });
        runUntilDone(main);
        CancelledError e = assertThrows(CancelledError.class, main::result);
        assertEquals("cancellation message", e.getMessage());
    }

    /** Port of test_eager_task_factory.py test_current_task: the eager step runs as the new task. */
    @Test
    void testCurrentTask() {
        Task<?>[] captured = {null};
        runCoro(() -> {
            Task<?> parent = Asyncio.currentTask();
            Task<Object> t = loop.createTask(() -> {
                captured[0] = Asyncio.currentTask();
                Asyncio.sleep(0.1);
                assertSame(captured[0], Asyncio.currentTask());
                return null;
            });
            assertSame(t, captured[0]);
            assertSame(parent, Asyncio.currentTask(), "the parent is current again after the eager step");
            return await(t);
        });
    }

    /** Port of test_eager_task_factory.py test_all_tasks_with_eager_completion. */
    @Test
    void testAllTasksWithEagerCompletion() {
        List<Set<Task<?>>> captured = new ArrayList<>();
        runCoro(() -> {
            Task<Object> t = loop.createTask(() -> {
                captured.add(Asyncio.allTasks());
                return null;
            });
            assertTrue(captured.get(0).contains(t));
            assertFalse(Asyncio.allTasks().contains(t));
            return null;
        });
    }

    /** Port of test_eager_task_factory.py test_all_tasks_with_blocking. */
    @Test
    void testAllTasksWithBlocking() {
        List<Set<Task<?>>> captured = new ArrayList<>();
        runCoro(() -> {
            Task<Object> t = loop.createTask(() -> {
                Asyncio.sleep(0.1);
                captured.add(Asyncio.allTasks());
                return null;
            });
            assertTrue(Asyncio.allTasks().contains(t));
            await(t);
            assertTrue(captured.get(0).contains(t));
            assertFalse(Asyncio.allTasks().contains(t));
            return null;
        });
    }

    /** Port of test_eager_task_factory.py test_context_vars: the eager step sets its own copy. */
    @Test
    void testContextVars() {
        ContextVar<Integer> cv = new ContextVar<>("cv", 0);
        boolean[] steps = {false, false};
        runCoro(() -> {
            cv.set(1);
            Task<Object> t = loop.createTask(() -> {
                assertEquals(1, cv.get());
                cv.set(2);
                assertEquals(2, cv.get());
                steps[0] = true;
                Asyncio.sleep(0.1);
                assertEquals(2, cv.get());
                cv.set(3);
                assertEquals(3, cv.get());
                steps[1] = true;
                return null;
            });
            assertTrue(steps[0]);
            assertFalse(steps[1]);
            assertEquals(1, cv.get());
            await(t);
            assertTrue(steps[1]);
            assertEquals(1, cv.get());
            return null;
        });
    }

    /** An eager task that fails in its first step is done with the exception before createTask returns. */
    @Test
    void testEagerTaskExceptionInFirstStep() {
        runCoro(() -> {
            IllegalStateException boom = new IllegalStateException("first step");
            Task<Object> t = loop.createTask(() -> {
                throw boom;
            });
            assertTrue(t.done());
            assertSame(boom, t.exception());
            return null;
        });
    }

    /** Outside a running loop the eager factory schedules the first step, as asyncio's does without a loop. */
    @Test
    void testEagerTaskOutsideRunningLoopIsScheduled() {
        Task<Integer> t = loop.createTask(() -> 7);
        assertFalse(t.done());
        assertEquals(7, loop.runUntilComplete(t));
    }
}
