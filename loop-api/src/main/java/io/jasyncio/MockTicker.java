/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.time.Duration;

/**
 * A {@link Ticker} that moves only when told to: time-dependent tests advance it instead of sleeping.
 * Thread-safe; starts at zero.
 *
 * @asyncio test_utils.TestLoop's time generator; Netty's MockTicker; tokio's paused time
 */
public final class MockTicker implements Ticker {
    // Threading: any thread (volatile; advance is synchronized so concurrent advances add up).
    private volatile long nanos;

    /** Creates a clock that stands at zero until moved. */
    public MockTicker() {
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    /**
     * Moves time forward.
     *
     * @param amount how far, not negative
     */
    public void advance(Duration amount) {
        advanceNanos(amount.toNanos());
    }

    /**
     * Moves time forward.
     *
     * @param seconds how far, in seconds, not negative
     */
    public void advance(double seconds) {
        advanceNanos(Math.round(seconds * 1e9));
    }

    /**
     * Moves time forward.
     *
     * @param amount how far, in nanoseconds, not negative
     */
    public synchronized void advanceNanos(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("time cannot go backwards: " + amount);
        }
        nanos += amount;
    }
}
