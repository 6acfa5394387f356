/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.ExceptionContext;
import io.jasyncio.Handle;
import io.jasyncio.spi.LoopInterceptor;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The interceptors of one loop, called in the order they were added. One that throws is removed and the failure logged
 * to the {@code asyncio} logger: an interceptor never stops the loop.
 *
 * <p>Threading: the list is copy-on-write, so {@code handleScheduled} may be called from a thread calling
 * {@code callSoonThreadsafe} while the loop thread adds or removes interceptors.
 */
public final class Interceptors {
    private final BaseEventLoop loop;
    private final CopyOnWriteArrayList<LoopInterceptor> list = new CopyOnWriteArrayList<>();

    Interceptors(BaseEventLoop loop) {
        this.loop = loop;
    }

    boolean add(LoopInterceptor interceptor) {
        return list.addIfAbsent(java.util.Objects.requireNonNull(interceptor, "interceptor"));
    }

    boolean remove(LoopInterceptor interceptor) {
        return list.remove(interceptor);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<LoopInterceptor> snapshot() {
        return List.copyOf(list);
    }

    /**
     * Calls every interceptor, removing those that throw.
     *
     * @param call the call to make on each
     */
    public void each(Consumer<LoopInterceptor> call) {
        for (LoopInterceptor interceptor : list) {
            try {
                call.accept(interceptor);
            } catch (Throwable t) {
                BaseEventLoop.rethrowIfFatal(t);
                if (list.remove(interceptor)) {
                    loop.interceptorsChanged();
                    BaseEventLoop.LOGGER.error("Interceptor {} failed and was removed from {}", interceptor, loop, t);
                    tellRemoved(interceptor);
                }
            }
        }
    }

    /** Calls {@code removed}; a failure there is logged, nothing more. */
    void tellRemoved(LoopInterceptor interceptor) {
        try {
            interceptor.removed(loop);
        } catch (Throwable t) {
            BaseEventLoop.rethrowIfFatal(t);
            BaseEventLoop.LOGGER.error("Interceptor {} failed when removed from {}", interceptor, loop, t);
        }
    }

    void handleScheduled(Handle handle) {
        each(i -> i.handleScheduled(loop, handle));
    }

    void beforeHandle(Handle handle) {
        each(i -> i.beforeHandle(loop, handle));
    }

    void afterHandle(Handle handle, long durationNanos) {
        each(i -> i.afterHandle(loop, handle, durationNanos));
    }

    void beforePoll(long timeoutNanos) {
        each(i -> i.beforePoll(loop, timeoutNanos));
    }

    void afterPoll(long timeoutNanos, long durationNanos) {
        each(i -> i.afterPoll(loop, timeoutNanos, durationNanos));
    }

    void afterIteration(int handles, long durationNanos) {
        each(i -> i.afterIteration(loop, handles, durationNanos));
    }

    /**
     * Tells that a future finished with an exception.
     *
     * @param future the future
     * @param exception the exception
     * @param neverRetrieved whether it is still unobserved; must not reference the future
     */
    public void exceptionSet(Object future, Throwable exception, java.util.function.BooleanSupplier neverRetrieved) {
        each(i -> i.exceptionSet(loop, future, exception, neverRetrieved));
    }

    /**
     * Tells that a coroutine object was made.
     *
     * @param coroutine the coroutine
     * @param name its name
     * @param consumed whether it was awaited or scheduled; must not reference the coroutine
     */
    public void coroutineCreated(Object coroutine, String name, java.util.function.BooleanSupplier consumed) {
        each(i -> i.coroutineCreated(loop, coroutine, name, consumed));
    }

    /**
     * Tells that an {@code async def} method of the loop returned a future.
     *
     * @param future the future
     * @param operation the method's name
     * @param awaited whether it was used yet; must not reference the future
     */
    public void futureReturned(Object future, String operation, java.util.function.BooleanSupplier awaited) {
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
        return Arrays.toString(list.toArray());
    }
}
