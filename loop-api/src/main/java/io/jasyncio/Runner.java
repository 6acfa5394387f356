/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.BaseEventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs several coroutines, one after the other, on one loop of its own, and shuts that loop down in order when closed:
 * the tasks left over are cancelled and waited for, the default executor is shut down, the loop is closed.
 * {@link Asyncio#run} is a runner for one coroutine.
 *
 * <pre>{@code
 * try (Runner runner = new Runner(LoopOptions.defaults())) {
 *     runner.run(connect());
 *     runner.run(serve());
 * }
 * }</pre>
 *
 * <p>The loop is made on first use ({@link #run} or {@link #getLoop()}), with a copy of the creating thread's
 * {@link Context}; every run's main task runs inside that one context, so a {@link ContextVar} set by one run is seen
 * by the next. Not thread-safe: one thread uses a runner.
 *
 * @asyncio asyncio.Runner(*, debug=None, loop_factory=None)
 *     Differences: the loop comes from {@link LoopOptions} (its ticker, debug mode and backend) rather than a
 *     {@code loop_factory}; {@code run} installs no SIGINT handler (add one with {@code getLoop().addSignalHandler}).
 */
public final class Runner implements AutoCloseable {
    private enum State { CREATED, INITIALIZED, CLOSED }

    private final LoopOptions options;
    private State state = State.CREATED;
    private EventLoop loop;
    private Context context;

    /**
     * A runner whose loop has the default options.
     *
     * @asyncio asyncio.Runner()
     */
    public Runner() {
        this(LoopOptions.defaults());
    }

    /**
     * A runner whose loop has the given options.
     *
     * @param options the loop's ticker, debug mode and backend
     * @asyncio asyncio.Runner(debug=...)
     */
    public Runner(LoopOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Runs a coroutine as a task of the runner's loop, inside the runner's context, until it completes, and returns
     * its result (or throws its exception).
     *
     * @param coro the coroutine
     * @param <T> the result type
     * @return its result
     * @throws IllegalStateException "Runner.run() cannot be called from a running event loop", or "Runner is closed"
     * @asyncio Runner.run(coro)
     */
    public <T> T run(Coroutine<T> coro) {
        return run(coro, null);
    }

    /**
     * Runs a coroutine as a task of the runner's loop inside the given context, until it completes.
     *
     * @param coro the coroutine
     * @param context the context for the task, or {@code null} for the runner's
     * @param <T> the result type
     * @return its result
     * @throws IllegalStateException "Runner.run() cannot be called from a running event loop", or "Runner is closed"
     * @asyncio Runner.run(coro, *, context=None)
     */
    public <T> T run(Coroutine<T> coro, Context context) {
        Objects.requireNonNull(coro, "coro");
        if (BaseEventLoop.runningLoop() != null) {
            throw new IllegalStateException("Runner.run() cannot be called from a running event loop");
        }
        lazyInit();
        Task<T> task = loop.createTask(coro, null, context != null ? context : this.context);
        return loop.runUntilComplete(task);
    }

    /**
     * The runner's loop, made now if it was not yet.
     *
     * @return the loop
     * @throws IllegalStateException "Runner is closed"
     * @asyncio Runner.get_loop()
     */
    public EventLoop getLoop() {
        lazyInit();
        return loop;
    }

    /**
     * Cancels the tasks left on the loop and waits for them (a failure other than the cancellation goes to the
     * exception handler), shuts the default executor down, and closes the loop. Does nothing if the loop was never
     * made, or the runner is closed already; a runner closed cannot run again.
     *
     * @asyncio Runner.close()
     */
    @Override
    public void close() {
        if (state != State.INITIALIZED) {
            state = State.CLOSED;
            return;
        }
        try {
            cancelAllTasks((BaseEventLoop) loop);
            loop.runUntilComplete(loop.shutdownDefaultExecutor());
        } finally {
            loop.close();
            loop = null;
            state = State.CLOSED;
        }
    }

    @Override
    public String toString() {
        return "<Runner " + state.name().toLowerCase(java.util.Locale.ROOT) + ">";
    }

    private void lazyInit() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("Runner is closed");
        }
        if (state == State.INITIALIZED) {
            return;
        }
        loop = Asyncio.newEventLoop(options);
        context = Context.copyContext();
        state = State.INITIALIZED;
    }

    /** asyncio.runners._cancel_all_tasks: cancel what is left, wait for it, report the failures. */
    private static void cancelAllTasks(BaseEventLoop loop) {
        List<Task<?>> toCancel = new ArrayList<>(loop.allTasks());
        if (toCancel.isEmpty()) {
            return;
        }
        for (Task<?> t : toCancel) {
            t.cancel();
        }
        loop.runUntilComplete(Gather.gather(true, toCancel));
        for (Task<?> t : toCancel) {
            if (t.cancelled()) {
                continue;
            }
            Throwable e = t.exception();
            if (e != null) {
                loop.callExceptionHandler(ExceptionContext.builder("unhandled exception during asyncio.run() shutdown")
                        .exception(e).put(ExceptionContext.TASK, t).build());
            }
        }
    }
}
