/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Handle;
import io.jasyncio.spi.LoopInterceptor;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The interceptors of one loop, called in the order they were added. One that throws is removed and the failure logged
 * to the {@code asyncio} logger: an interceptor never stops the loop.
 *
 * <p>Dispatch is by event, as Netty's {@code ChannelHandlerMask} skips the handler methods a handler does not
 * override: when an interceptor is added, the loop notes which of the per-callback hooks its class overrides
 * ({@code handleScheduled}, {@code beforeHandle}, {@code afterHandle}, {@code beforePoll}, {@code afterPoll},
 * {@code afterIteration}, {@code beforeTaskStep}, {@code afterTaskStep}), and calls each hook only on the interceptors
 * that override it, through a plain array: no lambda, no iterator. An interceptor that overrides none of the
 * iteration hooks ({@code beforeHandle} to {@code afterIteration}) leaves the loop on its plain path (see
 * {@link #watchesIterations()}). Skipping a default method changes nothing an interceptor can see: the default does
 * nothing.
 *
 * <p>Threading: the arrays are immutable and replaced together under this object's lock, so {@code handleScheduled}
 * may be called from a thread calling {@code callSoonThreadsafe} while the loop thread adds or removes interceptors.
 */
public final class Interceptors {
    private static final LoopInterceptor[] NONE = new LoopInterceptor[0];

    private final BaseEventLoop loop;
    // Threading: written under "this", read from any thread.
    private volatile Table table = new Table(NONE);

    Interceptors(BaseEventLoop loop) {
        this.loop = loop;
    }

    /** The interceptors, and for each per-callback hook those that override it. Immutable. */
    private static final class Table {
        final LoopInterceptor[] all;
        final LoopInterceptor[] handleScheduled;
        final LoopInterceptor[] beforeHandle;
        final LoopInterceptor[] afterHandle;
        final LoopInterceptor[] beforePoll;
        final LoopInterceptor[] afterPoll;
        final LoopInterceptor[] afterIteration;
        final LoopInterceptor[] beforeTaskStep;
        final LoopInterceptor[] afterTaskStep;
        final boolean watchesIterations;
        final boolean watchesHandles;

        Table(LoopInterceptor[] all) {
            this.all = all;
            handleScheduled = overriding(all, "handleScheduled", EventLoop.class, Handle.class);
            beforeHandle = overriding(all, "beforeHandle", EventLoop.class, Handle.class);
            afterHandle = overriding(all, "afterHandle", EventLoop.class, Handle.class, long.class);
            beforePoll = overriding(all, "beforePoll", EventLoop.class, long.class);
            afterPoll = overriding(all, "afterPoll", EventLoop.class, long.class, long.class);
            afterIteration = overriding(all, "afterIteration", EventLoop.class, int.class, long.class);
            beforeTaskStep = overriding(all, "beforeTaskStep", EventLoop.class, Object.class);
            afterTaskStep = overriding(all, "afterTaskStep", EventLoop.class, Object.class, long.class);
            watchesIterations = beforeHandle.length + afterHandle.length + beforePoll.length + afterPoll.length
                    + afterIteration.length > 0;
            watchesHandles = beforeHandle.length + afterHandle.length > 0;
        }

        private static LoopInterceptor[] overriding(LoopInterceptor[] all, String name, Class<?>... parameters) {
            LoopInterceptor[] found = new LoopInterceptor[all.length];
            int n = 0;
            for (LoopInterceptor interceptor : all) {
                if (overrides(interceptor.getClass(), name, parameters)) {
                    found[n++] = interceptor;
                }
            }
            return n == 0 ? NONE : Arrays.copyOf(found, n);
        }
    }

    /**
     * Whether a class overrides one of {@link LoopInterceptor}'s default methods; when unsure, it does.
     *
     * @param type the interceptor's class
     * @param name the method
     * @param parameters its parameter types
     * @return {@code false} only when the method that runs is the interface's default, which does nothing
     */
    static boolean overrides(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters).getDeclaringClass() != LoopInterceptor.class;
        } catch (NoSuchMethodException | SecurityException e) {
            return true;
        }
    }

    /**
     * Adds an interceptor and lets the loop choose its path again, as {@code addInterceptor}.
     *
     * @param interceptor the interceptor
     * @return {@code false} if an equal one was installed already
     */
    boolean install(LoopInterceptor interceptor) {
        boolean added = add(interceptor);
        loop.interceptorsChanged();
        return added;
    }

    /**
     * Removes an interceptor, lets the loop choose its path again and tells the interceptor, as
     * {@code removeInterceptor}.
     *
     * @param interceptor the interceptor
     * @return {@code false} if it was not installed
     */
    boolean uninstall(LoopInterceptor interceptor) {
        boolean removed = remove(interceptor);
        loop.interceptorsChanged();
        if (removed) {
            tellRemoved(interceptor);
        }
        return removed;
    }

    synchronized boolean add(LoopInterceptor interceptor) {
        java.util.Objects.requireNonNull(interceptor, "interceptor");
        LoopInterceptor[] all = table.all;
        for (LoopInterceptor i : all) {
            if (i.equals(interceptor)) {
                return false;
            }
        }
        LoopInterceptor[] grown = Arrays.copyOf(all, all.length + 1);
        grown[all.length] = interceptor;
        table = new Table(grown);
        return true;
    }

    synchronized boolean remove(LoopInterceptor interceptor) {
        LoopInterceptor[] all = table.all;
        for (int k = 0; k < all.length; k++) {
            if (all[k].equals(interceptor)) {
                LoopInterceptor[] shrunk = new LoopInterceptor[all.length - 1];
                System.arraycopy(all, 0, shrunk, 0, k);
                System.arraycopy(all, k + 1, shrunk, k, all.length - k - 1);
                table = new Table(shrunk);
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return table.all.length == 0;
    }

    /**
     * Whether an interceptor overrides a hook of the iteration ({@code beforeHandle}, {@code afterHandle},
     * {@code beforePoll}, {@code afterPoll}, {@code afterIteration}): only then does the loop time its callbacks and
     * polls.
     *
     * @return {@code true} if the loop must take its watched path
     */
    boolean watchesIterations() {
        return table.watchesIterations;
    }

    /**
     * Whether an interceptor overrides {@code handleScheduled}: only then do the scheduling methods call it.
     *
     * @return {@code true} if scheduling must be told
     */
    boolean watchesScheduling() {
        return table.handleScheduled.length > 0;
    }

    /**
     * Whether an interceptor overrides {@code beforeHandle} or {@code afterHandle}: only then does the watched path
     * time each callback; else it times the iteration as a whole.
     *
     * @return {@code true} if each callback must be timed
     */
    boolean watchesHandles() {
        return table.watchesHandles;
    }

    /**
     * Whether an interceptor overrides {@code afterTaskStep}: only then does a task time its steps (two clock reads a
     * step rather than one).
     *
     * @return {@code true} if task steps must be timed
     */
    public boolean timesTaskSteps() {
        return table.afterTaskStep.length > 0;
    }

    List<LoopInterceptor> snapshot() {
        return List.of(table.all);
    }

    /**
     * Calls every interceptor, removing those that throw. For the rare events; the per-callback ones have their own
     * methods.
     *
     * @param call the call to make on each
     */
    public void each(Consumer<LoopInterceptor> call) {
        for (LoopInterceptor interceptor : table.all) {
            try {
                call.accept(interceptor);
            } catch (Throwable t) {
                failed(interceptor, t);
            }
        }
    }

    /** Removes an interceptor that threw, and says so. */
    private void failed(LoopInterceptor interceptor, Throwable t) {
        FatalErrors.rethrowIfFatal(t);
        if (remove(interceptor)) {
            loop.interceptorsChanged();
            BaseEventLoop.LOGGER.error("Interceptor {} failed and was removed from {}", interceptor, loop, t);
            tellRemoved(interceptor);
        }
    }

    /** Calls {@code removed}; a failure there is logged, nothing more. */
    void tellRemoved(LoopInterceptor interceptor) {
        try {
            interceptor.removed(loop);
        } catch (Throwable t) {
            FatalErrors.rethrowIfFatal(t);
            BaseEventLoop.LOGGER.error("Interceptor {} failed when removed from {}", interceptor, loop, t);
        }
    }

    void handleScheduled(Handle handle) {
        for (LoopInterceptor i : table.handleScheduled) {
            try {
                i.handleScheduled(loop, handle);
            } catch (Throwable t) {
                failed(i, t);
            }
        }
    }

    void beforeHandle(Handle handle) {
        for (LoopInterceptor i : table.beforeHandle) {
            try {
                i.beforeHandle(loop, handle);
            } catch (Throwable t) {
                failed(i, t);
            }
        }
    }

    void afterHandle(Handle handle, long durationNanos) {
        for (LoopInterceptor i : table.afterHandle) {
            try {
                i.afterHandle(loop, handle, durationNanos);
            } catch (Throwable t) {
                failed(i, t);
            }
        }
    }

    void beforePoll(long timeoutNanos) {
        for (LoopInterceptor i : table.beforePoll) {
            try {
                i.beforePoll(loop, timeoutNanos);
            } catch (Throwable t) {
                failed(i, t);
            }
        }
    }

    void afterPoll(long timeoutNanos, long durationNanos) {
        for (LoopInterceptor i : table.afterPoll) {
            try {
                i.afterPoll(loop, timeoutNanos, durationNanos);
            } catch (Throwable t) {
                failed(i, t);
            }
        }
    }

    void afterIteration(int handles, long durationNanos) {
        for (LoopInterceptor i : table.afterIteration) {
            try {
                i.afterIteration(loop, handles, durationNanos);
            } catch (Throwable t) {
                failed(i, t);
            }
        }
    }

    /**
     * Tells that a task's step starts.
     *
     * @param task the task
     */
    public void beforeTaskStep(Object task) {
        for (LoopInterceptor i : table.beforeTaskStep) {
            try {
                i.beforeTaskStep(loop, task);
            } catch (Throwable t) {
                failed(i, t);
            }
        }
    }

    /**
     * Tells that a task's step ended.
     *
     * @param task the task
     * @param durationNanos how long it ran
     */
    public void afterTaskStep(Object task, long durationNanos) {
        for (LoopInterceptor i : table.afterTaskStep) {
            try {
                i.afterTaskStep(loop, task, durationNanos);
            } catch (Throwable t) {
                failed(i, t);
            }
        }
    }

    /**
     * Tells that a future finished with an exception.
     *
     * @param future the future
     * @param exception the exception
     * @param neverRetrieved whether it is still unobserved; must not reference the future
     */
    public void exceptionSet(Object future, Throwable exception, BooleanSupplier neverRetrieved) {
        each(i -> i.exceptionSet(loop, future, exception, neverRetrieved));
    }

    /**
     * Tells that a coroutine object was made.
     *
     * @param coroutine the coroutine
     * @param name its name
     * @param consumed whether it was awaited or scheduled; must not reference the coroutine
     */
    public void coroutineCreated(Object coroutine, String name, BooleanSupplier consumed) {
        each(i -> i.coroutineCreated(loop, coroutine, name, consumed));
    }

    /**
     * Tells that an {@code async def} method of the loop returned a future.
     *
     * @param future the future
     * @param operation the method's name
     * @param awaited whether it was used yet; must not reference the future
     */
    public void futureReturned(Object future, String operation, BooleanSupplier awaited) {
        each(i -> i.futureReturned(loop, future, operation, awaited));
    }

    /**
     * Tells that a transport, a datagram endpoint or a server was opened.
     *
     * @param transport it
     */
    public void transportOpened(Object transport) {
        each(i -> i.transportOpened(loop, transport));
    }

    /**
     * Tells that a transport, a datagram endpoint or a server was closed.
     *
     * @param transport it
     */
    public void transportClosed(Object transport) {
        each(i -> i.transportClosed(loop, transport));
    }

    void taskCreated(Object task) {
        each(i -> i.taskCreated(loop, task));
    }

    void taskDone(Object task) {
        each(i -> i.taskDone(loop, task));
    }

    void exceptionHandlerCalled(ExceptionContext context) {
        each(i -> i.exceptionHandlerCalled(loop, context));
    }

    void executorSubmitted(Object function) {
        each(i -> i.executorSubmitted(loop, function));
    }

    void loopClosed() {
        each(i -> i.loopClosed(loop));
    }

    @Override
    public String toString() {
        return Arrays.toString(table.all);
    }
}
