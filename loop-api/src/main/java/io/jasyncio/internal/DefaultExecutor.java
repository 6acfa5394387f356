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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loop's default executor for {@code runInExecutor(null, ...)}: asyncio's {@code ThreadPoolExecutor} with
 * {@code min(32, cpus + 4)} daemon threads named {@code asyncio-N}, created on first use, idle threads retired after
 * 60 seconds; or the one given to {@code setDefaultExecutor}. Once shut down, it takes no more work. The loop's
 * {@code runInExecutor} submits here, to it or to the executor given.
 *
 * <p>Threading: the loop's thread only.
 */
final class DefaultExecutor {
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private ExecutorService executor;
    private boolean shutdownCalled;

    /**
     * The executor, created on first use.
     *
     * @return the executor
     * @throws IllegalStateException asyncio's RuntimeError once {@link #shutdown} or {@link #shutdownNoWait} was called
     */
    Executor get() {
        if (shutdownCalled) {
            throw new IllegalStateException("Executor shutdown has been called");
        }
        if (executor == null) {
            executor = create();
        }
        return executor;
    }

    /**
     * asyncio's {@code run_in_executor}: submits the function to the executor, or to this default one, and returns
     * the loop's future of its result; the interceptors are told of it first.
     *
     * @param loop the loop, which checks it is open and, in debug mode, that this is its thread
     * @param given the executor, or {@code null} for this default one
     * @param func the function
     * @param <T> the result type
     * @return the loop's future, completed on the loop's thread
     */
    <T> Future<T> runInExecutor(BaseEventLoop loop, Executor given, Callable<T> func) {
        java.util.Objects.requireNonNull(func, "func");
        loop.checkClosed();
        if (loop.getDebug()) {
            loop.checkThread();
        }
        Executor target = given != null ? given : get();
        Interceptors ic = loop.activeInterceptors();
        if (ic != null) {
            ic.executorSubmitted(func);
        }
        return ExecutorJob.submit(loop, target, func);
    }

    /**
     * asyncio's {@code set_default_executor}.
     *
     * @param given the executor that replaces the default one
     */
    void set(ExecutorService given) {
        executor = given;
    }

    /**
     * asyncio's {@code shutdown_default_executor}: the future completes on the loop once every job has finished.
     *
     * @param loop the loop
     * @return the future
     */
    Future<Void> shutdown(BaseEventLoop loop) {
        shutdownCalled = true;
        Future<Void> done = loop.createFuture();
        ExecutorService running = executor;
        if (running == null) {
            done.setResult(null);
            return done;
        }
        shutdownThen(running, () -> {
            if (!loop.isClosed()) {
                loop.callSoonThreadsafe(() -> {
                    if (!done.done()) {
                        done.setResult(null);
                    }
                });
            }
        });
        return done;
    }

    /** At the loop's close: starts the shutdown without waiting for the jobs. */
    void shutdownNoWait() {
        shutdownCalled = true;
        ExecutorService running = executor;
        if (running != null) {
            executor = null;
            running.shutdown();
        }
    }

    private static ExecutorService create() {
        int workers = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        int pool = POOL_IDS.incrementAndGet();
        AtomicInteger ids = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "asyncio-" + pool + "-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * Shuts an executor down and, on a daemon thread, waits for it to terminate, then runs {@code then}.
     *
     * @param executor the executor
     * @param then what to run once it has terminated
     */
    private static void shutdownThen(ExecutorService executor, Runnable then) {
        Thread waiter = new Thread(() -> {
            executor.shutdown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (executor.awaitTermination(1, TimeUnit.DAYS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            then.run();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "asyncio-executor-shutdown");
        waiter.setDaemon(true);
        waiter.start();
    }
}
