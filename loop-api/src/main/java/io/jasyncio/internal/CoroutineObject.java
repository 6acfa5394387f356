/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Coroutine;
import io.jasyncio.spi.LoopInterceptor;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A named coroutine object with a life, made by {@code Asyncio.coroutine(...)}: it is consumed once, awaited or handed
 * to a task, and a second run is refused as asyncio refuses to reuse a coroutine. The debug checks follow its
 * {@code consumed} flag, kept in its own object so that a cleaner can read it after the coroutine is collected: the
 * running loop's interceptors are told of it, or, made where no loop runs, the detached ones (debug mode on by
 * default).
 *
 * @param <T> the result type
 * @asyncio a coroutine object: {@code cr_running}, "cannot reuse already awaited coroutine"
 */
public final class CoroutineObject<T> implements Coroutine<T> {
    private final String name;
    private final Coroutine<T> body;
    private final AtomicBoolean consumed = new AtomicBoolean();
    /** Whether the body was started: loop thread only (the task's or the awaiting task's). */
    private boolean called;

    /**
     * Makes the coroutine object and tells the interceptors of the loop running on this thread.
     *
     * @param name its name, for logs and the task's repr
     * @param body what it runs
     */
    public CoroutineObject(String name, Coroutine<T> body) {
        this.name = Objects.requireNonNull(name, "name");
        this.body = Objects.requireNonNull(body, "body");
        BaseEventLoop loop = BaseEventLoop.runningLoop();
        if (loop != null) {
            Interceptors ic = loop.activeInterceptors();
            if (ic != null) {
                ic.coroutineCreated(this, name, consumed::get);
            }
        } else {
            for (LoopInterceptor interceptor : DebugSupport.detached()) {
                try {
                    interceptor.coroutineCreated(null, this, name, consumed::get);
                } catch (Throwable t) {
                    FatalErrors.rethrowIfFatal(t);
                    BaseEventLoop.LOGGER.error("Interceptor {} failed outside a loop", interceptor, t);
                }
            }
        }
    }

    /**
     * The name.
     *
     * @return the name given to {@code Asyncio.coroutine}
     */
    public String name() {
        return name;
    }

    /** Notes that a task will run it: it is scheduled, no longer a forgotten coroutine. */
    public void markScheduled() {
        consumed.set(true);
    }

    /**
     * Whether it was awaited or handed to a task.
     *
     * @return {@code true} once consumed
     */
    public boolean consumed() {
        return consumed.get();
    }

    @Override
    public T call() throws Exception {
        if (called) {
            throw new IllegalStateException("cannot reuse already awaited coroutine " + this);
        }
        called = true;
        consumed.set(true);
        return body.call();
    }

    @Override
    public String toString() {
        return name + "()";
    }
}
