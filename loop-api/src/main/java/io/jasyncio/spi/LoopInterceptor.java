/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.spi;

import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Handle;
import java.util.function.BooleanSupplier;

/**
 * Hooks into a loop's life, called on the loop thread: the debug checks are interceptors, and users add their own with
 * {@code BaseEventLoop.addInterceptor}. Every method has an empty default; implement only what you watch.
 *
 * <p>Cost: with no interceptor installed the loop takes its plain path, chosen once per iteration, and pays nothing per
 * callback. An interceptor that throws is removed from the loop and the failure logged; the loop goes on.
 *
 * <p>Model: Trio's {@code Instrument} ({@code before_run}, {@code before_task_step}, {@code before_io_wait}, ...).
 */
public interface LoopInterceptor {

    /**
     * A callback was scheduled with {@code callSoon}, {@code callLater}, {@code callAt} or, from another thread,
     * {@code callSoonThreadsafe} (then called on that thread: keep it thread-safe).
     *
     * @param loop the loop
     * @param handle the handle
     */
    default void handleScheduled(EventLoop loop, Handle handle) {
    }

    /**
     * A callback is about to run.
     *
     * @param loop the loop
     * @param handle the handle
     */
    default void beforeHandle(EventLoop loop, Handle handle) {
    }

    /**
     * A callback has run.
     *
     * @param loop the loop
     * @param handle the handle
     * @param durationNanos how long it ran, on the loop's ticker: from the end of the callback before it (or of the
     *     poll), so the interceptors' own hooks between the two are counted in
     */
    default void afterHandle(EventLoop loop, Handle handle, long durationNanos) {
    }

    /**
     * The loop is about to poll for I/O.
     *
     * @param loop the loop
     * @param timeoutNanos 0 for no wait, -1 for no limit, else the longest wait
     */
    default void beforePoll(EventLoop loop, long timeoutNanos) {
    }

    /**
     * The I/O poll returned (its I/O callbacks included).
     *
     * @param loop the loop
     * @param timeoutNanos the timeout it was given
     * @param durationNanos how long it took, on the loop's ticker, from the end of the iteration before (0 for a
     *     non-blocking poll that had nothing to do: no channel, no task of the I/O machinery)
     */
    default void afterPoll(EventLoop loop, long timeoutNanos, long durationNanos) {
    }

    /**
     * An iteration of the loop has run its callbacks: called after the last one, before the next poll.
     *
     * @param loop the loop
     * @param handles how many ready callbacks the iteration ran (cancelled ones included, as {@code runOnce} counts)
     * @param durationNanos the time from the poll's return to now: the inbox, the due timers and the callbacks, on the
     *     loop's ticker (the poll itself is told to {@link #afterPoll})
     */
    default void afterIteration(EventLoop loop, int handles, long durationNanos) {
    }

    /**
     * A future or task finished with an exception. {@code neverRetrieved} stays {@code true} until someone asks for
     * the exception ({@code result()}, {@code exception()}, an await, a cancel); it holds no reference to the future and
     * may be read from any thread, also after the future is collected: a {@link java.lang.ref.Cleaner} action can
     * tell an exception nobody saw.
     *
     * @param loop the loop
     * @param future the future or task, done
     * @param exception its exception
     * @param neverRetrieved whether the exception is still unobserved
     */
    default void exceptionSet(EventLoop loop, Object future, Throwable exception, BooleanSupplier neverRetrieved) {
    }

    /**
     * A coroutine object was made with {@code Asyncio.coroutine(...)} on a thread where this loop runs (in a task or a
     * callback), or, for a detached interceptor ({@link LoopInterceptorProvider#createDetached()}), where no loop runs
     * (then {@code loop} is {@code null}). {@code consumed} becomes {@code true} once the coroutine is awaited or handed to a task; it holds no
     * reference to the coroutine and may be read from any thread, also after the coroutine is collected.
     *
     * @param loop the loop, or {@code null} outside any loop
     * @param coroutine the coroutine object
     * @param name its name
     * @param consumed whether it was awaited or scheduled
     */
    default void coroutineCreated(EventLoop loop, Object coroutine, String name, BooleanSupplier consumed) {
    }

    /**
     * An {@link EventLoop} method that asyncio declares {@code async def} ({@code createServer},
     * {@code createConnection}, {@code runInExecutor}, ...) returned a future, while this loop is in debug mode.
     * {@code awaited} becomes {@code true} once someone awaits it, adds a done callback, asks for its result or
     * exception, or cancels it; it holds no reference to the future and may be read from any thread, also after the
     * future is collected: a {@link java.lang.ref.Cleaner} action can tell a future that nobody awaited, the Java
     * form of asyncio's "coroutine ... was never awaited".
     *
     * @param loop the loop
     * @param future the future returned
     * @param operation the method that returned it, for example {@code "createServer"}
     * @param awaited whether anyone has used it yet
     */
    default void futureReturned(EventLoop loop, Object future, String operation, BooleanSupplier awaited) {
    }

    /**
     * The exception handler is about to be called.
     *
     * @param loop the loop
     * @param context what happened
     */
    default void exceptionHandlerCalled(EventLoop loop, ExceptionContext context) {
    }

    /**
     * A function was handed to an executor with {@code runInExecutor}.
     *
     * @param loop the loop
     * @param function the function
     */
    default void executorSubmitted(EventLoop loop, Object function) {
    }

    /**
     * A task was created (tasks call it; the argument is the task).
     *
     * @param loop the loop
     * @param task the task
     */
    default void taskCreated(EventLoop loop, Object task) {
    }

    /**
     * A task step is about to run.
     *
     * @param loop the loop
     * @param task the task
     */
    default void beforeTaskStep(EventLoop loop, Object task) {
    }

    /**
     * A task step has run: the task is suspended at an await, or done.
     *
     * @param loop the loop
     * @param task the task
     * @param durationNanos how long the step ran
     */
    default void afterTaskStep(EventLoop loop, Object task, long durationNanos) {
    }

    /**
     * A task is done.
     *
     * @param loop the loop
     * @param task the task
     */
    default void taskDone(EventLoop loop, Object task) {
    }

    /**
     * A transport was opened: a connection made, a datagram endpoint or a server's listening sockets bound.
     *
     * @param loop the loop
     * @param transport the transport, the datagram transport or the {@code Server}
     */
    default void transportOpened(EventLoop loop, Object transport) {
    }

    /**
     * A transport was closed: its connection lost, or the server closed.
     *
     * @param loop the loop
     * @param transport the transport, the datagram transport or the {@code Server}
     */
    default void transportClosed(EventLoop loop, Object transport) {
    }

    /**
     * The loop is closing: it refuses new work, its queues are cleared and the bodies of its pending tasks unwound (they
     * stay pending); its I/O (transports, servers) is freed right after this call.
     *
     * @param loop the loop
     */
    default void loopClosed(EventLoop loop) {
    }

    /**
     * This interceptor was taken out of the loop: by {@code removeInterceptor}, by {@code setDebug(false)} for a
     * debug-only one, or because one of its methods threw. It hears nothing more from the loop.
     *
     * @param loop the loop
     */
    default void removed(EventLoop loop) {
    }
}
