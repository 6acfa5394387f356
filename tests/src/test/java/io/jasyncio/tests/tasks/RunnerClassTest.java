/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Context;
import io.jasyncio.ContextVar;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.Runner;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ports of CPython's test_runners.py RunnerTests: one loop for several runs, made lazily, closed once. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunnerClassTest {

    /** Port of RunnerTests.test_non_debug. */
    @Test
    void testNonDebug() {
        try (Runner runner = new Runner(LoopOptions.defaults().withDebug(false))) {
            assertFalse(runner.getLoop().getDebug());
        }
    }

    /** Port of RunnerTests.test_debug. */
    @Test
    void testDebug() {
        try (Runner runner = new Runner(LoopOptions.defaults().withDebug(true))) {
            assertTrue(runner.getLoop().getDebug());
        }
    }

    /** Port of RunnerTests.test_run. */
    @Test
    void testRun() {
        EventLoop loop;
        Runner closed;
        try (Runner runner = new Runner()) {
            assertEquals("done", runner.run(() -> {
                Asyncio.sleep(0);
                return "done";
            }));
            loop = runner.getLoop();
            closed = runner;
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, closed::getLoop);
        assertEquals("Runner is closed", e.getMessage());
        assertTrue(loop.isClosed());
    }

    /** Several runs share one loop, and a task left by one run goes on in the next. */
    @Test
    void testSeveralRunsOnOneLoop() {
        try (Runner runner = new Runner()) {
            Task<?>[] background = {null};
            EventLoop first = runner.run(() -> {
                background[0] = Asyncio.createTask(() -> Asyncio.sleep(0.01, "background"));
                return Asyncio.getRunningLoop();
            });
            EventLoop second = runner.run(() -> {
                Asyncio.await(background[0]);
                return Asyncio.getRunningLoop();
            });
            assertSame(first, second);
            assertSame(runner.getLoop(), first);
            assertEquals("background", background[0].result());
        }
    }

    /** Port of RunnerTests.test_explicit_close. */
    @Test
    void testExplicitClose() {
        Runner runner = new Runner();
        EventLoop loop = runner.getLoop();
        runner.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, runner::getLoop);
        assertEquals("Runner is closed", e.getMessage());
        assertTrue(loop.isClosed());
    }

    /** Port of RunnerTests.test_double_close: the second close does nothing. */
    @Test
    void testDoubleClose() {
        Runner runner = new Runner();
        EventLoop loop = runner.getLoop();
        runner.close();
        assertTrue(loop.isClosed());
        runner.close();
        assertTrue(loop.isClosed());
    }

    /** Port of RunnerTests.test_second_with_block_raises: a closed runner does not run again. */
    @Test
    void testSecondWithBlockRaises() {
        List<Integer> ret = new ArrayList<>();
        Runner runner = new Runner();
        try (runner) {
            runner.run(() -> ret.add(1));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (runner) {
                runner.run(() -> ret.add(2));
            }
        });
        assertEquals("Runner is closed", e.getMessage());
        assertEquals(List.of(1), ret);
    }

    /** Port of RunnerTests.test_run_keeps_context: each run's task runs in the runner's one context. */
    @Test
    void testRunKeepsContext() {
        ContextVar<Integer> cvar = new ContextVar<>("cvar", -1);
        try (Runner runner = new Runner()) {
            assertEquals(-1, runner.run(() -> f(cvar, 1)));
            assertEquals(1, runner.run(() -> f(cvar, 2)));
            assertEquals(2, runner.run(Context::copyContext).get(cvar));
        }
    }

    private static int f(ContextVar<Integer> cvar, int val) {
        int old = cvar.get();
        Asyncio.sleep(0);
        cvar.set(val);
        return old;
    }

    /** Port of RunnerTests.test_recursive_run: run from inside a run is refused. */
    @Test
    void testRecursiveRun() {
        try (Runner runner = new Runner()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> runner.run(() -> runner.run(() -> null)));
            assertEquals("Runner.run() cannot be called from a running event loop", e.getMessage());
        }
    }

    /** getLoop makes the loop lazily, once; close without a loop made closes nothing. */
    @Test
    void testGetLoopInitialisesLazily() {
        Runner unused = new Runner();
        unused.close();
        assertThrows(IllegalStateException.class, unused::getLoop);
        try (Runner runner = new Runner()) {
            EventLoop loop = runner.getLoop();
            assertSame(loop, runner.getLoop());
            assertFalse(loop.isClosed());
            assertFalse(loop.isRunning());
        }
    }

    /** Closing the runner cancels the tasks left over and waits for them. */
    @Test
    void testCloseCancelsLeftovers() {
        Task<?>[] leftover = {null};
        try (Runner runner = new Runner()) {
            runner.run(() -> {
                leftover[0] = Asyncio.createTask(() -> Asyncio.sleep(3600, null));
                return null;
            });
            assertFalse(leftover[0].done());
        }
        assertTrue(leftover[0].cancelled());
    }
}
