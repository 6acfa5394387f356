/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The event loop's dispatch costs beside raw Netty's, each benchmark with its Netty twin in the same class, so that one
 * JMH run compares them on the same backend (epoll and NIO: the {@code transport} parameter).
 *
 * <h2>Purpose</h2>
 * Show what scheduling and running a callback costs on a jasyncio loop against the Netty event loop it is built on, and
 * that the loop allocates nothing per dispatch beyond the {@code Handle} the asyncio API returns.
 *
 * <h2>What is measured</h2>
 * <table>
 * <caption>benchmarks and their twins</caption>
 * <tr><th>class</th><th>jasyncio (asyncio)</th><th>raw Netty twin</th><th>score</th></tr>
 * <tr><td>{@link io.jasyncio.bench.loop.CallSoonBenchmark}</td><td>{@code callSoonChain}, {@code callSoonBurst}
 * ({@code loop.call_soon} from a callback)</td><td>{@code nettyExecuteChain}, {@code nettyExecuteBurst}
 * ({@code EventLoop.execute} from a task)</td><td>ns per callback scheduled and run</td></tr>
 * <tr><td>{@link io.jasyncio.bench.loop.CallLaterBenchmark}</td><td>{@code callLaterCancel}
 * ({@code loop.call_later(60, cb).cancel()})</td><td>{@code nettyScheduleCancel}
 * ({@code schedule(cb, 60, SECONDS).cancel(false)})</td><td>ns per timer</td></tr>
 * <tr><td>{@link io.jasyncio.bench.loop.FutureCallbackBenchmark}</td><td>{@code futureDoneCallback}
 * ({@code create_future}, {@code add_done_callback}, {@code set_result}, the callback)</td>
 * <td>{@code nettyPromiseListener} ({@code DefaultPromise}, {@code addListener}, {@code setSuccess})</td>
 * <td>ns per future</td></tr>
 * <tr><td>{@link io.jasyncio.bench.loop.ThreadsafeBenchmark}</td><td>{@code callSoonThreadsafe} from another
 * thread</td><td>{@code nettyExecuteFromOtherThread}</td><td>ns per callback, producer and loop together</td></tr>
 * <tr><td>{@link io.jasyncio.bench.loop.HandOffBenchmark}</td><td>{@code loopRunStop}: one
 * {@code run_forever()} / {@code stop()} cycle</td><td>{@code nettyExecuteAndWait}: one task handed over and
 * awaited</td><td>ns per invocation: the fixed cost the others share out</td></tr>
 * </table>
 *
 * <h2>Threading model</h2>
 * The jasyncio loop runs on the JMH thread, as an asyncio program runs its loop: a benchmark method schedules the first
 * callback, calls {@code runForever()}, and the last callback calls {@code stop()}. The Netty loop runs on Netty's own
 * thread: the method hands it the first task with {@code execute} and waits on a {@code CompletableFuture} that the
 * last task completes. Only {@code ThreadsafeBenchmark} puts the jasyncio loop on a thread of its own, since it
 * measures the hand-off between threads.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>An invocation ends only when the loop has run all of its batch: a countdown callback stops the loop or
 * completes the future at zero, and a jasyncio benchmark fails if the loop stopped early or a callback raised.</li>
 * <li>Every scheduled operation happens on the loop thread, from a callback, except in {@code ThreadsafeBenchmark}.
 * The one hand-off per invocation is shared by 10,000 or 100,000 operations ({@code @OperationsPerInvocation}).</li>
 * <li>The harness allocates nothing per operation: callbacks are preallocated and rescheduled, so
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is what the loop itself allocates (plus a few bytes per operation of
 * per-round and per-invocation objects, e.g. 32/1,000 B for a round's own handle).</li>
 * </ul>
 *
 * <h2>Two shapes of callSoon</h2>
 * In a <b>chain</b> each callback schedules the next. asyncio runs what a callback schedules in the next iteration, so
 * each link is a whole loop iteration: with a channel registered (parameter {@code listeners=1}) that includes an
 * {@code epoll_wait} with a zero timeout, a system call; with none ({@code listeners=0}) the loop skips that poll.
 * Netty runs tasks added by tasks in the same pass and polls again only after its task quantum. In a <b>burst</b> a
 * callback schedules 1,000 callbacks at once, which the next iteration runs; the iteration's cost is shared by all.
 *
 * <h2>Behaviour at the time of writing</h2>
 * {@code benchmarks/RESULTS.md} has the figures and how they were taken; {@code BENCHMARKING.md} the commands.
 */
package io.jasyncio.bench.loop;
