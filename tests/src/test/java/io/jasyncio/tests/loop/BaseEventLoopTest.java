/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.ExceptionHandler;
import io.jasyncio.Future;
import io.jasyncio.Handle;
import io.jasyncio.TimerHandle;
import io.jasyncio.tests.LogCapture;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_base_events.py BaseEventLoopTests, on the backend under test. */
class BaseEventLoopTest extends LoopTestBase {

    /** Port of test_base_events.py BaseEventLoopTests.test_call_soon. */
    @Test
    void testCallSoon() {
        List<String> calls = new ArrayList<>();
        Handle h = loop.callSoon(() -> calls.add("cb"));
        assertFalse(h.cancelled());
        assertSame(loop, h.getLoop());
        assertTrue(calls.isEmpty(), "never called inline");
        runOnce();
        assertEquals(List.of("cb"), calls);
    }

    /** Port of test_base_events.py BaseEventLoopTests.test__add_callback_cancelled_handle. */
    @Test
    void testAddCallbackCancelledHandle() {
        List<String> calls = new ArrayList<>();
        Handle h = loop.callSoon(() -> calls.add("cb"));
        h.cancel();
        assertTrue(h.cancelled());
        runOnce();
        assertTrue(calls.isEmpty());
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_call_later. */
    @Test
    void testCallLater() {
        List<Double> calls = new ArrayList<>();
        double t0 = loop.time();
        TimerHandle h = loop.callLater(0.1, () -> calls.add(loop.time()));
        assertEquals(t0 + 0.1, h.when(), 1e-9);
        runOnce();
        assertTrue(calls.isEmpty(), "not due yet");
        ticker.advance(0.1);
        runOnce();
        assertEquals(1, calls.size());
        assertTrue(calls.get(0) - t0 >= 0.1 - 1e-9);
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_call_later_negative_delays. */
    @Test
    void testCallLaterNegativeDelays() {
        List<Integer> calls = new ArrayList<>();
        loop.callLater(-1, () -> calls.add(1));
        loop.callLater(-2, () -> calls.add(2));
        runOnce();
        assertEquals(List.of(2, 1), calls, "earlier deadline first, even in the past");
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_time_and_call_at. */
    @Test
    void testTimeAndCallAt() {
        List<Double> calls = new ArrayList<>();
        double when = loop.time() + 0.1;
        loop.callAt(when, () -> calls.add(loop.time()));
        ticker.advance(0.05);
        runOnce();
        assertTrue(calls.isEmpty());
        ticker.advance(0.05);
        runOnce();
        assertEquals(1, calls.size());
        assertTrue(calls.get(0) >= when - 1e-9);
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_call_later_float / test_call_at_float: a fractional delay. */
    @Test
    void testCallLaterFloat() {
        List<String> calls = new ArrayList<>();
        loop.callLater(0.0015, () -> calls.add("x"));
        ticker.advanceNanos(1_499_999);
        runOnce();
        assertTrue(calls.isEmpty());
        ticker.advanceNanos(1);
        runOnce();
        assertEquals(List.of("x"), calls);
    }

    /** Timers due together run in deadline order, equal deadlines in the order they were scheduled. */
    @Test
    void testTimerOrderWithEqualDeadlines() {
        List<Integer> calls = new ArrayList<>();
        double when = loop.time() + 1;
        for (int i = 0; i < 50; i++) {
            int n = i;
            loop.callAt(i % 2 == 0 ? when : when - 0.5, () -> calls.add(n));
        }
        ticker.advance(1);
        runOnce();
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i < 50; i += 2) {
            expected.add(i);
        }
        for (int i = 0; i < 50; i += 2) {
            expected.add(i);
        }
        assertEquals(expected, calls);
    }

    /** Port of test_base_events.py BaseEventLoopTests.test__run_once_schedule_handle. */
    @Test
    void testRunOnceScheduleHandle() {
        List<String> calls = new ArrayList<>();
        loop.callSoon(() -> {
            calls.add("first");
            loop.callSoon(() -> calls.add("scheduled by first"));
        });
        loop.callSoon(() -> calls.add("second"));
        runOnce();
        assertEquals(List.of("first", "second"), calls, "one iteration runs only what was ready when it began");
        runOnce();
        assertEquals(List.of("first", "second", "scheduled by first"), calls);
    }

    /** A timer made by a callback, already due, waits for the next iteration's timer check. */
    @Test
    void testRunOnceTimerScheduledByCallbackRunsNextIteration() {
        List<String> calls = new ArrayList<>();
        loop.callSoon(() -> loop.callLater(0, () -> calls.add("timer")));
        runOnce();
        assertTrue(calls.isEmpty());
        runOnce();
        assertEquals(List.of("timer"), calls);
    }

    /** Port of test_base_events.py BaseEventLoopTests.test__run_once_cancelled_event_cleanup. */
    @Test
    void testRunOnceCancelledEventCleanup() {
        List<String> calls = new ArrayList<>();
        List<TimerHandle> timers = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            timers.add(loop.callLater(60, () -> calls.add("never")));
        }
        // Cancel over half of over 100 timers: the whole heap is rebuilt without them, and none of them runs.
        for (int i = 0; i < 120; i++) {
            timers.get(i).cancel();
        }
        runOnce();
        for (int i = 0; i < 120; i++) {
            assertFalse(timers.get(i).isScheduled(), "purged");
        }
        for (int i = 120; i < 150; i++) {
            assertTrue(timers.get(i).isScheduled(), "kept");
        }
        // Few cancellations: only those at the head are dropped.
        timers.get(149).cancel();
        runOnce();
        assertTrue(timers.get(149).isScheduled(), "not at the head, not yet purged");
        assertTrue(timers.get(149).cancelled());
        ticker.advance(60);
        runOnce();
        assertEquals(29, calls.size());
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_run_once (run_forever after stop() runs one iteration). */
    @Test
    void testRunOnce() {
        List<Integer> calls = new ArrayList<>();
        loop.callSoon(() -> {
            calls.add(1);
            loop.callSoon(() -> calls.add(2));
        });
        loop.stop();
        loop.runForever();
        assertEquals(List.of(1), calls);
        assertFalse(loop.isRunning());
    }

    /** Port of test_events.py EventLoopTestsMixin.test_run_forever_pre_stopped... : stop() before run_forever. */
    @Test
    void testRunForeverPreStopped() {
        List<String> calls = new ArrayList<>();
        loop.callLater(10, () -> calls.add("timer"));
        loop.stop();
        loop.runForever(); // must not wait for the timer: one iteration with a zero poll timeout
        assertTrue(calls.isEmpty());
        runOnce();
        assertTrue(calls.isEmpty());
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_set_debug. */
    @Test
    void testSetDebug() {
        loop.setDebug(true);
        assertTrue(loop.getDebug());
        loop.setDebug(false);
        assertFalse(loop.getDebug());
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_check_thread: call_soon, call_later and call_at raise. */
    @Test
    void testCheckThread() throws Exception {
        loop.setDebug(true);
        List<Throwable> fromOther = new ArrayList<>();
        Future<String> done = loop.createFuture();
        loop.callSoon(() -> {
            Thread t = new Thread(() -> {
                List<Throwable> errors = checkThread();
                loop.callSoonThreadsafe(() -> {
                    fromOther.addAll(errors);
                    done.setResult("ok");
                });
            });
            t.start();
        });
        assertEquals("ok", loop.runUntilComplete(done));
        assertThreadErrors(fromOther);
    }

    /**
     * Port of test_base_events.py BaseEventLoopTests.test_check_thread with create_loop=True: a thread that runs a loop
     * of its own may not touch ours either.
     */
    @Test
    void testCheckThreadFromAnotherLoop() throws Exception {
        loop.setDebug(true);
        List<Throwable> fromOther = new ArrayList<>();
        Future<String> done = loop.createFuture();
        loop.callSoon(() -> new Thread(() -> {
            try (EventLoop loop2 = io.jasyncio.Asyncio.newEventLoop(options())) {
                loop2.callSoon(() -> {
                    List<Throwable> errors = checkThread();
                    loop.callSoonThreadsafe(() -> {
                        fromOther.addAll(errors);
                        done.setResult("ok");
                    });
                });
                loop2.stop();
                loop2.runForever();
            }
        }).start());
        assertEquals("ok", loop.runUntilComplete(done));
        assertThreadErrors(fromOther);
    }

    /** asyncio's check_thread(loop, debug=True): each loop-thread-only scheduling call, from the wrong thread. */
    private List<Throwable> checkThread() {
        List<Throwable> errors = new ArrayList<>();
        List<Runnable> calls = List.of(() -> loop.callSoon(() -> { }), () -> loop.callLater(60, () -> { }),
                () -> loop.callAt(loop.time() + 60, () -> { }));
        for (Runnable call : calls) {
            try {
                call.run();
                errors.add(null);
            } catch (Throwable e) {
                errors.add(e);
            }
        }
        return errors;
    }

    private static void assertThreadErrors(List<Throwable> errors) {
        assertEquals(3, errors.size());
        for (Throwable e : errors) {
            assertInstanceOf(IllegalStateException.class, e);
            assertEquals("Non-thread-safe operation invoked on an event loop other than the current one",
                    e.getMessage());
        }
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_check_thread, with debug mode off: no check. */
    @Test
    void testCheckThreadDebugOff() {
        AtomicReference<Throwable> fromOther = new AtomicReference<>();
        Future<String> done = loop.createFuture();
        loop.callSoon(() -> new Thread(() -> {
            try {
                loop.callAt(loop.time() + 1000, () -> { });
            } catch (Throwable e) {
                fromOther.set(e);
            }
            loop.callSoonThreadsafe(() -> done.setResult("ok"));
        }).start());
        assertEquals("ok", loop.runUntilComplete(done));
        assertNull(fromOther.get());
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_run_until_complete_loop. */
    @Test
    void testRunUntilCompleteLoop() {
        try (EventLoop other = io.jasyncio.Asyncio.newEventLoop(options())) {
            Future<Object> f = other.createFuture();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(f));
            assertEquals("The future belongs to a different loop than the one specified as the loop argument",
                    e.getMessage());
        }
    }

    /** Port of test_events.py EventLoopTestsMixin.test_run_until_complete_stopped. */
    @Test
    void testRunUntilCompleteStopped() {
        Future<String> f = loop.createFuture();
        loop.callSoon(loop::stop);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(f));
        assertEquals("Event loop stopped before Future completed.", e.getMessage());
    }

    /** A future that fails: runUntilComplete throws its exception, and the loop is no longer running. */
    @Test
    void testRunUntilCompleteException() {
        Future<String> f = loop.createFuture();
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        loop.callSoon(() -> f.setException(boom));
        assertSame(boom, assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(f)));
        assertFalse(loop.isRunning());
    }

    /** Port of test_events.py EventLoopTestsMixin.test_run_until_complete_nesting. */
    @Test
    void testRunUntilCompleteNesting() {
        Future<String> outer = loop.createFuture();
        AtomicReference<Throwable> nested = new AtomicReference<>();
        loop.callSoon(() -> {
            try {
                loop.runUntilComplete(loop.createFuture());
            } catch (Throwable e) {
                nested.set(e);
            }
            outer.setResult("done");
        });
        assertEquals("done", loop.runUntilComplete(outer));
        assertEquals("This event loop is already running", nested.get().getMessage());
    }

    /** Running a loop while another one runs on the same thread raises. */
    @Test
    void testRunForeverInsideAnotherLoop() {
        try (EventLoop other = io.jasyncio.Asyncio.newEventLoop(options())) {
            AtomicReference<Throwable> nested = new AtomicReference<>();
            loop.callSoon(() -> {
                try {
                    other.runForever();
                } catch (Throwable e) {
                    nested.set(e);
                }
            });
            runOnce();
            assertEquals("Cannot run the event loop while another loop is running", nested.get().getMessage());
        }
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_default_exc_handler_callback. */
    @Test
    void testDefaultExcHandlerCallback() {
        expectExceptions();
        IllegalStateException boom = new IllegalStateException("boom");
        Handle h = loop.callSoon(() -> {
            throw boom;
        });
        List<String> after = new ArrayList<>();
        loop.callSoon(() -> after.add("still running"));
        runOnce();
        assertEquals(1, handled.size());
        ExceptionContext ctx = handled.get(0);
        assertTrue(ctx.message().startsWith("Exception in callback "), ctx.message());
        assertSame(boom, ctx.exception());
        assertSame(h, ctx.get(ExceptionContext.HANDLE));
        assertEquals(List.of("still running"), after);
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_set_exc_handler_custom. */
    @Test
    void testSetExcHandlerCustom() {
        List<ExceptionContext> mine = new ArrayList<>();
        ExceptionHandler handler = (l, ctx) -> {
            assertSame(loop, l);
            mine.add(ctx);
        };
        loop.setExceptionHandler(handler);
        assertSame(handler, loop.getExceptionHandler());
        loop.callSoon(() -> {
            throw new IllegalArgumentException("zero");
        });
        runOnce();
        assertEquals(1, mine.size());
        assertInstanceOf(IllegalArgumentException.class, mine.get(0).exception());

        loop.setExceptionHandler(null);
        assertNull(loop.getExceptionHandler());
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_set_exc_handler_broken. */
    @Test
    void testSetExcHandlerBroken() {
        List<String> reached = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> {
            reached.add(ctx.message());
            throw new IllegalStateException("handler is broken");
        });
        loop.callSoon(() -> {
            throw new IllegalArgumentException("callback fails");
        });
        loop.callSoon(() -> reached.add("next callback"));
        runOnce(); // the broken handler's failure goes to the default handler (logged), never out of the loop
        assertEquals(2, reached.size());
        assertTrue(reached.get(0).startsWith("Exception in callback"));
        assertEquals("next callback", reached.get(1));
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_default_exc_handler_broken. */
    @Test
    void testDefaultExcHandlerBroken() {
        loop.setExceptionHandler(null);
        Object unprintable = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cannot print me");
            }
        };
        // The default handler fails while formatting the context: the loop logs that and returns normally.
        loop.callExceptionHandler(ExceptionContext.builder("broken").put("protocol", unprintable).build());
        List<String> after = new ArrayList<>();
        loop.callSoon(() -> after.add("loop goes on"));
        runOnce();
        assertEquals(List.of("loop goes on"), after);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_close. */
    @Test
    void testClose() {
        assertFalse(loop.isClosed());
        loop.close();
        assertTrue(loop.isClosed());
        loop.close(); // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> { }));
        assertEquals("Event loop is closed", e.getMessage());
        assertEquals("Event loop is closed", assertThrows(IllegalStateException.class, loop::runForever).getMessage());
        assertEquals("Event loop is closed",
                assertThrows(IllegalStateException.class, () -> loop.callLater(1, () -> { })).getMessage());
        assertEquals("Event loop is closed",
                assertThrows(IllegalStateException.class, () -> loop.callAt(1, () -> { })).getMessage());
        assertEquals("Event loop is closed",
                assertThrows(IllegalStateException.class, () -> loop.callSoonThreadsafe(() -> { })).getMessage());
        assertEquals("Event loop is closed",
                assertThrows(IllegalStateException.class, () -> loop.runInExecutor(null, () -> 1)).getMessage());
        Future<Object> f = new Future<>(loop);
        assertEquals("Event loop is closed",
                assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(f)).getMessage());
    }

    /** Port of test_events.py EventLoopTestsMixin.test_close_running. */
    @Test
    void testCloseRunning() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        loop.callSoon(() -> {
            try {
                loop.close();
            } catch (Throwable e) {
                error.set(e);
            }
        });
        runOnce();
        assertEquals("Cannot close a running event loop", error.get().getMessage());
        assertFalse(loop.isClosed());
    }

    /** Closing drops the pending callbacks and timers: none of them ever runs. */
    @Test
    void testCloseDropsPending() {
        List<String> calls = new ArrayList<>();
        loop.callSoon(() -> calls.add("soon"));
        loop.callLater(0, () -> calls.add("later"));
        loop.callSoonThreadsafe(() -> calls.add("threadsafe"));
        loop.close();
        assertTrue(calls.isEmpty());
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_set_default_executor. */
    @Test
    void testSetDefaultExecutor() {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-executor"));
        try {
            loop.setDefaultExecutor(executor);
            Future<String> f = loop.runInExecutor(null, () -> Thread.currentThread().getName());
            assertEquals("my-executor", loop.runUntilComplete(f));
        } finally {
            executor.shutdownNow();
        }
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_run_in_executor_* : the default executor's threads. */
    @Test
    void testRunInExecutorDefault() {
        Future<String> f = loop.runInExecutor(null, () -> Thread.currentThread().getName());
        assertTrue(loop.runUntilComplete(f).startsWith("asyncio-"));
    }

    /** An executor function that throws completes the future with that exception. */
    @Test
    void testRunInExecutorException() {
        IllegalStateException boom = new IllegalStateException("in executor");
        Future<Object> f = loop.runInExecutor(null, () -> {
            throw boom;
        });
        assertSame(boom, assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(f)));
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_shutdown_default_executor... and the later refusal. */
    @Test
    void testShutdownDefaultExecutor() {
        loop.runUntilComplete(loop.runInExecutor(null, () -> 1));
        Future<Void> shut = loop.shutdownDefaultExecutor();
        assertNull(loop.runUntilComplete(shut));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runInExecutor(null, () -> 1));
        assertEquals("Executor shutdown has been called", e.getMessage());
    }

    /** Shutting down a default executor that was never made completes at once. */
    @Test
    void testShutdownDefaultExecutorNeverCreated() {
        Future<Void> shut = loop.shutdownDefaultExecutor();
        assertTrue(shut.done());
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_call_soon_non_callable: no callback, no handle. */
    @Test
    void testCallSoonNonCallable() {
        loop.setDebug(true);
        assertThrows(NullPointerException.class, () -> loop.callSoon((Runnable) null));
        assertThrows(NullPointerException.class, () -> loop.callSoon((java.util.function.Consumer<String>) null, "x"));
        assertThrows(NullPointerException.class, () -> loop.callSoonThreadsafe(null));
        assertThrows(NullPointerException.class, () -> loop.callLater(1, null));
        assertThrows(NullPointerException.class, () -> loop.callLater(java.time.Duration.ZERO, null));
        assertThrows(NullPointerException.class, () -> loop.callAt(1, null));
        assertThrows(NullPointerException.class, () -> loop.runInExecutor(null, null));
        loop.setDebug(false);
        assertThrows(NullPointerException.class, () -> loop.callSoon((Runnable) null));
        assertThrows(NullPointerException.class, () -> loop.callSoonThreadsafe(null));
    }

    /**
     * Port of test_base_events.py BaseEventLoopTests.test_call_later ("delay must not be None") and
     * test_time_and_call_at ("when cannot be None"): NaN is no time.
     */
    @Test
    void testCallLaterNotATime() {
        assertThrows(IllegalArgumentException.class, () -> loop.callLater(Double.NaN, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> loop.callAt(Double.NaN, () -> { }));
        assertEquals(Long.MAX_VALUE, ((io.jasyncio.internal.BaseEventLoop) loop).nextTimerNanos(), "nothing scheduled");
    }

    /**
     * Port of test_base_events.py BaseEventLoopTests.test_run_until_complete_loop_orphan_future_close_loop: an error
     * that escapes the loop (SystemExit there, a JVM error here) leaves no stop() behind on the first future, so a
     * second runUntilComplete runs to its own future.
     */
    @Test
    void testRunUntilCompleteLoopOrphanFutureCloseLoop() {
        Future<String> first = loop.createFuture();
        InternalError showStopper = new InternalError("show stopper");
        loop.callSoon(() -> {
            throw showStopper;
        });
        assertSame(showStopper, assertThrows(InternalError.class, () -> loop.runUntilComplete(first)));
        assertFalse(loop.isRunning());

        Future<String> second = loop.createFuture();
        loop.callSoon(() -> first.setResult("done first")); // its stop() callback must be gone
        loop.callSoon(() -> loop.callSoon(() -> loop.callSoon(() -> second.setResult("done second"))));
        assertEquals("done second", loop.runUntilComplete(second));
    }

    /**
     * Port of test_base_events.py BaseEventLoopTests.test_run_until_complete_baseexception: after an error escaped
     * runUntilComplete, no pending stop() cuts the next runForever short.
     */
    @Test
    void testRunUntilCompleteBaseexception() {
        Future<String> f = loop.createFuture();
        loop.callSoon(() -> f.setResult("set"));
        loop.callSoon(() -> {
            throw new InternalError("escapes");
        });
        assertThrows(InternalError.class, () -> loop.runUntilComplete(f));
        assertTrue(f.done());
        List<String> calls = new ArrayList<>();
        loop.callSoon(() -> loop.callSoon(() -> {
            calls.add("func");
            loop.stop();
        }));
        loop.runForever();
        assertEquals(List.of("func"), calls);
    }

    /**
     * The future finishes in the iteration that an explicit stop() ends: runUntilComplete returns its result, and its
     * stop callback, already scheduled, does not cut the next run short.
     */
    @Test
    void testRunUntilCompleteLeavesNoStaleStop() {
        Future<String> f = loop.createFuture();
        loop.callSoon(() -> {
            f.setResult("done");
            loop.stop();
        });
        assertEquals("done", loop.runUntilComplete(f));
        List<String> calls = new ArrayList<>();
        loop.callSoon(() -> loop.callSoon(() -> {
            calls.add("second iteration");
            loop.stop();
        }));
        loop.runForever();
        assertEquals(List.of("second iteration"), calls);
    }

    /**
     * Port of test_base_events.py BaseEventLoopTests.test_default_exc_handler_callback, both halves: call_soon and
     * call_later callbacks that fail are logged by the default handler, with the exception, and the loop goes on.
     */
    @Test
    void testDefaultExcHandlerCallbackLogged() {
        loop.setExceptionHandler(null);
        try (LogCapture log = new LogCapture()) {
            Future<Boolean> f = loop.createFuture();
            loop.callSoon(() -> {
                f.setResult(true);
                throw new ArithmeticException("/ by zero (soon)");
            });
            loop.runUntilComplete(f);
            Future<Boolean> g = loop.createFuture();
            loop.callLater(0.01, () -> {
                g.setResult(true);
                throw new ArithmeticException("/ by zero (later)");
            });
            ticker.advance(0.01);
            loop.runUntilComplete(g);
            String text = log.text();
            assertTrue(text.contains("ERROR asyncio - Exception in callback lambda in "), text);
            assertTrue(text.contains("handle: <Handle lambda in "), text);
            assertTrue(text.contains("handle: <TimerHandle when=0.01 lambda in "), text);
            assertTrue(text.contains("java.lang.ArithmeticException: / by zero (soon)"), text);
            assertTrue(text.contains("java.lang.ArithmeticException: / by zero (later)"), text);
        }
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_set_exc_handler_broken: the log names the handler's fault. */
    @Test
    void testSetExcHandlerBrokenLogged() {
        loop.setExceptionHandler((l, ctx) -> {
            throw new UnsupportedOperationException("spam");
        });
        try (LogCapture log = new LogCapture()) {
            loop.callSoon(() -> {
                throw new ArithmeticException("zero");
            });
            runOnce();
            String text = log.text();
            assertTrue(text.contains("ERROR asyncio - Unhandled error in exception handler"), text);
            assertTrue(text.contains("java.lang.UnsupportedOperationException: spam"), text);
            assertTrue(text.contains("context: "), text);
        }
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_env_var_debug: -Djasyncio.debug=true turns debug on. */
    @Test
    void testEnvVarDebug() {
        String saved = System.getProperty("jasyncio.debug");
        try {
            System.setProperty("jasyncio.debug", "true");
            try (EventLoop debugLoop = io.jasyncio.Asyncio.newEventLoop(io.jasyncio.LoopOptions.defaults())) {
                assertTrue(debugLoop.getDebug());
            }
            System.setProperty("jasyncio.debug", "false");
            if (!io.jasyncio.LoopOptions.debugFromEnvironment()) { // JASYNCIO_DEBUG may be set around the build
                try (EventLoop plain = io.jasyncio.Asyncio.newEventLoop(io.jasyncio.LoopOptions.defaults())) {
                    assertFalse(plain.getDebug());
                }
            }
        } finally {
            if (saved == null) {
                System.clearProperty("jasyncio.debug");
            } else {
                System.setProperty("jasyncio.debug", saved);
            }
        }
    }

    /** Port of test_base_events.py BaseEventLoopTests.test__add_callback_handle: a handle goes to ready, not timers. */
    @Test
    void testAddCallbackHandle() {
        io.jasyncio.internal.BaseEventLoop base = (io.jasyncio.internal.BaseEventLoop) loop;
        assertTrue(base.isIdle());
        loop.callSoon(() -> { });
        assertFalse(base.isIdle());
        assertEquals(Long.MAX_VALUE, base.nextTimerNanos());
        runOnce();
        assertTrue(base.isIdle());
    }
}
