/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import org.junit.jupiter.api.Test;

/**
 * Slow callbacks, task steps and iterations, timed on the mock ticker: the callbacks "take" time by moving it. Ports of
 * test_base_events.py BaseEventLoopTests.test_log_slow_callbacks are in DebugModeTest; these add task steps and
 * iterations.
 */
class SlowCallbackCheckTest extends DebugTestBase {

    /** A slow callback: asyncio's message with the handle and the duration. */
    @Test
    void testSlowCallbackLogged() {
        loop.callSoon(() -> ticker.advance(0.15));
        runOnce();
        // asyncio's repr of a debug handle names where it was made: <Handle ... created at file:line>
        assertTrue(log().contains("WARN asyncio - Executing <Handle lambda in io.jasyncio.tests.debug."
                + "SlowCallbackCheckTest created at SlowCallbackCheckTest.java:"), log());
        assertTrue(log().contains("> took 0.150 seconds"), log());
    }

    /** A slow task step is named by the task, as asyncio's _format_handle does. */
    @Test
    void testSlowTaskStepNamesTheTask() {
        Task<String> task = loop.createTask(() -> {
            ticker.advance(0.2);
            Asyncio.sleep(0);
            return "done";
        }, "slow-step");
        runOnce();
        assertTrue(log().contains("Executing <Task pending name='slow-step' coro=lambda in "
                + "io.jasyncio.tests.debug.SlowCallbackCheckTest created at SlowCallbackCheckTest.java:"), log());
        assertTrue(log().contains("> took 0.200 seconds"), log());
        runOnce();
        assertTrue(task.done());
    }

    /** Many callbacks, each fast, that make one slow iteration: logged once for the iteration. */
    @Test
    void testSlowIterationOfFastCallbacks() {
        for (int i = 0; i < 4; i++) {
            loop.callSoon(() -> ticker.advance(0.03));
        }
        runOnce();
        assertTrue(log().contains("WARN asyncio - Executing 4 callbacks took 0.120 seconds"), log());
        assertFalse(log().contains("Executing <Handle"), log());
    }

    /** An iteration with a slow callback is told once, by the callback. */
    @Test
    void testSlowCallbackNotRepeatedForItsIteration() {
        loop.callSoon(() -> ticker.advance(0.15));
        loop.callSoon(() -> ticker.advance(0.01));
        runOnce();
        assertTrue(log().contains("Executing <Handle"), log());
        assertFalse(log().contains("callbacks took"), log());
    }

    /** Under the threshold, nothing; with debug mode off, nothing at all. */
    @Test
    void testNothingWhenFastOrDebugOff() {
        loop.callSoon(() -> ticker.advance(0.05));
        loop.callSoon(() -> ticker.advance(0.04));
        runOnce();
        assertFalse(log().contains("Executing"), log());
        loop.setDebug(false);
        loop.callSoon(() -> ticker.advance(0.5));
        loop.callSoon(() -> ticker.advance(0.5));
        runOnce();
        assertFalse(log().contains("Executing"), log());
    }

    /** The threshold is the loop's slowCallbackDuration. */
    @Test
    void testThresholdFollowsTheLoop() {
        loop.setSlowCallbackDuration(1.0);
        loop.callSoon(() -> ticker.advance(0.5));
        runOnce();
        assertFalse(log().contains("Executing"), log());
        loop.setSlowCallbackDuration(0.25);
        loop.callSoon(() -> ticker.advance(0.5));
        runOnce();
        assertTrue(log().contains("took 0.500 seconds"), log());
    }
}
