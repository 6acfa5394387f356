/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import java.lang.ref.WeakReference;
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
        assertTrue(gcUntil(() -> refs[0].get() == null && refs[1].get() == null && refs[2].get() == null));
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
        assertTrue(gcUntil(() -> quiet.get() == null));
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
        assertTrue(gcUntil(() -> quiet.get() == null));
        assertFalse(log().contains("'quiet-outside'"), log());
    }
}
