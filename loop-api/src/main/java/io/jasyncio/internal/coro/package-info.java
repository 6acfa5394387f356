/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * How a task's body suspends: not API.
 *
 * <h2>Purpose</h2>
 * A {@link io.jasyncio.internal.coro.Fiber} runs a task's body until it awaits, then gives the thread back to the loop;
 * the loop resumes it when the awaited future is done. {@link io.jasyncio.internal.coro.Fibers} picks one path per JVM
 * and logs it once.
 *
 * <h2>The two paths</h2>
 * <ul>
 * <li>Continuations ({@code ContinuationFibers}): {@code jdk.internal.vm.Continuation}, reached through method
 *     handles held in static finals (javac refuses {@code --release} with {@code --add-exports}). The body runs on the
 *     loop thread, so Netty's {@code inEventLoop()} holds in task code. Needs the run-time export, to
 *     {@code ALL-UNNAMED} on the class path and to {@code io.jasyncio} on the module path; without it (or with the
 *     wrong target) the lookup fails and {@code Fibers} falls back to virtual threads, saying so in one INFO line.</li>
 * <li>Virtual threads ({@code VirtualThreadFibers}): public API only; the loop thread parks while the fiber runs and
 *     the fiber parks while the loop runs, so exactly one runs at a time. Each await costs two hand-offs.</li>
 * </ul>
 *
 * <h2>Invariants</h2>
 * Exactly one of the loop thread and the fibers runs at any time. A fiber is resumed only by the loop thread (or by a
 * fiber that runs an eager task's first step), never by itself; and once more by the thread that closes the loop, with
 * {@link io.jasyncio.internal.coro.TaskAbandoned} thrown at its await, when its task is still pending then (asyncio's
 * {@code GeneratorExit}): its {@code finally} blocks run and no virtual thread stays parked.
 *
 * <h2>Behaviour at the time of writing</h2>
 * An await while holding a monitor (checked on JDK 25, see {@link io.jasyncio.internal.coro.MonitorCheck}):
 * <ul>
 * <li>JDK 21 to 23, continuations: the JVM refuses to suspend ("Pinned: MONITOR"); the await fails with a clear
 *     message.</li>
 * <li>JDK 24+, continuations: the JVM suspends and the monitor travels with the task, so the next code on the loop
 *     that enters it blocks the loop for ever. With {@code monitorCheck=always} every await first asks the JVM for
 *     the thread's locked monitors (40 to 120 µs, a safepoint) and fails where it happens; in debug mode awaits are
 *     checked so on a budget of 1% of each loop's time (every await of a new loop at first, then about one every few
 *     milliseconds of a busy one, see {@code MonitorCheck.Budget}); otherwise, and for the awaits the budget skips,
 *     {@code MonitorWatch}, one daemon thread sampling loop threads once a second, logs the hang.</li>
 * <li>Virtual threads: the JVM cannot list a virtual thread's monitors; the loop, which waits for the running task
 *     anyway, logs a task that stays blocked on a monitor.</li>
 * </ul>
 * {@code Continuation.isPinned(scope)} is no test: it answers true with no monitor held (its frame walk meets a native
 * frame first). Neither is the yield's result nor {@code onPinned}: on JDK 24+ the suspension succeeds.
 *
 * <h2>Cost</h2>
 * Measured on the 2-core build machine under load from other jobs (JDK 25, epoll, 10^6 iterations in one task, best of
 * three): a bare suspend and resume costs ~200 ns on continuations and ~10 µs on virtual threads (two thread
 * hand-offs); {@code sleep(0)}, which adds a loop iteration and its epoll poll, ~490 ns and ~17 µs. JMH figures are in
 * benchmarks/RESULTS.md ({@code AwaitBenchmark}).
 *
 * <h2>System properties</h2>
 * <ul>
 * <li>{@code jasyncio.coroutines=vthread} forces the virtual-thread path.</li>
 * <li>{@code jasyncio.coroutines.monitorCheck=debug|always|off} (default {@code debug}): when an await checks for
 *     held monitors on the continuation path: on a budget in debug mode, every one, or none.</li>
 * </ul>
 */
package io.jasyncio.internal.coro;
