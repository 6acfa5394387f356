/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.spi.EventLoopProvider;
import java.util.Comparator;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The asyncio module's functions: making and finding loops, and bridging Java's futures.
 *
 * @asyncio the asyncio package's top-level functions
 */
public final class Asyncio {

    private Asyncio() {
    }

    /**
     * Makes a new event loop with the default options, from the {@link EventLoopProvider} on the class path.
     *
     * @return a new loop
     * @throws IllegalStateException if no provider is on the class path
     * @asyncio asyncio.new_event_loop()
     */
    public static EventLoop newEventLoop() {
        return newEventLoop(LoopOptions.defaults());
    }

    /**
     * Makes a new event loop.
     *
     * @param options its clock, debug mode and backend
     * @return a new loop
     * @throws IllegalStateException if no provider is on the class path
     */
    public static EventLoop newEventLoop(LoopOptions options) {
        EventLoopProvider provider = ServiceLoader.load(EventLoopProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .max(Comparator.comparingInt(EventLoopProvider::priority))
                .orElseThrow(() -> new IllegalStateException(
                        "no event loop provider on the class path: add jasyncio-loop-netty"));
        return provider.newEventLoop(options);
    }

    /**
     * The loop running on the calling thread.
     *
     * @return the running loop
     * @throws IllegalStateException "no running event loop" when none runs on this thread
     * @asyncio asyncio.get_running_loop()
     */
    public static EventLoop getRunningLoop() {
        EventLoop loop = BaseEventLoop.runningLoop();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    /**
     * Wraps a Java {@link CompletionStage} in a future of the given loop; safe from any thread. Cancelling the future
     * cancels the stage's {@link CompletableFuture} where it has one.
     *
     * @param stage the stage
     * @param loop the loop that the future belongs to
     * @param <T> the result type
     * @return a future completed on the loop when the stage completes
     * @asyncio asyncio.wrap_future(future, *, loop=None)
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage, EventLoop loop) {
        Future<T> future = new Future<>(loop);
        CompletableFuture<T> cf = stage.toCompletableFuture();
        future.addDoneCallback(f -> {
            if (f.cancelled()) {
                cf.cancel(false);
            }
        });
        stage.whenComplete((value, error) -> {
            try {
                loop.callSoonThreadsafe(() -> {
                    if (future.done()) {
                        return;
                    }
                    if (error == null) {
                        future.setResult(value);
                    } else {
                        Throwable cause = error instanceof java.util.concurrent.CompletionException
                                && error.getCause() != null ? error.getCause() : error;
                        if (cause instanceof java.util.concurrent.CancellationException) {
                            future.cancel();
                        } else {
                            future.setException(cause);
                        }
                    }
                });
            } catch (IllegalStateException closed) {
                // The loop is closed: nobody is left to hear the outcome.
            }
        });
        return future;
    }

    /**
     * Wraps a Java {@link CompletionStage} in a future of the running loop.
     *
     * @param stage the stage
     * @param <T> the result type
     * @return a future completed on the running loop when the stage completes
     * @throws IllegalStateException if no loop runs on this thread
     * @asyncio asyncio.wrap_future(future)
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        return wrapFuture(stage, getRunningLoop());
    }
}
