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
 *     loop thread, so Netty's {@code inEventLoop()} holds in task code. Needs the run-time export.</li>
 * <li>Virtual threads ({@code VirtualThreadFibers}): public API only; the loop thread parks while the fiber runs and
 *     the fiber parks while the loop runs, so exactly one runs at a time. Each await costs two hand-offs.</li>
 * </ul>
 *
 * <h2>Invariants</h2>
 * Exactly one of the loop thread and the fibers runs at any time. A fiber is resumed only by the loop thread (or by a
 * fiber that runs an eager task's first step), never by itself.
 *
 * <h2>Behaviour at the time of writing</h2>
 * An await while holding a monitor: JDK 21 refuses to suspend ("Pinned: MONITOR"), reported with a clear message; on
 * JDK 24+ the continuation would suspend with the monitor held by the loop thread, so debug mode checks the thread's
 * locked monitors before each await ({@link io.jasyncio.internal.coro.MonitorCheck}, microseconds, hence debug only).
 * The virtual-thread path has no such check.
 *
 * <h2>System properties</h2>
 * {@code io.jasyncio.coroutines=vthread} forces the virtual-thread path.
 */
package io.jasyncio.internal.coro;
