/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@link Asyncio#gather} and {@link Asyncio#shield}, after CPython's {@code tasks.py}. */
final class Gather {

    private Gather() {
    }

    /** The future that gather returns: cancelling it cancels the children. */
    static final class GatheringFuture<T> extends Future<List<T>> {
        private final List<Future<?>> children;
        boolean cancelRequested;

        GatheringFuture(List<Future<?>> children, EventLoop loop) {
            super(loop);
            this.children = children;
        }

        @Override
        public boolean cancel(String msg) {
            if (done()) {
                return false;
            }
            boolean ret = false;
            for (Future<?> child : children) {
                if (child.cancel(msg)) {
                    ret = true;
                }
            }
            if (ret) {
                cancelRequested = true;
            }
            return ret;
        }
    }

    /**
     * Gathers futures, or coroutines made into tasks; an argument given twice is run once. The result list holds
     * {@code T}s, and with {@code returnExceptions} the exceptions too (the caller's type says so).
     */
    static <T> Future<List<T>> gather(boolean returnExceptions, Iterable<?> coroutinesOrFutures) {
        Map<Object, Future<?>> argToFut = new IdentityHashMap<>();
        List<Future<?>> children = new ArrayList<>();
        List<Future<?>> doneFuts = new ArrayList<>();
        EventLoop loop = null;
        int nfuts = 0;
        for (Object arg : coroutinesOrFutures) {
            Future<?> fut = argToFut.get(arg);
            if (fut == null) {
                fut = arg instanceof Coroutine<?> c ? Asyncio.ensureFuture(c) : (Future<?>) arg;
                if (loop == null) {
                    loop = fut.getLoop();
                } else if (fut.getLoop() != loop) {
                    // asyncio's ensure_future(arg, loop=loop) with the first future's loop: ValueError
                    throw new IllegalArgumentException(
                            "The future belongs to a different loop than the one specified as the loop argument");
                }
                nfuts++;
                argToFut.put(arg, fut);
                if (fut.done()) {
                    doneFuts.add(fut);
                }
            }
            children.add(fut);
        }
        if (children.isEmpty()) {
            Future<List<T>> outer = Asyncio.getRunningLoop().createFuture();
            outer.setResult(new ArrayList<>());
            return outer;
        }
        GatheringFuture<T> outer = new GatheringFuture<>(children, loop);
        int total = nfuts;
        int[] nfinished = {0};
        Consumer<Future<?>> doneCallback = fut -> {
            nfinished[0]++;
            if (outer.done()) {
                if (!fut.cancelled()) {
                    fut.exception(); // mark as retrieved
                }
                return;
            }
            if (!returnExceptions) {
                if (fut.cancelled()) {
                    outer.setException(fut.makeCancelledError());
                    return;
                }
                Throwable exc = fut.exception();
                if (exc != null) {
                    outer.setException(exc);
                    return;
                }
            }
            if (nfinished[0] == total) {
                List<Object> results = new ArrayList<>(children.size());
                for (Future<?> child : children) {
                    if (child.cancelled()) {
                        results.add(new CancelledError(child.cancelMessage() == null ? "" : child.cancelMessage()));
                    } else {
                        Throwable e = child.exception();
                        results.add(e != null ? e : child.result());
                    }
                }
                if (outer.cancelRequested) {
                    outer.setException(fut.makeCancelledError());
                } else {
                    outer.setResult(uncheckedList(results));
                }
            }
        };
        for (Future<?> fut : argToFut.values()) {
            if (!fut.done()) {
                Waits.addCallback(fut, doneCallback);
            }
        }
        for (Future<?> fut : doneFuts) {
            doneCallback.accept(fut);
        }
        return outer;
    }

    /** The results are {@code T}s (or, with return_exceptions, what the caller typed as {@code Object}). */
    @SuppressWarnings("unchecked")
    private static <T> List<T> uncheckedList(List<Object> results) {
        return (List<T>) results;
    }

    static <T> Future<T> shield(Future<T> inner) {
        if (inner.done()) {
            return inner;
        }
        Future<T> outer = inner.getLoop().createFuture();
        Consumer<Future<T>> innerDone = f -> {
            if (outer.cancelled()) {
                if (!f.cancelled()) {
                    f.exception(); // mark as retrieved
                }
                return;
            }
            if (f.cancelled()) {
                outer.cancel();
            } else if (f.exception() != null) {
                outer.setException(f.exception());
            } else {
                outer.setResult(f.result());
            }
        };
        inner.addDoneCallback(innerDone);
        outer.addDoneCallback(o -> {
            if (!inner.done()) {
                inner.removeDoneCallback(innerDone);
            }
        });
        return outer;
    }
}
