/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Task;
import io.jasyncio.TaskFactory;
import io.jasyncio.tests.LoopTestBase;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's test_tasks.py RunCoroutineThreadsafeTests: a thread of the default executor submits a coroutine
 * to the loop that runs it, and waits on the {@link CompletableFuture} it gets back.
 */
class RunCoroutineThreadsafeTest extends LoopTestBase {

    @Override
    protected LoopOptions options() {
        return LoopOptions.defaults().withDebug(false); // real time: a thread waits on the loop
    }

    /** Waits 0.05 second and returns a + b. */
    private Coroutine<Integer> add(int a, int b, boolean fail, boolean cancel) {
        return () -> {
            Asyncio.sleep(0.05);
            if (fail) {
                throw new IllegalStateException("Fail!");
            }
            if (cancel) {
                Asyncio.currentTask(loop).cancel();
                Asyncio.sleep(0);
            }
            return a + b;
        };
    }

    /** Runs the add coroutine in the event loop, from the calling (non-loop) thread. */
    private int target(boolean fail, boolean cancel, Double timeout) throws Exception {
        CompletableFuture<Integer> future = Asyncio.runCoroutineThreadsafe(add(1, 2, fail, cancel), loop);
        try {
            return timeout == null ? future.get() : future.get((long) (timeout * 1e9), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        } finally {
            if (!future.isDone()) {
                future.cancel(false);
            }
        }
    }

    /** Port of RunCoroutineThreadsafeTests.test_run_coroutine_threadsafe. */
    @Test
    void testRunCoroutineThreadsafe() {
        Future<Integer> future = loop.runInExecutor(null, () -> target(false, false, null));
        assertEquals(3, loop.runUntilComplete(future));
    }

    /** Port of RunCoroutineThreadsafeTests.test_run_coroutine_threadsafe_with_exception. */
    @Test
    void testRunCoroutineThreadsafeWithException() {
        Future<Integer> future = loop.runInExecutor(null, () -> target(true, false, null));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(future));
        assertEquals("Fail!", e.getMessage());
    }

    /**
     * Port of RunCoroutineThreadsafeTests.test_run_coroutine_threadsafe_with_timeout: the waiting thread gives up and
     * cancels the CompletableFuture, which cancels the task.
     */
    @Test
    void testRunCoroutineThreadsafeWithTimeout() {
        Future<Integer> future = loop.runInExecutor(null, () -> target(false, false, 0.0));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(future));
        waitUntil(() -> Asyncio.allTasks(loop).stream().allMatch(Task::done));
        for (Task<?> task : Asyncio.allTasks(loop)) {
            assertTrue(task.done());
        }
    }

    /** Port of RunCoroutineThreadsafeTests.test_run_coroutine_threadsafe_task_cancelled. */
    @Test
    void testRunCoroutineThreadsafeTaskCancelled() {
        Future<Integer> future = loop.runInExecutor(null, () -> target(false, true, null));
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(future));
    }

    /**
     * Port of RunCoroutineThreadsafeTests.test_run_coroutine_threadsafe_task_factory_exception: the factory's
     * exception fails the CompletableFuture and is reported once to the exception handler.
     */
    @Test
    void testRunCoroutineThreadsafeTaskFactoryException() {
        expectExceptions();
        ArithmeticException nameError = new ArithmeticException("NameError");
        loop.setTaskFactory(new TaskFactory() {
            @Override
            public <T> Task<T> createTask(EventLoop l, Coroutine<T> coro, String name) {
                throw nameError;
            }
        });
        Future<Integer> run = loop.runInExecutor(null, () -> target(false, false, null));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> loop.runUntilComplete(run));
        assertSame(nameError, e);
        assertEquals(1, handled.size(), handled.toString());
        assertSame(nameError, handled.get(0).exception());
    }

    /** Cancelling the CompletableFuture from another thread cancels the running task. */
    @Test
    void testCancellingTheCompletableFutureCancelsTheTask() {
        Future<Void> started = loop.createFuture();
        Task<?>[] task = {null};
        CompletableFuture<Object> cf = Asyncio.runCoroutineThreadsafe(() -> {
            task[0] = Asyncio.currentTask();
            started.setResult(null);
            return Asyncio.sleep(3600, null);
        }, loop);
        loop.runUntilComplete(started);
        assertTrue(cf.cancel(false));
        waitUntil(() -> task[0].done());
        assertTrue(task[0].cancelled());
    }

    /** asyncio: call_soon_threadsafe on a closed loop raises RuntimeError("Event loop is closed"). */
    @Test
    void testRunCoroutineThreadsafeOnClosedLoop() {
        EventLoop other = Asyncio.newEventLoop(options());
        other.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Asyncio.runCoroutineThreadsafe(() -> 1, other));
        assertEquals("Event loop is closed", e.getMessage());
        assertInstanceOf(IllegalStateException.class, e);
    }
}
