/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.tests.LoopTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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

    /** A slow timer callback is named as a TimerHandle, with its deadline. */
    @Test
    void testLogSlowTimerCallback() {
        loop.setSlowCallbackDuration(0.1);
        loop.callLater(1, () -> ticker.advance(0.5));
        ticker.advance(1);
        runOnce();
        String log = log();
        assertTrue(log.contains("WARN asyncio - Executing <TimerHandle when=1.0 lambda in "), log);
        assertTrue(log.contains("took 0.500 seconds"), log);
    }

    /** The threshold comes from the options, and can be changed on the loop. */
    @Test
    void testSlowCallbackDurationOption() {
        try (EventLoop other = Asyncio.newEventLoop(options().withSlowCallbackDuration(0.5))) {
            assertEquals(0.5, other.getSlowCallbackDuration());
            other.setSlowCallbackDuration(0.25);
            assertEquals(0.25, other.getSlowCallbackDuration());
        }
        assertEquals(LoopOptions.DEFAULT_SLOW_CALLBACK_DURATION, loop.getSlowCallbackDuration());
    }

    /** In debug mode, another thread may still schedule on a loop that is not running: no thread owns it yet. */
    @Test
    void testCheckThreadLoopNotRunning() throws Exception {
        List<String> calls = new ArrayList<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                loop.callSoon(() -> calls.add("soon"));
                loop.callAt(0, () -> calls.add("at"));
            } catch (Throwable e) {
                error.set(e);
            }
        });
        t.start();
        t.join();
        assertNull(error.get());
        runOnce();
        assertEquals(List.of("soon", "at"), calls);
    }

    /** callSoonThreadsafe is never checked: debug mode lets any thread use it while the loop runs. */
    @Test
    void testCallSoonThreadsafeNotChecked() {
        Future<String> f = loop.createFuture();
        loop.callSoon(() -> new Thread(() -> loop.callSoonThreadsafe(() -> f.setResult("ok"))).start());
        assertEquals("ok", loop.runUntilComplete(f));
    }
}
