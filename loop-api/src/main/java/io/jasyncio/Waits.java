/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** {@link Asyncio#wait}, {@link Asyncio#waitFor} and {@link Asyncio#asCompleted}, after CPython's {@code tasks.py}. */
final class Waits {

    private Waits() {
    }

    /** asyncio's wait_for; {@code futureOf} is called once (it may make the task). */
    static <T> T waitFor(java.util.function.Supplier<? extends Future<T>> futureOf, Double timeout) {
        Asyncio.requireTask("waitFor");
        if (timeout != null && timeout <= 0) {
            Future<T> fut = futureOf.get();
            if (fut.done()) {
                return fut.result();
            }
            cancelAndWait(fut);
            try {
                return fut.result();
            } catch (CancelledError e) {
                throw new TimeoutError(null, e);
            }
        }
        return Timeout.after(timeout).run(() -> Asyncio.await(futureOf.get()));
    }

    /** Cancels a future and waits for it to be done, whatever happens to the waiting task meanwhile. */
    private static void cancelAndWait(Future<?> fut) {
        EventLoop loop = fut.getLoop();
        Future<Object> waiter = loop.createFuture();
        Consumer<Future<?>> release = f -> {
            if (!waiter.done()) {
                waiter.setResult(null);
            }
        };
        addCallback(fut, release);
        try {
            fut.cancel();
            Asyncio.await(waiter);
        } finally {
            removeCallback(fut, release);
        }
    }

    static <T> WaitResult<T> wait(Collection<? extends Future<? extends T>> futures, Double timeout,
            ReturnWhen returnWhen) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        java.util.Objects.requireNonNull(returnWhen, "returnWhen");
        Asyncio.requireTask("wait");
        Set<Future<? extends T>> fs = new LinkedHashSet<>(futures);
        EventLoop loop = fs.iterator().next().getLoop();
        Future<Object> waiter = loop.createFuture();
        TimerHandle[] timeoutHandle = {null};
        if (timeout != null) {
            timeoutHandle[0] = loop.callLater(timeout, () -> {
                if (!waiter.done()) {
                    waiter.setResult(null);
                }
            });
        }
        int[] counter = {fs.size()};
        Consumer<Future<?>> onCompletion = f -> {
            counter[0]--;
            if (counter[0] <= 0 || returnWhen == ReturnWhen.FIRST_COMPLETED
                    || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.cancelled() && f.exception() != null)) {
                if (timeoutHandle[0] != null) {
                    timeoutHandle[0].cancel();
                }
                if (!waiter.done()) {
                    waiter.setResult(null);
                }
            }
        };
        // As asyncio's _wait: callbacks on every future (a done one's runs on the next iteration), then one await.
        for (Future<? extends T> f : fs) {
            addCallback(f, onCompletion);
        }
        try {
            Asyncio.await(waiter);
        } finally {
            if (timeoutHandle[0] != null) {
                timeoutHandle[0].cancel();
            }
            for (Future<? extends T> f : fs) {
                removeCallback(f, onCompletion);
            }
        }
        Set<Future<? extends T>> done = new LinkedHashSet<>();
        Set<Future<? extends T>> pending = new LinkedHashSet<>();
        for (Future<? extends T> f : fs) {
            (f.done() ? done : pending).add(f);
        }
        return new WaitResult<>(done, pending);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void addCallback(Future<?> f, Consumer<Future<?>> cb) {
        ((Future) f).addDoneCallback(cb);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void removeCallback(Future<?> f, Consumer<Future<?>> cb) {
        ((Future) f).removeDoneCallback(cb);
    }

    static <T> List<Coroutine<T>> asCompleted(Collection<? extends Future<? extends T>> futures, Double timeout) {
        Set<Future<?>> todo = new LinkedHashSet<>(futures);
        // asyncio uses a Queue: the done futures (or TIMED_OUT) in order, and the slots waiting for one.
        ArrayDeque<Object> doneQueue = new ArrayDeque<>();
        ArrayDeque<Future<Object>> getters = new ArrayDeque<>();
        List<Coroutine<T>> out = new ArrayList<>();
        if (todo.isEmpty()) {
            return out;
        }
        EventLoop loop = todo.iterator().next().getLoop();
        TimerHandle[] timeoutHandle = {null};
        Runnable wakeupNext = () -> {
            while (!getters.isEmpty()) {
                Future<Object> getter = getters.poll();
                if (!getter.done()) {
                    getter.setResult(null);
                    return;
                }
            }
        };
        Consumer<Future<?>> onCompletion = f -> {
            if (!todo.remove(f)) {
                return; // the timeout came first
            }
            doneQueue.add(f);
            if (todo.isEmpty() && timeoutHandle[0] != null) {
                timeoutHandle[0].cancel();
            }
            wakeupNext.run();
        };
        for (Future<?> f : todo) {
            addCallback(f, onCompletion);
        }
        if (timeout != null) {
            timeoutHandle[0] = loop.callLater(timeout, () -> {
                for (Future<?> f : todo) {
                    removeCallback(f, onCompletion);
                    doneQueue.add(TIMED_OUT);
                    wakeupNext.run();
                }
                todo.clear();
            });
        }
        for (int i = 0; i < todo.size(); i++) {
            out.add(() -> {
                while (doneQueue.isEmpty()) {
                    Future<Object> getter = loop.createFuture();
                    getters.add(getter);
                    try {
                        Asyncio.await(getter);
                    } catch (CancelledError e) {
                        getter.cancel();
                        if (!doneQueue.isEmpty() && !getter.cancelled()) {
                            wakeupNext.run(); // pass the wake-up on, as Queue.get does
                        }
                        throw e;
                    }
                }
                Object f = doneQueue.poll();
                if (f == TIMED_OUT) {
                    throw new TimeoutError();
                }
                @SuppressWarnings("unchecked") // todo holds only the caller's Future<? extends T>s
                Future<? extends T> done = (Future<? extends T>) f;
                return done.result();
            });
        }
        return out;
    }

    /** Marks a timed-out slot in asCompleted's queue. */
    private static final Object TIMED_OUT = new Object();
}
