/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Handle;
import io.jasyncio.LoopOptions;
import io.jasyncio.MockTicker;
import io.jasyncio.Ticker;
import io.jasyncio.spi.LoopInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the watched path times callbacks, polls, iterations and task steps: the durations the interceptors hear, on the
 * loop's ticker, and how many times the loop reads that ticker for them (the watched path's cost is its clock reads).
 * One read between two callbacks (the end of one is the start of the next, and the end of an iteration the start of
 * the next poll), none per callback when only iteration hooks are overridden, one per task step unless
 * {@code afterTaskStep} is.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WatchedTimingTest {
    private static final long MS = 1_000_000L;

    /** A mock ticker that counts its reads. */
    static final class CountingTicker implements Ticker {
        final MockTicker mock = new MockTicker();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public long nanoTime() {
            reads.incrementAndGet();
            return mock.nanoTime();
        }
    }

    /** Records the durations of each hook. */
    static final class Durations implements LoopInterceptor {
        final List<Long> handles = new ArrayList<>();
        final List<Long> polls = new ArrayList<>();
        final List<Long> iterations = new ArrayList<>();

        @Override
        public void afterHandle(EventLoop l, Handle handle, long durationNanos) {
            handles.add(durationNanos);
        }

        @Override
        public void afterPoll(EventLoop l, long timeoutNanos, long durationNanos) {
            polls.add(durationNanos);
        }

        @Override
        public void afterIteration(EventLoop l, int handles, long durationNanos) {
            iterations.add(durationNanos);
        }
    }

    /** Overrides only {@code afterIteration}. */
    static final class Iterations implements LoopInterceptor {
        final List<String> heard = new ArrayList<>();

        @Override
        public void afterIteration(EventLoop l, int handles, long durationNanos) {
            heard.add(handles + " " + durationNanos);
        }
    }

    private final CountingTicker ticker = new CountingTicker();
    private EventLoop loop;

    @BeforeEach
    void setUp() {
        loop = Asyncio.newEventLoop(LoopOptions.defaults().withTicker(ticker).withDebug(false));
    }

    @AfterEach
    void tearDown() {
        loop.close();
    }

    /** Schedules a chain of callbacks, one an iteration, each advancing the ticker by its step; the last stops. */
    private void chain(long[] stepsNanos, int at) {
        loop.callSoon(() -> {
            ticker.mock.advanceNanos(stepsNanos[at]);
            if (at + 1 < stepsNanos.length) {
                chain(stepsNanos, at + 1);
            } else {
                loop.stop();
            }
        });
    }

    @Test
    void callbackPollAndIterationDurationsWithOneClockReadBetweenCallbacks() {
        Durations d = new Durations();
        loop.addInterceptor(d);
        chain(new long[] {1 * MS, 2 * MS, 3 * MS, 4 * MS}, 0);
        loop.runForever();
        assertEquals(List.of(1 * MS, 2 * MS, 3 * MS, 4 * MS), d.handles, "each callback's own time");
        assertEquals(List.of(0L, 0L, 0L, 0L), d.polls, "a poll starts where the last callback ended");
        assertEquals(List.of(1 * MS, 2 * MS, 3 * MS, 4 * MS), d.iterations);
    }

    @Test
    void aNewRunDoesNotCountTheTimeBetweenRunsAsAPoll() {
        Durations d = new Durations();
        loop.addInterceptor(d);
        chain(new long[] {1 * MS}, 0);
        loop.runForever();
        ticker.mock.advance(5.0); // the loop is not running: no poll takes this time
        chain(new long[] {2 * MS}, 0);
        loop.runForever();
        assertEquals(List.of(1 * MS, 2 * MS), d.handles);
        assertEquals(List.of(0L, 0L), d.polls);
    }

    @Test
    void atMostTwoClockReadsAnIterationOfOneCallback() {
        loop.addInterceptor(new Durations());
        int n = 50;
        chain(new long[n], 0);
        ticker.reads.set(0);
        loop.runForever();
        // One after each callback, one after each poll that did something (none on epoll here: no channel): never
        // the three of reading before and after each poll too.
        assertTrue(ticker.reads.get() <= 2 * n + 2, ticker.reads.get() + " reads for " + n + " iterations");
    }

    @Test
    void oneClockReadACallbackInABurst() {
        loop.addInterceptor(new Durations());
        int n = 100;
        for (int i = 0; i < n - 1; i++) {
            loop.callSoon(() -> { });
        }
        loop.callSoon(loop::stop);
        ticker.reads.set(0);
        loop.runForever();
        assertTrue(ticker.reads.get() <= n + 2, ticker.reads.get() + " reads for " + n + " callbacks");
    }

    @Test
    void iterationHooksAloneTimeTheIterationNotEachCallback() {
        Iterations it = new Iterations();
        loop.addInterceptor(it);
        int n = 100;
        for (int i = 0; i < n - 1; i++) {
            loop.callSoon(() -> ticker.mock.advanceNanos(MS));
        }
        loop.callSoon(loop::stop);
        ticker.reads.set(0);
        loop.runForever();
        assertEquals(List.of(n + " " + (n - 1) * MS), it.heard, "the whole iteration, timed at once");
        assertTrue(ticker.reads.get() <= 3, ticker.reads.get() + " reads for one iteration of " + n + " callbacks");
    }

    @Test
    void taskStepReadsTheClockOnceUnlessAfterTaskStepIsOverridden() {
        loop.addInterceptor(new LoopInterceptor() { }); // installed, not watching: the plain path, tasks report
        int awaits = 20;
        io.jasyncio.Coroutine<Integer> body = () -> {
            int sum = 0;
            for (int i = 0; i < awaits; i++) {
                Future<Integer> f = loop.createFuture();
                loop.callSoon(f::setResult, i);
                sum += Asyncio.await(f);
            }
            return sum;
        };
        ticker.reads.set(0);
        assertEquals(190, loop.runUntilComplete(loop.createTask(body)));
        int steps = awaits + 1;
        assertTrue(ticker.reads.get() <= steps + 2, ticker.reads.get() + " reads for " + steps + " steps");

        List<Long> stepTimes = new ArrayList<>();
        loop.addInterceptor(new LoopInterceptor() {
            @Override
            public void afterTaskStep(EventLoop l, Object task, long durationNanos) {
                stepTimes.add(durationNanos);
            }
        });
        assertEquals(7, loop.runUntilComplete(loop.createTask(() -> {
            ticker.mock.advanceNanos(3 * MS);
            Future<Integer> f = loop.createFuture();
            loop.callSoon(f::setResult, 7);
            int r = Asyncio.await(f);
            ticker.mock.advanceNanos(5 * MS);
            return r;
        })));
        assertEquals(List.of(3 * MS, 5 * MS), stepTimes, "each step's own time");
    }
}
