/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.ExceptionContext;
import io.jasyncio.Handle;
import io.jasyncio.TimerHandle;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_events.py HandleTests and TimerTests, on handles the loop under test made. */
class HandleTest extends LoopTestBase {

    /** A callback with a fixed description, as asyncio's tests use a named function. */
    private static final class Noop implements Runnable {
        @Override
        public void run() {
        }
    }

    /** Port of test_events.py HandleTests.test_handle. */
    @Test
    void testHandle() {
        Handle h = loop.callSoon(new Noop());
        assertFalse(h.cancelled());
        h.cancel();
        assertTrue(h.cancelled());
        h.cancel(); // a second cancel changes nothing
        assertTrue(h.cancelled());
    }

    /** Port of test_events.py HandleTests.test_callback_with_exception: run() reports, never throws. */
    @Test
    void testCallbackWithException() {
        expectExceptions();
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Handle h = loop.callSoon(() -> {
            throw boom;
        });
        runOnce();
        assertEquals(1, handled.size());
        ExceptionContext ctx = handled.get(0);
        assertTrue(ctx.message().startsWith("Exception in callback "), ctx.message());
        assertSame(boom, ctx.exception());
        assertSame(h, ctx.get(ExceptionContext.HANDLE));
        assertEquals(java.util.Set.of("message", "exception", "handle"), ctx.asMap().keySet());
    }

    /** Port of test_events.py HandleTests.test_handle_repr: the callback named, then "cancelled" alone. */
    @Test
    void testHandleRepr() {
        Handle h = loop.callSoon(new Noop());
        assertEquals("<Handle " + Noop.class.getName() + ">", h.toString());
        h.cancel();
        assertEquals("<Handle cancelled>", h.toString());

        Handle lambda = loop.callSoon(() -> { });
        assertEquals("<Handle lambda in " + HandleTest.class.getName() + ">", lambda.toString());
        lambda.cancel();
    }

    /** Port of test_events.py TimerTests.test_when. */
    @Test
    void testWhen() {
        ticker.advance(12.5);
        TimerHandle h = loop.callLater(1.25, new Noop());
        assertEquals(13.75, h.when(), 1e-9);
        assertEquals(13_750_000_000L, h.whenNanos());
        assertEquals(100.0, loop.callAt(100, new Noop()).when(), 0.0);
    }

    /** Port of test_events.py TimerTests.test_timer: cancelling drops the callback; a cancelled timer never runs. */
    @Test
    void testTimer() {
        List<String> calls = new ArrayList<>();
        TimerHandle h = loop.callLater(0, () -> calls.add("timer"));
        assertFalse(h.cancelled());
        assertTrue(h.isScheduled());
        h.cancel();
        assertTrue(h.cancelled());
        runOnce();
        assertTrue(calls.isEmpty());
        assertFalse(h.isScheduled(), "a cancelled timer at the head is purged");
    }

    /** Port of test_events.py TimerTests.test_timer_repr: {@code when=} first, or after "cancelled". */
    @Test
    void testTimerRepr() {
        TimerHandle h = loop.callAt(123, new Noop());
        assertEquals("<TimerHandle when=123.0 " + Noop.class.getName() + ">", h.toString());
        h.cancel();
        assertEquals("<TimerHandle cancelled when=123.0>", h.toString());
    }

    /**
     * Port of test_events.py TimerTests.test_timer_comparison: ordered by deadline; equal deadlines by scheduling
     * order (asyncio leaves them equal, we keep the order in which they were made).
     */
    @Test
    void testTimerComparison() {
        TimerHandle h1 = loop.callAt(10, new Noop());
        TimerHandle h2 = loop.callAt(10, new Noop());
        TimerHandle h3 = loop.callAt(20, new Noop());
        assertTrue(h1.compareTo(h2) < 0);
        assertTrue(h2.compareTo(h1) > 0);
        assertEquals(0, h1.compareTo(h1));
        assertTrue(h2.compareTo(h3) < 0);
        assertTrue(h3.compareTo(h1) > 0);
    }

    /** A handle belongs to the loop that made it; so does a timer handle. */
    @Test
    void testGetLoop() {
        assertSame(loop, loop.callSoon(new Noop()).getLoop());
        assertSame(loop, loop.callLater(1, new Noop()).getLoop());
        assertSame(loop, loop.callSoonThreadsafe(new Noop()).getLoop());
    }

    /** A handle cancelled after its callback ran stays cancelled and does not run again. */
    @Test
    void testCancelAfterRun() {
        List<String> calls = new ArrayList<>();
        Handle h = loop.callSoon(() -> calls.add("once"));
        runOnce();
        h.cancel();
        assertTrue(h.cancelled());
        runOnce();
        assertEquals(List.of("once"), calls);
    }
}
