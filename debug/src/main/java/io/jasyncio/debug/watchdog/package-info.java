/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The stall watchdog: tells which callback blocks a loop, while it blocks.
 *
 * <p>Design. The loop already says how far it has got, with stores it makes anyway or once per iteration:
 * {@code LoopProbe.progress()} changes at each I/O poll's start and end and at each callback taken from the ready
 * queue, {@code polling()} tells whether it is inside its I/O poll, and
 * {@code currentTask()} names the task whose step runs. One daemon thread for the whole process,
 * {@code jasyncio-watchdog}, wakes every quarter of the smallest threshold (1 to 50 ms) and reads them without
 * synchronization (recent values are enough). When the progress mark stays the same for longer than the threshold
 * while the loop runs a callback, the loop is stalled. The I/O callbacks (a protocol's {@code dataReceived}) run
 * inside the poll, after its wait: during a long poll the watchdog looks at the loop thread's top frame once per
 * threshold, and the poll counts as stalled once the thread has been out of the kernel's wait (epoll, io_uring, NIO's
 * selector) for a threshold. A stalled loop has the blocked thread's stack sampled at each wake-up (the loop thread,
 * or on the virtual-thread coroutine path the task's own thread); the watchdog keeps the distinct stacks (the frames
 * above the loop's own, 24 at most; 8 stacks at most, the least seen making room for a new one), names the callback from the frame that {@code Handle.run}
 * called, and compares the JVM's GC pause time (the
 * collectors' MXBeans, concurrent-cycle beans left out) across the stall, so that a GC pause is not blamed on the
 * callback.
 *
 * <p>Why not an interceptor: the interceptor path times every callback with two clock reads, and a clock read costs
 * 60 to 150 ns on the project's virtual machine, several times a {@code callSoon} dispatch (see
 * {@code benchmarks/RESULTS.md}). The watchdog adds nothing per callback, so it can stay on in production.
 *
 * <p>Each stall is reported once: when the loop goes on (or the watchdog is closed, or the program exits: a shutdown
 * hook reports what the daemon thread had no turn to), or, if it is still blocked after ten thresholds (at least one
 * second), then, as "still blocked". The report is a warning in the {@code asyncio} logger, a JFR
 * {@code io.jasyncio.LoopStall} event and a call of each {@link io.jasyncio.debug.watchdog.StallListener}. Durations
 * are the watchdog's own measure on {@link System#nanoTime()}, exact to within one wake-up period, and independent of
 * the loop's ticker (a mock clock in tests).
 *
 * <p>Threshold: 100 ms by default, asyncio's {@code slow_callback_duration}. Enable with
 * {@code Watchdog.install(loop, Duration.ofMillis(100))}, or on every loop with {@code -Djasyncio.watchdog=100ms}
 * ({@link io.jasyncio.debug.watchdog.WatchdogProvider}). Waiting for I/O is idleness, never a stall, however long;
 * a loop that is not running is not watched. Besides reading the marks, an idle loop costs one walk of its thread's
 * stack per threshold (tens of microseconds, on the watchdog thread). A stall in I/O callbacks is noticed after one to two thresholds of work
 * (the probe's period), a stall in a callback or task step after one threshold plus at most a quarter.
 */
package io.jasyncio.debug.watchdog;
