/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import io.jasyncio.tests.Gc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.lang.ref.WeakReference;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Coroutine objects never awaited nor scheduled (the guide's "Detect coroutine objects never scheduled"). */
class NeverAwaitedCheckTest extends DebugTestBase {

    /** A coroutine function: each call makes a new coroutine object. */
    static Coroutine<String> named(String name) {
        return Asyncio.coroutine(name, () -> name);
    }

    /** Makes a coroutine object inside a task and drops it; returns a weak reference to it. */
    private WeakReference<Coroutine<String>> forget(String name) {
        return run(() -> new WeakReference<>(named(name)));
    }

    @Test
    void testNeverAwaitedLoggedWithCreationSite() {
        forget("forgotten");
        awaitLog("coroutine 'forgotten' was never awaited");
        String log = log();
        assertTrue(log.contains("WARN asyncio - coroutine 'forgotten' was never awaited\n"
                + "Coroutine created at (most recent call first):\n"
                + "\tat io.jasyncio.tests.debug.NeverAwaitedCheckTest.named(NeverAwaitedCheckTest.java:"), log);
        assertTrue(log.contains("\tat io.jasyncio.tests.debug.NeverAwaitedCheckTest.lambda$forget$"), log);
    }

    /** Awaited, or handed to a task, or to gather: consumed, never logged. */
    @Test
    void testAwaitedOrScheduledNotLogged() {
        WeakReference<?>[] refs = run(() -> {
            Coroutine<String> awaited = named("awaited");
            Coroutine<String> scheduled = named("scheduled");
            Coroutine<String> gathered = named("gathered");
            assertEquals("awaited", Asyncio.await(awaited));
            assertEquals("scheduled", Asyncio.await(Asyncio.createTask(scheduled)));
            assertEquals(java.util.List.of("gathered"), Asyncio.await(Asyncio.gather(gathered)));
            return new WeakReference<?>[] {new WeakReference<>(awaited), new WeakReference<>(scheduled),
                    new WeakReference<>(gathered)};
        });
        forget("sentinel");
        awaitLog("coroutine 'sentinel' was never awaited");
        assertTrue(Gc.until(() -> refs[0].get() == null && refs[1].get() == null && refs[2].get() == null));
        String log = log();
        assertFalse(log.contains("'awaited'") || log.contains("'scheduled'") || log.contains("'gathered'"), log);
    }

    /** With debug mode off nothing is followed. */
    @Test
    void testDebugOffNotLogged() {
        loop.setDebug(false);
        WeakReference<Coroutine<String>> quiet = forget("quiet");
        loop.setDebug(true);
        forget("sentinel");
        awaitLog("coroutine 'sentinel' was never awaited");
        assertTrue(Gc.until(() -> quiet.get() == null));
        assertFalse(log().contains("'quiet'"), log());
    }

    /** A coroutine object runs once, as asyncio's; a task's repr names it. */
    @Test
    void testReuseRefusedAndTaskRepr() {
        Coroutine<String> coro = named("once");
        Task<String> task = loop.createTask(coro);
        assertTrue(task.toString().contains("coro=once()"), task.toString());
        assertEquals("once", loop.runUntilComplete(task));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(() -> Asyncio.await(coro)));
        assertEquals("cannot reuse already awaited coroutine once()", e.getMessage());
    }

    /** Makes a coroutine object where no loop runs, with -Djasyncio.debug set as given, and drops it. */
    private static WeakReference<Coroutine<String>> forgetOutsideLoop(String name, boolean debugByDefault) {
        String saved = System.getProperty("jasyncio.debug");
        System.setProperty("jasyncio.debug", String.valueOf(debugByDefault));
        try {
            return new WeakReference<>(named(name));
        } finally {
            if (saved == null) {
                System.clearProperty("jasyncio.debug");
            } else {
                System.setProperty("jasyncio.debug", saved);
            }
        }
    }

    /** The seed's own example: a coroutine object made where no loop runs, with debug mode on by default. */
    @Test
    void testOutsideLoopFollowedWhenDebugByDefault() {
        forgetOutsideLoop("outside", true);
        awaitLog("coroutine 'outside' was never awaited");
        assertTrue(log().contains("coroutine 'outside' was never awaited\n"
                + "Coroutine created at (most recent call first):\n"
                + "\tat io.jasyncio.tests.debug.NeverAwaitedCheckTest.named(NeverAwaitedCheckTest.java:"), log());
        assertTrue(log().contains("\tat io.jasyncio.tests.debug.NeverAwaitedCheckTest.forgetOutsideLoop("), log());
    }

    /** Where no loop runs and debug mode is off by default, nothing is followed. */
    @Test
    void testOutsideLoopNotFollowedWhenDebugOffByDefault() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("JASYNCIO_DEBUG") == null);
        WeakReference<Coroutine<String>> quiet = forgetOutsideLoop("quiet-outside", false);
        forget("sentinel");
        awaitLog("coroutine 'sentinel' was never awaited");
        assertTrue(Gc.until(() -> quiet.get() == null));
        assertFalse(log().contains("'quiet-outside'"), log());
    }

    /** Runs the function on the caller's thread: the future's result is copied on the loop's next iteration. */
    private static final Executor INLINE = Runnable::run;

    /**
     * The loop's cross-thread inbox keeps its last handle (the consumed stub) with its callback, which holds the
     * executor job and its future: one more cross-thread callback takes its place.
     */
    private void releaseInbox() {
        Future<Void> passed = loop.createFuture();
        loop.callSoonThreadsafe(() -> passed.setResult(null));
        Asyncio.await(passed);
    }

    /** Calls an {@code async def} loop method and drops its future without awaiting it. */
    private WeakReference<Future<String>> forgetLoopFuture() {
        return new WeakReference<>(loop.runInExecutor(INLINE, () -> "forgotten"));
    }

    /** A future of an {@code async def} loop method that nobody awaits is reported, with where it was returned. */
    @Test
    void testLoopFutureNeverAwaitedLogged() {
        WeakReference<Future<String>> awaited = run(() -> {
            WeakReference<Future<String>> forgotten = forgetLoopFuture();
            Future<String> used = loop.runInExecutor(INLINE, () -> "awaited");
            // One FIFO order: once this result is in, the forgotten one's was copied, and nothing holds it any more.
            assertEquals("awaited", Asyncio.await(used));
            assertTrue(forgotten.get() == null || forgotten.get().done());
            releaseInbox();
            return new WeakReference<>(used);
        });
        awaitLog("future returned by loop.runInExecutor() was never awaited");
        assertTrue(Gc.until(() -> awaited.get() == null));
        String log = log();
        assertTrue(log.contains("WARN asyncio - future returned by loop.runInExecutor() was never awaited\n"
                + "Future returned at (most recent call first):\n"
                + "\tat io.jasyncio.tests.debug.NeverAwaitedCheckTest.forgetLoopFuture(NeverAwaitedCheckTest.java:"),
                log);
        assertEquals(log.indexOf("future returned by"), log.lastIndexOf("future returned by"), log);
    }

    /** A callback, a read of the result or a cancel counts as using the future; with debug mode off nothing is
     * followed. */
    @Test
    void testLoopFutureUsedOrDebugOffNotLogged() {
        WeakReference<?>[] refs = run(() -> {
            Future<String> withCallback = loop.runInExecutor(INLINE, () -> "callback");
            withCallback.addDoneCallback(f -> { });
            Future<String> cancelled = loop.runInExecutor(INLINE, () -> "cancelled");
            cancelled.cancel();
            loop.setDebug(false);
            Future<String> quiet = loop.runInExecutor(INLINE, () -> "quiet");
            loop.setDebug(true);
            Future<String> read = loop.runInExecutor(INLINE, () -> "read");
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            assertEquals("read", read.result());
            assertTrue(quiet.done());
            releaseInbox();
            return new WeakReference<?>[] {new WeakReference<>(withCallback), new WeakReference<>(cancelled),
                    new WeakReference<>(quiet), new WeakReference<>(read)};
        });
        run(() -> {
            forgetLoopFuture(); // the sentinel
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            releaseInbox();
            return null;
        });
        awaitLog("future returned by loop.runInExecutor() was never awaited");
        for (WeakReference<?> ref : refs) {
            assertTrue(Gc.until(() -> ref.get() == null));
        }
        String log = log();
        assertEquals(log.indexOf("future returned by"), log.lastIndexOf("future returned by"), log);
    }
}
