/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * The clock of one event loop: a monotonic source of nanoseconds. Every time the loop reads, {@link EventLoop#time()}
 * and the timer deadlines included, comes from its ticker, so a test can inject a {@link MockTicker} and move time by
 * hand instead of sleeping.
 *
 * @asyncio loop.time() reads time.monotonic(); tests use test_utils.TestLoop's generator clock
 */
@FunctionalInterface
public interface Ticker {

    /**
     * The current reading, in nanoseconds; only differences between readings mean anything.
     *
     * @return nanoseconds from an arbitrary origin, never decreasing
     */
    long nanoTime();

    /**
     * The ticker over {@link System#nanoTime()}: the only place in the project that reads it.
     *
     * @return the system ticker
     */
    static Ticker system() {
        return SystemTicker.INSTANCE;
    }
}
