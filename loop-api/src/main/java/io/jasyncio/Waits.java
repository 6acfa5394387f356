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

    static Object waitFor(Object coroOrFuture, Double timeout) {
        Asyncio.requireTask("waitFor");
        if (timeout != null && timeout <= 0) {
            Future<Object> fut = Asyncio.ensureFuture(coroOrFuture);
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
        return Timeout.after(timeout).run(() -> Asyncio.await(Asyncio.ensureFuture(coroOrFuture)));
    }

    /** Cancels a future and waits for it to be done, whatever happens to the waiting task meanwhile. */
    private static void cancelAndWait(Future<Object> fut) {
        EventLoop loop = fut.getLoop();
        Future<Object> waiter = loop.createFuture();
        Consumer<Future<Object>> release = f -> {
            if (!waiter.done()) {
                waiter.setResult(null);
            }
        };
        fut.addDoneCallback(release);
        try {
            fut.cancel();
            Asyncio.await(waiter);
        } finally {
            fut.removeDoneCallback(release);
        }
    }

    static WaitResult wait(Collection<? extends Future<?>> futures, Double timeout, ReturnWhen returnWhen) {
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("Set of Tasks/Futures is empty.");
        }
        java.util.Objects.requireNonNull(returnWhen, "returnWhen");
        Asyncio.requireTask("wait");
        Set<Future<?>> fs = new LinkedHashSet<>(futures);
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
        boolean alreadyDone = false;
        for (Future<?> f : fs) {
            if (f.done()) {
                if (returnWhen == ReturnWhen.FIRST_COMPLETED
                        || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.cancelled() && f.exception() != null)) {
                    alreadyDone = true;
                }
            }
        }
        boolean allDone = fs.stream().allMatch(Future::done);
        if (!alreadyDone && !allDone) {
            for (Future<?> f : fs) {
                addCallback(f, onCompletion);
            }
            try {
                Asyncio.await(waiter);
            } finally {
                if (timeoutHandle[0] != null) {
                    timeoutHandle[0].cancel();
                }
                for (Future<?> f : fs) {
                    removeCallback(f, onCompletion);
                }
            }
        } else if (timeoutHandle[0] != null) {
            timeoutHandle[0].cancel();
        }
        Set<Future<?>> done = new LinkedHashSet<>();
        Set<Future<?>> pending = new LinkedHashSet<>();
        for (Future<?> f : fs) {
            (f.done() ? done : pending).add(f);
        }
        return new WaitResult(done, pending);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addCallback(Future<?> f, Consumer<Future<?>> cb) {
        ((Future) f).addDoneCallback(cb);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void removeCallback(Future<?> f, Consumer<Future<?>> cb) {
        ((Future) f).removeDoneCallback(cb);
    }

    @SuppressWarnings("unchecked")
    static List<Coroutine<Object>> asCompleted(Collection<? extends Future<?>> futures, Double timeout) {
        Set<Future<?>> todo = new LinkedHashSet<>(futures);
        ArrayDeque<Object> doneQueue = new ArrayDeque<>();
        List<Coroutine<Object>> out = new ArrayList<>();
        if (todo.isEmpty()) {
            return out;
        }
        EventLoop loop = todo.iterator().next().getLoop();
        Future<?>[] wakeup = {null};
        TimerHandle[] timeoutHandle = {null};
        Consumer<Future<?>> onCompletion = f -> {
            if (!todo.remove(f)) {
                return;
            }
            doneQueue.add(f);
            if (todo.isEmpty() && timeoutHandle[0] != null) {
                timeoutHandle[0].cancel();
            }
            if (wakeup[0] != null && !wakeup[0].done()) {
                ((Future<Object>) (Future<?>) wakeup[0]).setResult(null);
            }
        };
        for (Future<?> f : futures) {
            addCallback(f, onCompletion);
        }
        if (timeout != null) {
            timeoutHandle[0] = loop.callLater(timeout, () -> {
                for (Future<?> f : todo) {
                    removeCallback(f, onCompletion);
                    doneQueue.add(TIMED_OUT);
                }
                todo.clear();
                if (wakeup[0] != null && !wakeup[0].done()) {
                    ((Future<Object>) (Future<?>) wakeup[0]).setResult(null);
                }
            });
        }
        for (int i = 0; i < todo.size(); i++) {
            out.add(() -> {
                while (doneQueue.isEmpty()) {
                    Future<Object> w = loop.createFuture();
                    wakeup[0] = w;
                    Asyncio.await(w);
                }
                Object f = doneQueue.poll();
                if (f == TIMED_OUT) {
                    throw new TimeoutError();
                }
                return ((Future<?>) f).result();
            });
        }
        return out;
    }

    /** Marks a timed-out slot in asCompleted's queue. */
    private static final Object TIMED_OUT = new Object();
}
