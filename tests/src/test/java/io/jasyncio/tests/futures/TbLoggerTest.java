/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.futures;

import io.jasyncio.tests.Gc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.ExceptionContext;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of test_futures.py BaseFutureTests.test_tb_logger_* with debug mode off: a future collected with an exception
 * nobody retrieved is reported through the loop's exception handler, "Future exception was never retrieved", with the
 * future's repr and the exception, as asyncio's {@code Future.__del__} does; anything else is not reported.
 */
class TbLoggerTest extends LoopTestBase {
    /** The reports, from whichever thread makes them (the cleaner's while the loop does not run). */
    private final List<ExceptionContext> reports = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordReports() {
        loop.setExceptionHandler((l, context) -> reports.add(context));
    }


    /** Makes a future, does something to it, runs its callbacks, and drops it. */
    private WeakReference<Future<Object>> dropped(Consumer<Future<Object>> action) {
        Future<Object> fut = loop.createFuture();
        action.accept(fut);
        runOnce();
        return new WeakReference<>(fut);
    }

    private boolean reported(String text) {
        return reports.stream().anyMatch(c -> String.valueOf(c.exception()).contains(text));
    }

    /** Waits until the future is collected, then until a failing sentinel dropped after it is reported. */
    private void assertNotReported(WeakReference<Future<Object>> ref) {
        assertTrue(Gc.until(() -> ref.get() == null));
        dropped(f -> f.setException(new IllegalStateException("sentinel")));
        assertTrue(Gc.until(() -> reported("sentinel")), () -> "no sentinel report: " + reports);
        assertEquals(1, reports.size(), () -> "reported: " + reports);
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_abandoned. */
    @Test
    void testTbLoggerAbandoned() {
        assertNotReported(dropped(f -> { }));
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_not_called_after_cancel. */
    @Test
    void testTbLoggerNotCalledAfterCancel() {
        assertNotReported(dropped(f -> {
            f.setException(new RuntimeException("after-cancel"));
            f.cancel();
        }));
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_result_unretrieved. */
    @Test
    void testTbLoggerResultUnretrieved() {
        assertNotReported(dropped(f -> f.setResult(42)));
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_result_retrieved. */
    @Test
    void testTbLoggerResultRetrieved() {
        assertNotReported(dropped(f -> {
            f.setResult(42);
            f.result();
        }));
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_exception_unretrieved. */
    @Test
    void testTbLoggerExceptionUnretrieved() {
        RuntimeException boom = new RuntimeException("boom");
        dropped(f -> f.setException(boom));
        assertTrue(Gc.until(() -> !reports.isEmpty()));
        ExceptionContext c = reports.get(0);
        assertEquals("Future exception was never retrieved", c.message());
        assertSame(boom, c.exception());
        assertEquals("<Future finished exception=java.lang.RuntimeException: boom>", c.get(ExceptionContext.FUTURE));
        assertNull(c.get(ExceptionContext.SOURCE_TRACEBACK), "no creation site with debug mode off");
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_exception_retrieved. */
    @Test
    void testTbLoggerExceptionRetrieved() {
        assertNotReported(dropped(f -> {
            f.setException(new RuntimeException("exception-retrieved"));
            f.exception();
        }));
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_exception_result_retrieved. */
    @Test
    void testTbLoggerExceptionResultRetrieved() {
        assertNotReported(dropped(f -> {
            f.setException(new RuntimeException("result-retrieved"));
            assertThrows(RuntimeException.class, f::result);
        }));
    }

    /** A task that fails unobserved: "Task exception was never retrieved", debug mode off. */
    @Test
    void testTaskExceptionNeverRetrieved() {
        IllegalStateException doomed = new IllegalStateException("doomed");
        dropTask(doomed);
        assertTrue(Gc.until(() -> !reports.isEmpty()));
        ExceptionContext c = reports.get(0);
        assertEquals("Task exception was never retrieved", c.message());
        assertSame(doomed, c.exception());
        assertTrue(String.valueOf(c.get(ExceptionContext.FUTURE)).startsWith("<Task finished name='doomed'"),
                c.toString());
    }

    private void dropTask(RuntimeException e) {
        Task<Object> t = loop.createTask(() -> {
            throw e;
        }, "doomed");
        runUntil(t::done, 10);
    }

    /** While the loop runs, the report comes on the loop's thread, as a callback. */
    @Test
    void testReportedOnTheLoopThreadWhileRunning() {
        dropped(f -> f.setException(new RuntimeException("while running")));
        Thread[] on = new Thread[1];
        loop.setExceptionHandler((l, context) -> {
            on[0] = Thread.currentThread();
            reports.add(context);
        });
        Future<Void> reported = loop.createFuture();
        loop.callSoon(new Runnable() {
            @Override
            public void run() {
                if (!reports.isEmpty()) {
                    reported.setResult(null);
                } else {
                    System.gc();
                    loop.callSoon(this);
                }
            }
        });
        loop.runUntilComplete(reported);
        assertSame(Thread.currentThread(), on[0]);
    }
}
