/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Future;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * One {@code runInExecutor} call: runs the function on the executor and completes the loop's future through
 * {@code callSoonThreadsafe}. Cancelling the loop's future cancels the job if it has not started, as asyncio's
 * {@code wrap_future} does with a {@code concurrent.futures.Future}.
 *
 * @param <T> the result type
 */
final class ExecutorJob<T> extends FutureTask<T> {
    private final BaseEventLoop loop;
    private final Future<T> future;

    private ExecutorJob(BaseEventLoop loop, Callable<T> func, Future<T> future) {
        super(func);
        this.loop = loop;
        this.future = future;
    }

    static <T> Future<T> submit(BaseEventLoop loop, Executor executor, Callable<T> func) {
        Future<T> future = loop.createFuture();
        ExecutorJob<T> job = new ExecutorJob<>(loop, func, future);
        future.addDoneCallback(f -> {
            if (f.cancelled()) {
                job.cancel(false);
            }
        });
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            future.setException(e);
        }
        return future;
    }

    @Override
    protected void done() {
        if (isCancelled()) {
            return;
        }
        try {
            loop.callSoonThreadsafe(this::copyToFuture);
        } catch (IllegalStateException closed) {
            // The loop was closed while the job ran: nobody is left to hear the result.
        }
    }

    private void copyToFuture() {
        if (future.done()) {
            return;
        }
        try {
            future.setResult(get());
        } catch (java.util.concurrent.ExecutionException e) {
            future.setException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
            future.cancel();
        }
    }
}
