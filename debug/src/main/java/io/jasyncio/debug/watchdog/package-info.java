/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The stall watchdog: tells which callback blocks a loop, while it blocks.
 *
 * <p>Design. Each watched loop carries a {@link io.jasyncio.debug.watchdog.LoopWatch} interceptor. On the loop thread
 * it publishes what runs now (the handle from {@code beforeHandle}, the task from {@code beforeTaskStep}, the I/O poll
 * and its timeout from {@code beforePoll}) and bumps a sequence number at each change, with release stores and no
 * clock read: a few plain stores per callback on x86. One daemon thread for the whole process,
 * {@code jasyncio-watchdog}, wakes every quarter of the smallest threshold (1 to 50 ms) and reads each loop's
 * sequence number with acquire loads. When it stays the same for longer than the threshold while a callback or task
 * step runs (or while the poll outlives its own timeout: slow I/O callbacks), the loop is stalled: the watchdog
 * samples the blocked thread's stack at each wake-up (the loop thread, or on the virtual-thread coroutine path the
 * task's own thread), keeps the distinct stacks (24 frames, 8 stacks at most), and compares the JVM's GC pause time
 * (the collectors' MXBeans, concurrent-cycle beans left out) across the stall, so that a GC pause is not blamed on the
 * callback.
 *
 * <p>Each stall is reported once: when the loop goes on, or, if it is still blocked after ten thresholds (at least
 * one second), then, as "still blocked". The report is a warning in the {@code asyncio} logger, a JFR
 * {@code io.jasyncio.LoopStall} event and a call of each {@link io.jasyncio.debug.watchdog.StallListener}. Durations
 * are the watchdog's own measure on {@link System#nanoTime()}, exact to within one wake-up period, and independent of
 * the loop's ticker (a mock clock in tests).
 *
 * <p>Threshold: 100 ms by default, asyncio's {@code slow_callback_duration}. Enable with
 * {@code Watchdog.install(loop, Duration.ofMillis(100))}, or on every loop with {@code -Djasyncio.watchdog=100ms}
 * ({@link io.jasyncio.debug.watchdog.WatchdogProvider}). A waiting poll with no timeout is idleness, never a stall.
 * Stalls inside I/O callbacks are attributed to "the I/O poll"; the sampled stack names the callback.
 */
package io.jasyncio.debug.watchdog;
