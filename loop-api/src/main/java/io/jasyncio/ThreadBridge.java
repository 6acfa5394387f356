/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.BaseEventLoop;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@link Asyncio#wrapFuture}, {@link Asyncio#runCoroutineThreadsafe} and {@link Asyncio#toThread}: the ways between a
 * loop and other threads, after CPython's {@code futures.wrap_future}, {@code tasks.run_coroutine_threadsafe} and
 * {@code threads.to_thread}. An outcome crosses to the loop only through {@code callSoonThreadsafe}.
 */
final class ThreadBridge {

    private ThreadBridge() {
    }

    /** asyncio's wrap_future: the loop's future follows the stage; cancelling the future cancels the stage. */
    static <T> Future<T> wrapFuture(CompletionStage<T> stage, EventLoop loop) {
        Future<T> future = new Future<>(loop);
        CompletableFuture<T> cf = stage.toCompletableFuture();
        future.addDoneCallback(f -> {
            if (f.cancelled()) {
                cf.cancel(false);
            }
        });
        stage.whenComplete((value, error) -> {
            try {
                loop.callSoonThreadsafe(() -> copyOutcome(future, value, error));
            } catch (IllegalStateException closed) {
                // The loop is closed: nobody is left to hear the outcome.
            }
        });
        return future;
    }

    private static <T> void copyOutcome(Future<T> future, T value, Throwable error) {
        if (future.done()) {
            return;
        }
        if (error == null) {
            future.setResult(value);
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) {
            future.cancel();
        } else {
            future.setException(cause);
        }
    }

    /** asyncio's run_coroutine_threadsafe: the task is made on the loop; each side's cancellation reaches the other. */
    static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coro, EventLoop loop) {
        Objects.requireNonNull(coro, "coro");
        Objects.requireNonNull(loop, "loop");
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            Task<T> task;
            try {
                task = loop.createTask(coro);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                throw e;
            }
            task.addDoneCallback(t -> {
                if (t.cancelled()) {
                    result.cancel(false);
                } else if (t.exception() != null) {
                    result.completeExceptionally(t.exception());
                } else {
                    result.complete(t.result());
                }
            });
            result.whenComplete((value, error) -> {
                if (result.isCancelled() && !task.done()) {
                    cancelFromAnyThread(task, loop);
                }
            });
        });
        return result;
    }

    private static void cancelFromAnyThread(Task<?> task, EventLoop loop) {
        if (loop.isRunning() && BaseEventLoop.runningLoop() == loop) {
            task.cancel();
        } else if (!loop.isClosed()) {
            try {
                loop.callSoonThreadsafe(() -> task.cancel());
            } catch (IllegalStateException closed) {
                // The loop closed meanwhile: the task will never run again.
            }
        }
    }

    /** asyncio's to_thread: the function runs in the default executor inside a copy of the task's context. */
    static <T> T toThread(Callable<T> fn) {
        Objects.requireNonNull(fn, "fn");
        Task<?> task = Asyncio.requireTask("toThread");
        Context context = Context.copyContext();
        return Asyncio.await(task.getLoop().runInExecutor(null, () -> context.run(() -> {
            try {
                return fn.call();
            } catch (Exception e) {
                throw Asyncio.<RuntimeException>sneaky(e);
            }
        })));
    }
}
