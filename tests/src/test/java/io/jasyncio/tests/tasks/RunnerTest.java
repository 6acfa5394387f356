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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.LoopOptions;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ports of CPython's test_runners.py RunTests: asyncio.run makes, runs and closes a loop of its own. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunnerTest {

    /** Port of test_runners.py RunTests.test_asyncio_run_return. */
    @Test
    void testAsyncioRunReturn() {
        assertEquals(42, Asyncio.run(() -> {
            Asyncio.sleep(0);
            return 42;
        }));
        assertNull(Asyncio.currentTask(), "no loop is left running");
    }

    /** Port of test_runners.py RunTests.test_asyncio_run_raises: the exception comes out unchanged. */
    @Test
    void testAsyncioRunRaises() {
        IllegalArgumentException spam = new IllegalArgumentException("spam");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Asyncio.run(() -> {
            Asyncio.sleep(0);
            throw spam;
        }));
        assertSame(spam, e);
    }

    /** Port of test_runners.py RunTests.test_asyncio_run_debug: the loop runs in debug mode when asked. */
    @Test
    void testAsyncioRunDebug() {
        assertTrue(Asyncio.run(() -> Asyncio.getRunningLoop().getDebug(), LoopOptions.defaults().withDebug(true)));
        assertFalse(Asyncio.run(() -> Asyncio.getRunningLoop().getDebug(), LoopOptions.defaults().withDebug(false)));
    }

    /** The loop of asyncio.run is closed afterwards. */
    @Test
    void testAsyncioRunClosesTheLoop() {
        EventLoop loop = Asyncio.run(Asyncio::getRunningLoop);
        assertTrue(loop.isClosed());
        assertFalse(loop.isRunning());
    }

    /**
     * Port of test_runners.py RunTests.test_asyncio_run_closes_gens_after_hanging_tasks_errors: a leftover task that
     * fails while being cancelled is reported to the exception handler, and the main exception still comes out.
     */
    @Test
    void testAsyncioRunReportsLeftoverFailures() {
        List<ExceptionContext> reported = new ArrayList<>();
        Task<?>[] lazyboy = {null};
        IllegalStateException fancyExit = new IllegalStateException("FancyExit");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Asyncio.run(() -> {
            Asyncio.getRunningLoop().setExceptionHandler((l, context) -> reported.add(context));
            lazyboy[0] = Asyncio.createTask(() -> {
                try {
                    while (true) {
                        Asyncio.sleep(1);
                    }
                } catch (CancelledError cancelled) {
                    throw new ArithmeticException("/ by zero");
                }
            });
            Asyncio.sleep(0);
            throw fancyExit;
        }));
        assertSame(fancyExit, e);
        assertTrue(lazyboy[0].done());
        assertEquals(1, reported.size(), reported.toString());
        assertEquals("unhandled exception during asyncio.run() shutdown", reported.get(0).message());
        assertInstanceOf(ArithmeticException.class, reported.get(0).exception());
        assertSame(lazyboy[0], reported.get(0).get(ExceptionContext.TASK));
    }

    /** Leftover tasks that finish their cancellation cleanly are not reported. */
    @Test
    void testAsyncioRunCancelsLeftoversQuietly() {
        List<ExceptionContext> reported = new ArrayList<>();
        List<Task<?>> leftovers = new ArrayList<>();
        Asyncio.run(() -> {
            Asyncio.getRunningLoop().setExceptionHandler((l, context) -> reported.add(context));
            for (int i = 0; i < 3; i++) {
                leftovers.add(Asyncio.createTask(() -> Asyncio.sleep(3600, null)));
            }
            Asyncio.sleep(0);
            return null;
        });
        assertTrue(reported.isEmpty(), reported.toString());
        for (Task<?> t : leftovers) {
            assertTrue(t.cancelled());
        }
    }

    /** The default executor is shut down by asyncio.run. */
    @Test
    void testAsyncioRunShutsDownDefaultExecutor() throws InterruptedException {
        Thread[] worker = {null};
        Asyncio.run(() -> Asyncio.await(Asyncio.getRunningLoop().runInExecutor(null, () -> {
            worker[0] = Thread.currentThread();
            return null;
        })));
        worker[0].join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(worker[0].isAlive(), "the executor's thread ended with asyncio.run");
    }
}
