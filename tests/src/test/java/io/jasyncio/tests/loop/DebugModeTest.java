/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.LoopOptions;
import io.jasyncio.tests.LoopTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debug mode's slow-callback log (the "Develop with asyncio" guide's slow_callback_duration): ports of
 * test_base_events.py BaseEventLoopTests.test_log_slow_callbacks. The {@code asyncio} logger writes to System.err in
 * the tests (slf4j-simple); each test captures it.
 */
class DebugModeTest extends LoopTestBase {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @Override
    protected LoopOptions options() {
        return super.options().withDebug(true);
    }

    @BeforeEach
    void captureLog() {
        savedErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(savedErr);
    }

    private String log() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_log_slow_callbacks: a slow callback is named. */
    @Test
    void testLogSlowCallbacks() {
        loop.setSlowCallbackDuration(0.1);
        loop.callSoon(new Runnable() {
            @Override
            public void run() {
                ticker.advance(0.25); // the callback "takes" 250 ms of loop time
            }

            @Override
            public String toString() {
                return "slow-one";
            }
        });
        runOnce();
        String log = log();
        assertTrue(log.contains("Executing <Handle "), log);
        assertTrue(log.contains("took 0.250 seconds"), log);
    }

    /** A callback under the threshold, or any callback with debug mode off, is not logged. */
    @Test
    void testNoLogWhenFastOrDebugOff() {
        loop.setSlowCallbackDuration(0.1);
        loop.callSoon(() -> ticker.advance(0.05));
        runOnce();
        assertFalse(log().contains("Executing"), log());
        loop.setDebug(false);
        loop.callSoon(() -> ticker.advance(0.5));
        runOnce();
        assertFalse(log().contains("Executing"), log());
    }
}
