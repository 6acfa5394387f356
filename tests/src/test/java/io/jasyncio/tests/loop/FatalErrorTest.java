/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import io.jasyncio.tests.Gc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Task;
import io.jasyncio.TaskFactory;
import io.jasyncio.tests.LoopTestBase;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The fatal-error policy (package documentation of {@code io.jasyncio}, "Fatal errors"): a {@link java.lang.Error},
 * asyncio's KeyboardInterrupt or SystemExit, is not reported to the exception handler but leaves the loop, from a
 * callback as from a task; a {@link StackOverflowError} is reported as an exception.
 */
class FatalErrorTest extends LoopTestBase {

    /** An error of the tests' own, thrown where the JVM would throw an OutOfMemoryError. */
    static final class Fatal extends Error {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message);
        }
    }

    /** A callback's error leaves runForever unreported; the callbacks queued after it wait for the next run. */
    @Test
    void testCallbackErrorLeavesTheLoop() {
        Fatal fatal = new Fatal("callback");
        List<String> calls = new ArrayList<>();
        loop.callSoon(() -> {
            throw fatal;
        });
        loop.callSoon(() -> calls.add("after"));
        assertSame(fatal, assertThrows(Fatal.class, loop::runForever));
        assertFalse(loop.isRunning());
        assertEquals(List.of(), calls);
        runOnce();
        assertEquals(List.of("after"), calls);
        assertTrue(handled.isEmpty());
    }

    /** A future's done callback is a callback too. */
    @Test
    void testDoneCallbackErrorLeavesTheLoop() {
        Fatal fatal = new Fatal("done callback");
        io.jasyncio.Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> {
            throw fatal;
        });
        f.setResult("ok");
        assertSame(fatal, assertThrows(Fatal.class, loop::runForever));
        assertTrue(handled.isEmpty());
    }

    /** A stack overflow is the callback's own fault: reported, as asyncio reports a RecursionError. */
    @Test
    void testStackOverflowIsReported() {
        expectExceptions();
        StackOverflowError overflow = new StackOverflowError();
        loop.callSoon(() -> {
            throw overflow;
        });
        runOnce();
        assertEquals(1, handled.size());
        assertSame(overflow, handled.get(0).exception());
    }

    /** A task's error stays its exception and leaves the loop; a task awaiting it gets it, and lets it out again. */
    @Test
    void testTaskErrorLeavesTheLoop() {
        Fatal fatal = new Fatal("task");
        Task<Object> task = loop.createTask(() -> {
            Asyncio.sleep(0);
            throw fatal;
        });
        Task<Object> waiter = loop.createTask(() -> Asyncio.await(task));
        assertSame(fatal, assertThrows(Fatal.class, loop::runForever));
        assertTrue(task.done());
        assertSame(fatal, task.exception());
        assertFalse(waiter.done());
        assertSame(fatal, assertThrows(Fatal.class, () -> loop.runUntilComplete(waiter)));
        assertSame(fatal, waiter.exception());
        assertTrue(handled.isEmpty());
    }

    /** A task's error leaves the loop on the virtual-thread path as on the continuation path, before any await. */
    @Test
    void testTaskErrorBeforeAwait() {
        Fatal fatal = new Fatal("first step");
        assertSame(fatal, assertThrows(Fatal.class, () -> loop.runUntilComplete(() -> {
            throw fatal;
        })));
        assertTrue(handled.isEmpty());
    }

    /**
     * Port of test_base_events.py BaseEventLoopTests.test_run_until_complete_baseexception, as it is written there,
     * with a coroutine (BaseEventLoopTest has the callback form): after the error left runUntilComplete, no pending
     * stop() cuts the next runForever short.
     */
    @Test
    void testRunUntilCompleteBaseexception() {
        assertThrows(Fatal.class, () -> loop.runUntilComplete(() -> {
            throw new Fatal("keyboard interrupt");
        }));
        boolean[] called = {false};
        loop.callSoon(() -> loop.callSoon(() -> {
            loop.stop();
            called[0] = true;
        }));
        loop.runForever();
        assertTrue(called[0]);
    }

    /**
     * Port of test_base_events.py BaseEventLoopTests.test_run_forever_keyboard_interrupt: the task that
     * runUntilComplete made for the coroutine consumes the error it let out, so nothing is reported about it, not
     * even once the loop is closed and the task collected.
     */
    @Test
    void testRunForeverKeyboardInterrupt() {
        List<ExceptionContext> reports = new CopyOnWriteArrayList<>();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        List<WeakReference<Task<?>>> made = new ArrayList<>();
        loop.setTaskFactory(new TaskFactory() {
            @Override
            public <T> Task<T> createTask(EventLoop l, Coroutine<T> coro, String name) {
                Task<T> t = new Task<>(coro, l, name, false);
                made.add(new WeakReference<>(t));
                return t;
            }
        });
        try {
            loop.runUntilComplete(() -> {
                throw new Fatal("keyboard interrupt");
            });
        } catch (Fatal expected) {
            // as the original's except KeyboardInterrupt: pass
        }
        loop.close();
        assertTrue(Gc.until(() -> made.get(0).get() == null));
        // A failure dropped after it is reported once the cleaner has had its turn for the task too.
        dropFailedFuture();
        assertTrue(Gc.until(() -> !reports.isEmpty()));
        assertEquals(1, reports.size(), () -> "reported: " + reports);
        assertEquals("sentinel", reports.get(0).exception().getMessage());
    }

    private void dropFailedFuture() {
        io.jasyncio.Future<Object> f = new io.jasyncio.Future<>(loop);
        f.setException(new IllegalStateException("sentinel"));
    }


    /** An exception handler that throws an error lets it out of the loop, unreported. */
    @Test
    void testExceptionHandlerErrorLeavesTheLoop() {
        Fatal fatal = new Fatal("handler");
        loop.setExceptionHandler((l, context) -> {
            throw fatal;
        });
        loop.callSoon(() -> {
            throw new IllegalStateException("ordinary");
        });
        assertSame(fatal, assertThrows(Fatal.class, loop::runForever));
    }

    /** The error is thrown as it is, whatever its class: an AssertionError too. */
    @Test
    void testAssertionErrorLeavesTheLoop() {
        loop.callSoon(() -> {
            throw new AssertionError("assert");
        });
        assertInstanceOf(AssertionError.class, assertThrows(AssertionError.class, loop::runForever));
        assertTrue(handled.isEmpty());
    }
}
