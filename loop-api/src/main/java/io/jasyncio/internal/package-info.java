/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The loop's machinery without I/O: not API, may change at any time.
 *
 * <h2>Purpose</h2>
 * {@link io.jasyncio.internal.BaseEventLoop} is asyncio's {@code base_events.BaseEventLoop}: ready queue, timer heap,
 * inbox, one iteration, running and stopping, exception handler, executor, debug mode. I/O loops subclass it and add
 * only the poll and the wake-up. It keeps the plain path (one iteration, {@code callSoon}, the state it reads) and
 * hands each other concern to a helper of its own, one per loop or static: {@code WatchedIteration} (the iteration
 * timed for the interceptors), {@code ExceptionHandlers} (the exception handlers), {@code RunUntilComplete}
 * ({@code run_until_complete}), {@code DefaultExecutor} ({@code run_in_executor} and the default executor),
 * {@code TimerQueue} (the timer heap, scheduling and the poll's timeout), {@link io.jasyncio.internal.LoopAccess} (the
 * task and timer bookkeeping), {@link io.jasyncio.internal.FatalErrors} (which throwables leave the loop). Beside it:
 * {@link io.jasyncio.internal.Interceptors} (the installed interceptors, one that throws removed), {@code DebugSupport}
 * (the interceptor providers found with {@code ServiceLoader}, the debug-only ones following {@code setDebug}),
 * {@code TaskRegistry} (the tasks, held weakly) and {@link io.jasyncio.internal.CoroutineObject} (the named coroutine
 * objects of {@code Asyncio.coroutine}).
 * {@code ExceptionHandlers} is a loop's {@code call_exception_handler} and default handler, where
 * {@code RepeatedReports} counts the repeats of a kind into one summary line per window (the loop's own timer, not told
 * to interceptors, logs the summaries of ended windows).
 * {@link io.jasyncio.internal.ByteSearch} finds a byte eight bytes at a time for the stream reader's line search.
 * {@link io.jasyncio.internal.CreationSites} records where futures and handles are made in debug mode (asyncio's
 * {@code _source_traceback}) as a JVM backtrace resolved to frames only when read: a future in a field that fits its
 * padding, a handle made in debug mode in the field of a {@code Handle} subclass, a timer handle in a weak map, so that
 * a plain handle is no larger and the plain path only reads the loop's {@code debug} flag.
 * {@link io.jasyncio.internal.Interceptors} calls each per-callback hook only on the interceptors that override it
 * (Netty's {@code ChannelHandlerMask}); the loop takes its watched path ({@code WatchedIteration}: the poll and the
 * callbacks timed, one clock read between two callbacks), only when one overrides a hook of the iteration.
 *
 * <h2>Boundary with the API</h2>
 * This package and {@code io.jasyncio} need each other's non-public parts, and the public types must not offer them.
 * The loop's bookkeeping state (current task, task registry, fiber thread, cancelled timers) is in package-private
 * fields of {@code BaseEventLoop}; tasks and timer handles change it only through
 * {@link io.jasyncio.internal.LoopAccess}'s static methods. The handles' constructors, run
 * method, inbox link and timer flag are package-private in {@code io.jasyncio}; the loop reaches them through
 * {@code HandleAccess}, whose method and var handles come from a private lookup into the same module. Both are static
 * and final, so the JIT inlines them: the hot path pays nothing for the boundary. Diagnostics read a running loop
 * through the public {@link io.jasyncio.spi.LoopProbe}, which {@code BaseEventLoop} implements.
 *
 * <h2>One iteration</h2>
 * {@code BaseEventLoop.runOnce()}, asyncio's {@code _run_once}:
 * <pre>
 *    purge cancelled timers (all if over 100 and over half, else those at the head)
 *    timeout = 0 if anything is ready, the inbox has work or stop() was called,
 *              else until the first timer, else forever
 *    pollIo(timeout)          I/O callbacks run here, or are scheduled with callSoon
 *    inbox  -&gt; ready          callSoonThreadsafe's callbacks, in each thread's order
 *    timers due -&gt; ready      deadline &lt; time() + clock resolution
 *    run exactly the ntodo callbacks ready now (runReady: the only place callbacks are called);
 *    what they schedule waits for the next iteration
 * </pre>
 *
 * <h2>Threading model</h2>
 * {@link io.jasyncio.internal.ReadyQueue} and {@link io.jasyncio.internal.TimerQueue}: loop thread only.
 * {@link io.jasyncio.internal.MpscInbox}: any number of producers, the loop thread consumes. Fields are commented with
 * who may touch them.
 *
 * <h2>Invariants</h2>
 * A {@link io.jasyncio.TimerHandle} is in the timer heap exactly while {@code isScheduled()}; the count of cancelled
 * timers in the heap drives the purge (all of them when over 100 timers and over half cancelled, else those at the
 * head, as asyncio does).
 *
 * <h2>Hot-path rules</h2>
 * No capturing lambdas, iterators, boxing or varargs in {@code callSoon}, {@code runOnce} and {@code runReady}. Whether
 * any interceptor is installed is read once per iteration: with none, the plain path pays nothing per callback; with
 * some (debug mode installs the checks), a separate timed copy, {@code WatchedIteration.runReadyWatched}, tells them
 * about each callback.
 */
package io.jasyncio.internal;
