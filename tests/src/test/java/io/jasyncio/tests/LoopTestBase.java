/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.LoopOptions;
import io.jasyncio.MockTicker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * A fresh loop per test, on the backend that {@code jasyncio.transport} names (surefire runs the suite once per
 * backend), with a {@link MockTicker} so time moves only when a test says so. An exception handler records every call;
 * a test that does not expect any fails at teardown if one came (uvloop's {@code _testbase.py} strictness).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class LoopTestBase {
    /** The loop's clock. */
    protected final MockTicker ticker = new MockTicker();
    /** The loop under test. */
    protected EventLoop loop;
    /** Every call of the exception handler. */
    protected final List<ExceptionContext> handled = new ArrayList<>();
    private boolean exceptionsExpected;

    /**
     * The options of the loop under test; override to change them.
     *
     * @return options with the mock ticker and debug mode off
     */
    protected LoopOptions options() {
        return LoopOptions.defaults().withTicker(ticker).withDebug(false);
    }

    @BeforeEach
    void createLoop() {
        BackendAssumptions.assumeBackendAvailable();
        loop = Asyncio.newEventLoop(options());
        loop.setExceptionHandler((l, context) -> handled.add(context));
    }

    @AfterEach
    void closeLoop() {
        if (loop == null) {
            return; // skipped: the backend is not available
        }
        try {
            if (!exceptionsExpected && !handled.isEmpty()) {
                fail("unexpected exception handler calls: " + handled);
            }
        } finally {
            if (loop.isRunning()) {
                fail("the loop is still running at teardown");
            }
            loop.close();
        }
    }

    /** Declares that this test expects exception handler calls (it asserts them itself). */
    protected void expectExceptions() {
        exceptionsExpected = true;
    }

    /** Runs exactly one iteration of the loop, polling I/O with a zero timeout: asyncio's test_utils.run_once. */
    protected void runOnce() {
        loop.stop();
        loop.runForever();
    }

    /**
     * Runs iterations until the condition holds, at most {@code maxIterations}.
     *
     * @param condition what to wait for
     * @param maxIterations the bound
     */
    protected void runUntil(java.util.function.BooleanSupplier condition, int maxIterations) {
        for (int i = 0; i < maxIterations && !condition.getAsBoolean(); i++) {
            runOnce();
        }
        assertTrue(condition.getAsBoolean(), "condition not reached in " + maxIterations + " iterations");
    }

    /**
     * Runs the loop until the future is done, moving the mock clock to the next timer whenever the loop is idle
     * (trio's autojump clock): time-dependent code runs at once, in the order real time would give.
     *
     * @param future the future
     */
    protected void runUntilDone(io.jasyncio.Future<?> future) {
        io.jasyncio.internal.BaseEventLoop base = (io.jasyncio.internal.BaseEventLoop) loop;
        for (int i = 0; i < 1_000_000 && !future.done(); i++) {
            runOnce();
            if (!future.done() && base.isIdle()) {
                long next = base.nextTimerNanos();
                if (next == Long.MAX_VALUE) {
                    fail("the loop is idle with no timer, and the future is not done: " + future);
                }
                long now = ticker.nanoTime();
                if (next > now) {
                    ticker.advanceNanos(next - now);
                }
            }
        }
        assertTrue(future.done(), "not done: " + future);
    }

    /**
     * Runs a coroutine as a task with the autojump clock and returns its result (or throws its exception).
     *
     * @param coro the coroutine
     * @param <T> the result type
     * @return the result
     */
    protected <T> T run(io.jasyncio.Coroutine<T> coro) {
        io.jasyncio.Task<T> task = loop.createTask(coro);
        runUntilDone(task);
        return task.result();
    }

    /**
     * Runs the loop until the condition holds, checking it every millisecond of loop time (for real I/O, with the
     * system ticker); the test's timeout bounds the wait.
     *
     * @param condition what to wait for
     */
    protected void waitUntil(java.util.function.BooleanSupplier condition) {
        io.jasyncio.Future<Void> done = loop.createFuture();
        loop.callSoon(new Runnable() {
            @Override
            public void run() {
                if (condition.getAsBoolean()) {
                    done.setResult(null);
                } else {
                    loop.callLater(0.001, this);
                }
            }
        });
        loop.runUntilComplete(done);
    }
}
