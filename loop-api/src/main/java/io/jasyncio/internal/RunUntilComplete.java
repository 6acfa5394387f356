/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.Task;

/**
 * asyncio's {@code run_until_complete}, for a future and for a coroutine: runs the loop until the future is done, with
 * a {@link RunUntilCompleteStopper} as its done callback, and returns its result. Written in terms of the loop's public
 * methods; {@link BaseEventLoop} delegates here.
 *
 * <p>Threading: the thread that runs the loop.
 */
final class RunUntilComplete {
    private RunUntilComplete() {
    }

    /**
     * Runs the loop until the future is done.
     *
     * @param loop the loop, not running
     * @param future a future of that loop
     * @param <T> the result type
     * @return the future's result
     * @throws IllegalStateException the loop is closed or running, or it stopped before the future was done
     * @throws IllegalArgumentException the future belongs to another loop
     */
    static <T> T run(BaseEventLoop loop, Future<T> future) {
        loop.checkClosed();
        if (loop.isRunning()) {
            throw new IllegalStateException("This event loop is already running");
        }
        if (future.getLoop() != loop) {
            throw new IllegalArgumentException(
                    "The future belongs to a different loop than the one specified as the loop argument");
        }
        RunUntilCompleteStopper stopper = new RunUntilCompleteStopper(loop);
        future.addDoneCallback(stopper);
        try {
            loop.runForever();
        } finally {
            stopper.disarm();
            future.removeDoneCallback(stopper);
        }
        if (!future.done()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    /**
     * Wraps the coroutine in a task and runs the loop until the task is done. A failed task's exception counts as
     * retrieved: it is on its way to the caller, as with asyncio's {@code run_until_complete}.
     *
     * @param loop the loop, not running
     * @param coro the coroutine
     * @param <T> the result type
     * @return the coroutine's result
     * @throws IllegalStateException the loop is closed or running, or it stopped before the task was done
     */
    static <T> T run(BaseEventLoop loop, Coroutine<T> coro) {
        loop.checkClosed();
        if (loop.isRunning()) {
            throw new IllegalStateException("This event loop is already running");
        }
        Task<T> task = loop.createTask(coro);
        try {
            return run(loop, task);
        } catch (RuntimeException | Error e) {
            if (task.done() && !task.cancelled()) {
                task.exception(); // retrieved: the failure is on its way to the caller, as asyncio's run_until_complete
            }
            throw e;
        }
    }
}
