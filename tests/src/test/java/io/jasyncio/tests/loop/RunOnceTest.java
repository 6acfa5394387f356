/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.EventLoop;
import io.jasyncio.TimerHandle;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The I/O poll timeout that one iteration chooses (asyncio's {@code _run_once}), observed through an interceptor's
 * {@code beforePoll}: ports of test_base_events.py's tests that inspect {@code selector.select}'s argument. The
 * recorder stops the loop in {@code beforePoll}, so a long timeout is recorded but never waited for.
 */
class RunOnceTest extends LoopTestBase {
    private static final long DAY = TimeUnit.DAYS.toNanos(1);

    /** Records each poll's timeout; may stop the loop before the poll so that the poll does not block. */
    private static final class PollRecorder implements LoopInterceptor {
        final List<Long> timeouts = new ArrayList<>();
        private final boolean stopBeforePoll;

        PollRecorder(boolean stopBeforePoll) {
            this.stopBeforePoll = stopBeforePoll;
        }

        @Override
        public void beforePoll(EventLoop l, long timeoutNanos) {
            timeouts.add(timeoutNanos);
            if (stopBeforePoll) {
                l.stop();
            }
        }
    }

    private final PollRecorder polls = new PollRecorder(true);

    @BeforeEach
    void record() {
        loop.addInterceptor(polls);
    }

    /** Port of test_base_events.py BaseEventLoopTests.test__run_once: a cancelled head is purged, not waited for. */
    @Test
    void testRunOnce() {
        TimerHandle h1 = loop.callLater(5, () -> { });
        TimerHandle h2 = loop.callLater(10, () -> { });
        h1.cancel();
        loop.runForever();
        assertEquals(List.of(TimeUnit.SECONDS.toNanos(10)), polls.timeouts);
        assertFalse(h1.isScheduled());
        assertTrue(h2.isScheduled());
    }

    /** Port of test_base_events.py BaseEventLoopTests.test_run_forever_pre_stopped: one poll, with timeout 0. */
    @Test
    void testRunForeverPreStopped() {
        loop.callLater(10, () -> { });
        loop.removeInterceptor(polls);
        PollRecorder quiet = new PollRecorder(false); // no stop() there: the one before runForever must suffice
        loop.addInterceptor(quiet);
        loop.stop();
        loop.runForever();
        assertEquals(List.of(0L), quiet.timeouts);
    }

    /** With nothing ready and no timer, the poll waits without a limit (-1), until I/O or a wake-up. */
    @Test
    void testNoTimerPollsWithoutLimit() {
        loop.runForever();
        assertEquals(List.of(-1L), polls.timeouts);
    }

    /** A ready callback, or one from another thread in the inbox, makes the poll return at once. */
    @Test
    void testReadyWorkPollsWithoutWaiting() throws Exception {
        loop.callLater(10, () -> { });
        loop.callSoon(() -> { });
        loop.runForever();
        Thread t = new Thread(() -> loop.callSoonThreadsafe(() -> { }));
        t.start();
        t.join();
        loop.runForever();
        assertEquals(List.of(0L, 0L), polls.timeouts);
    }

    /** asyncio's MAXIMUM_SELECT_TIMEOUT: a timer far away is waited for at most one day at a time. */
    @Test
    void testTimeoutCappedAtOneDay() {
        loop.callLater(1e7, () -> { });
        loop.runForever();
        assertEquals(List.of(DAY), polls.timeouts);
    }

    /** A deadline far in the past (even minus infinity) is due now: the poll does not wait, the callback runs. */
    @Test
    void testCallAtFarPast() {
        ticker.advance(5);
        List<String> calls = new ArrayList<>();
        loop.callAt(Double.NEGATIVE_INFINITY, () -> calls.add("-inf"));
        loop.callAt(-1e300, () -> calls.add("-1e300"));
        loop.runForever();
        assertEquals(List.of(0L), polls.timeouts);
        assertEquals(List.of("-inf", "-1e300"), calls);
    }

    /** The timeout runs to the first live timer, measured from the loop's clock at the start of the iteration. */
    @Test
    void testTimeoutFollowsTheClock() {
        loop.callLater(2, () -> { });
        ticker.advance(0.5);
        loop.runForever();
        ticker.advance(1.25);
        loop.runForever();
        assertEquals(List.of(1_500_000_000L, 250_000_000L), polls.timeouts);
    }

    /**
     * The purge thresholds of test_base_events.py BaseEventLoopTests.test__run_once_cancelled_event_cleanup, at their
     * edges: cancelled timers behind a live head are all dropped only when there are over 100 timers and over half of
     * them are cancelled (asyncio's _MIN_SCHEDULED_TIMER_HANDLES and _MIN_CANCELLED_TIMER_HANDLES_FRACTION).
     */
    @Test
    void testCancelledTimerPurgeThresholds() {
        assertPurged(100, 99, false); // not over 100 timers
        assertPurged(102, 51, false); // exactly half cancelled
        assertPurged(101, 51, true);
        assertPurged(1000, 501, true);
    }

    /** Schedules {@code total} timers behind a live head, cancels {@code cancelled} of them, runs one iteration. */
    private void assertPurged(int total, int cancelled, boolean expectPurge) {
        List<TimerHandle> timers = new ArrayList<>();
        TimerHandle head = loop.callLater(1, () -> { });
        timers.add(head);
        for (int i = 1; i < total; i++) {
            timers.add(loop.callLater(10 + i, () -> { }));
        }
        for (int i = 0; i < cancelled; i++) {
            timers.get(total - 1 - i).cancel();
        }
        loop.runForever();
        for (int i = 0; i < total; i++) {
            TimerHandle t = timers.get(i);
            boolean purged = t.cancelled() && expectPurge;
            assertEquals(!purged, t.isScheduled(), total + " timers, " + cancelled + " cancelled, timer " + i);
        }
        for (TimerHandle t : timers) {
            t.cancel();
        }
        loop.runForever(); // all cancelled now: the whole heap goes
        assertEquals(Long.MAX_VALUE, ((io.jasyncio.internal.BaseEventLoop) loop).nextTimerNanos());
    }
}
