/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The event loop over Netty 4.2: {@link io.jasyncio.netty.NettyEventLoop}.
 *
 * <h2>Purpose</h2>
 * asyncio's {@code selector_events} role: the I/O poll and the wake-up of a loop whose logic is
 * {@link io.jasyncio.internal.BaseEventLoop}, over Netty's native epoll transport, or NIO where epoll is missing.
 *
 * <h2>Threading model</h2>
 * A Netty {@code SingleThreadIoEventLoop} normally owns a thread. Here it runs on the thread that calls
 * {@code runForever()}: its {@link java.util.concurrent.Executor} keeps Netty's start runnable instead of starting a
 * thread, {@code runForever()} runs that runnable, and {@code stop()} suspends the Netty loop ({@code trySuspend()},
 * allowed while channels are registered) so the thread returns to the caller. While the loop is not running no I/O is
 * processed; a connection made meanwhile is accepted on the next run. A run/stop cycle costs ~0.6 µs on epoll and
 * ~2 µs on NIO, and allocates ~740 bytes (JMH {@code HandOffBenchmark.loopRunStop}, less its one handle).
 *
 * <h2>One iteration, with Netty</h2>
 * <pre>
 *   BaseEventLoop.runOnce ──► pollIo(timeout) = IoHandler.run(context) + Netty's own tasks
 *      context.canBlock()   false if asyncio callbacks are ready, the inbox has work, stop() was called,
 *                           or Netty has tasks; asked again after Netty arms its wake-up, so none is lost
 *      context.delayNanos() min(asyncio timeout, Netty's next scheduled task)
 *      skipped on epoll when the timeout is 0 and no channel is registered (nothing it could report)
 * </pre>
 *
 * <h2>Invariants</h2>
 * Netty's {@code inEventLoop()} is true exactly on the thread running the loop, while it runs, so channel handlers,
 * asyncio callbacks and tasks see the same thread.
 */
package io.jasyncio.netty;
