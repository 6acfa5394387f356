/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import io.jasyncio.tests.Gc;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exceptions never retrieved (the guide's "Detect exceptions never consumed"). */
class NeverRetrievedCheckTest extends DebugTestBase {

    /** The loop reports through its exception handler: the default one logs, as these tests read. */
    @BeforeEach
    void defaultHandler() {
        loop.setExceptionHandler(null);
    }

    /** Runs a task that fails, without looking at it, and drops it. */
    private WeakReference<Task<Object>> failUnobserved(String name, String message) {
        Task<Object> task = loop.createTask(() -> {
            throw new IllegalStateException(message);
        }, name);
        runUntil(task::done, 10);
        return new WeakReference<>(task);
    }

    /** A future failed by hand and dropped. */
    private WeakReference<Future<Object>> futureUnobserved(String message) {
        Future<Object> f = loop.createFuture();
        f.setException(new IllegalArgumentException(message));
        runOnce();
        return new WeakReference<>(f);
    }

    @Test
    void testTaskExceptionNeverRetrieved() {
        failUnobserved("doomed", "not consumed");
        // The message and the trace are written one after the other: wait for the trace.
        awaitLog("java.lang.IllegalStateException: not consumed\n\tat ");
        String log = log();
        assertTrue(log.contains("ERROR asyncio - Task exception was never retrieved\n"
                + "future: <Task finished name='doomed' coro=lambda in io.jasyncio.tests.debug.NeverRetrievedCheckTest"
                + " exception=java.lang.IllegalStateException: not consumed created at NeverRetrievedCheckTest.java:"),
                log);
        assertTrue(log.contains(">\n"
                + "source_traceback: Object created at (most recent call first):\n"
                + "\tat io.jasyncio.tests.debug.NeverRetrievedCheckTest.failUnobserved(NeverRetrievedCheckTest.java:"),
                log);
        assertTrue(log.contains("java.lang.IllegalStateException: not consumed\n"
                + "\tat io.jasyncio.tests.debug.NeverRetrievedCheckTest.lambda$failUnobserved$"), log);
    }

    @Test
    void testFutureExceptionNeverRetrieved() {
        futureUnobserved("lost");
        awaitLog("java.lang.IllegalArgumentException: lost\n\tat ");
        String log = log();
        assertTrue(log.contains("ERROR asyncio - Future exception was never retrieved\n"
                + "future: <Future finished exception=java.lang.IllegalArgumentException: lost created at "
                + "NeverRetrievedCheckTest.java:"), log);
        assertTrue(log.contains(">\nsource_traceback: Object created at (most recent call first):\n"
                + "\tat io.jasyncio.tests.debug.NeverRetrievedCheckTest.futureUnobserved("), log);
        assertTrue(log.contains("\njava.lang.IllegalArgumentException: lost"), log);
    }

    /** Fails four futures and retrieves each exception: by result(), exception(), cancel() and an await. */
    private WeakReference<?>[] failAndRetrieve() {
        Future<Object> viaResult = loop.createFuture();
        viaResult.setException(new IllegalStateException("by-result"));
        try {
            viaResult.result();
        } catch (IllegalStateException expected) {
            // retrieved
        }
        Future<Object> viaException = loop.createFuture();
        viaException.setException(new IllegalStateException("by-exception"));
        viaException.exception();
        Future<Object> viaCancel = loop.createFuture();
        viaCancel.setException(new IllegalStateException("by-cancel"));
        viaCancel.cancel();
        Task<Object> awaited = loop.createTask(() -> {
            throw new IllegalStateException("by-await");
        });
        run(() -> {
            try {
                return Asyncio.await(awaited);
            } catch (IllegalStateException expected) {
                return null;
            }
        });
        return new WeakReference<?>[] {new WeakReference<>(viaResult), new WeakReference<>(viaException),
                new WeakReference<>(viaCancel), new WeakReference<>(awaited)};
    }

    /** result(), exception(), an await or a cancel() retrieve it: nothing logged. */
    @Test
    void testRetrievedNotLogged() {
        WeakReference<?>[] refs = failAndRetrieve();
        failUnobserved("sentinel", "sentinel");
        awaitLog("name='sentinel'");
        assertTrue(Gc.until(() -> java.util.Arrays.stream(refs).allMatch(r -> r.get() == null)));
        assertFalse(log().contains("by-"), log());
    }

    /** With debug mode off the report is made all the same, without the creation site (not recorded then). */
    @Test
    void testDebugOffLoggedWithoutSourceTraceback() {
        loop.setDebug(false);
        failUnobserved("quiet", "quiet");
        awaitLog("java.lang.IllegalStateException: quiet\n\tat ");
        String log = log();
        int at = log.indexOf("future: <Task finished name='quiet'");
        assertTrue(at >= 0, log);
        String next = log.substring(log.indexOf('\n', at) + 1);
        assertTrue(next.startsWith("java.lang.IllegalStateException: quiet"), log);
    }

    // Ports of test_futures.py BaseFutureTests.test_tb_logger_*: whether a collected future logs its exception. Each
    // future is made and dropped in a helper, then a failing sentinel is dropped and waited for, so that the check has
    // had its chance to run for the future too.

    /** Makes a future, does something to it, and drops it. */
    private WeakReference<Future<Object>> dropped(java.util.function.Consumer<Future<Object>> action) {
        Future<Object> fut = loop.createFuture();
        action.accept(fut);
        runOnce();
        return new WeakReference<>(fut);
    }

    private void assertNotLogged(WeakReference<Future<Object>> ref, String tag) {
        failUnobserved("sentinel", "sentinel");
        awaitLog("name='sentinel'");
        assertTrue(Gc.until(() -> ref.get() == null));
        assertFalse(log().contains(tag), log());
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_abandoned. */
    @Test
    void testTbLoggerAbandoned() {
        assertNotLogged(dropped(f -> { }), "Future exception");
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_not_called_after_cancel. */
    @Test
    void testTbLoggerNotCalledAfterCancel() {
        assertNotLogged(dropped(f -> {
            f.setException(new RuntimeException("after-cancel"));
            f.cancel();
        }), "after-cancel");
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_result_unretrieved. */
    @Test
    void testTbLoggerResultUnretrieved() {
        assertNotLogged(dropped(f -> f.setResult(42)), "Future exception");
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_result_retrieved. */
    @Test
    void testTbLoggerResultRetrieved() {
        assertNotLogged(dropped(f -> {
            f.setResult(42);
            f.result();
        }), "Future exception");
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_exception_unretrieved. */
    @Test
    void testTbLoggerExceptionUnretrieved() {
        dropped(f -> f.setException(new RuntimeException("boom")));
        awaitLog("java.lang.RuntimeException: boom");
        assertTrue(log().contains("ERROR asyncio - Future exception was never retrieved\n"
                + "future: <Future finished exception=java.lang.RuntimeException: boom created at "), log());
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_exception_retrieved. */
    @Test
    void testTbLoggerExceptionRetrieved() {
        assertNotLogged(dropped(f -> {
            f.setException(new RuntimeException("exception-retrieved"));
            f.exception();
        }), "exception-retrieved");
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_exception_result_retrieved. */
    @Test
    void testTbLoggerExceptionResultRetrieved() {
        assertNotLogged(dropped(f -> {
            f.setException(new RuntimeException("result-retrieved"));
            assertThrows(RuntimeException.class, f::result);
        }), "result-retrieved");
    }
}
