/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.CreationSites;
import io.jasyncio.internal.FatalErrors;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A callback wrapper object returned by {@link EventLoop#callSoon} and {@link EventLoop#callSoonThreadsafe}.
 *
 * <p>The callback is either a {@link Runnable} or a {@link Consumer} with its one argument, which lets loop code pass
 * state without allocating a capturing lambda (asyncio's {@code *args}, limited to one).
 *
 * @asyncio asyncio.Handle
 *     Differences: at most one argument; no {@code get_context()}: a callback given a {@link Context} runs inside it.
 */
public class Handle {
    /** Marks a {@link Runnable} callback: it takes no argument. */
    private static final Object NO_ARG = new Object();

    // Threading: loop thread only, but for "cancelled", which is read when the loop is not running too.
    private final BaseEventLoop loop;
    private Object callback;
    private Object arg;
    private volatile boolean cancelled;
    /** The link of the loop's inbox (an intrusive list: queueing allocates nothing beyond the handle). */
    @SuppressWarnings("unused") // read and written through a VarHandle by the loop
    private Handle next;

    /**
     * Creates a handle; only loops create them (through {@code HandleAccess}).
     *
     * @param callback what to run
     * @param loop the loop it belongs to
     * @throws NullPointerException if the callback is null
     */
    Handle(Runnable callback, BaseEventLoop loop) {
        this.callback = Objects.requireNonNull(callback, "callback");
        this.arg = NO_ARG;
        this.loop = loop;
    }

    /**
     * Creates a handle that calls {@code callback.accept(arg)}; only loops create them.
     *
     * @param callback what to call
     * @param arg its argument
     * @param loop the loop it belongs to
     * @param <A> the argument's type
     * @throws NullPointerException if the callback is null
     */
    <A> Handle(Consumer<? super A> callback, A arg, BaseEventLoop loop) {
        this.callback = Objects.requireNonNull(callback, "callback");
        this.arg = arg;
        this.loop = loop;
    }

    /**
     * The loop this handle belongs to.
     *
     * @return the loop
     */
    public EventLoop getLoop() {
        return loop;
    }

    /** The loop, with its internal type, for subclasses in the loop implementation. */
    final BaseEventLoop baseLoop() {
        return loop;
    }

    /**
     * Cancels the callback. If the callback has already been canceled or executed, this method has no effect.
     *
     * @asyncio Handle.cancel()
     */
    public void cancel() {
        if (!cancelled) {
            if (loop != null && loop.getDebug()) {
                // asyncio keeps a debug handle's repr: the callback is still named once cancelled
                CreationSites.Site site = site();
                if (site != null) {
                    site.cancelled(describeCallback());
                }
            }
            cancelled = true;
            callback = null;
            arg = null;
        }
    }

    /**
     * Whether the callback was cancelled.
     *
     * @return {@code true} if the callback was cancelled
     * @asyncio Handle.cancelled()
     */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Runs the callback now, as the loop does: an exception goes to the loop's exception handler with the keys
     * {@code message}, {@code exception} and {@code handle}, never to the caller; an {@link Error} (but a stack
     * overflow) is not reported but rethrown, out of the loop (see "Fatal errors" in the package documentation). Only
     * the loop calls this.
     *
     * @asyncio Handle._run()
     */
    @SuppressWarnings("unchecked")
    final void run() {
        Object cb = callback;
        if (cb == null) {
            return;
        }
        try {
            if (arg == NO_ARG) {
                ((Runnable) cb).run();
            } else {
                ((Consumer<Object>) cb).accept(arg);
            }
        } catch (Throwable t) {
            FatalErrors.rethrowIfFatal(t);
            ExceptionContext.Builder context = ExceptionContext.builder("Exception in callback " + describeCallback())
                    .exception(t).handle(this);
            CreationSites.Site site = site();
            if (site != null) {
                context.put(ExceptionContext.SOURCE_TRACEBACK, site.frames());
            }
            loop.callExceptionHandler(context.build());
        }
    }

    /**
     * A short description of the callback, for logs.
     *
     * @return the callback's class, or a note that the handle is cancelled
     */
    protected String describeCallback() {
        Object cb = callback;
        return cb == null ? "<cancelled>" : describe(cb);
    }

    /**
     * Names a callback for logs: its class, or "lambda in C" for a lambda or method reference made in class C, or
     * "name()" for a coroutine object made by {@code Asyncio.coroutine}.
     *
     * @param callback the callback
     * @return a short description
     */
    public static String describe(Object callback) {
        if (callback instanceof io.jasyncio.internal.CoroutineObject<?> coroutine) {
            return coroutine.toString();
        }
        String name = callback.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : "lambda in " + name.substring(0, lambda);
    }

    /**
     * asyncio's {@code Handle._repr_info}: the state, the callback and, for a handle made in debug mode, where it was
     * made ({@code <Handle lambda in Foo created at Foo.java:12>}).
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "<" + typeName() + describeState() + ">";
    }

    /**
     * The part of {@link #toString()} after the class name: {@code cancelled}, the callback, and where the handle was
     * made in debug mode.
     *
     * @return the text, starting with a space
     */
    final String describeState() {
        CreationSites.Site site = site();
        if (site == null) {
            return cancelled ? " cancelled" : " " + describeCallback();
        }
        String cb = cancelled ? site.cancelledCallback() : describeCallback();
        return (cancelled ? " cancelled" : "") + (cb != null ? " " + cb : "") + site.suffix();
    }

    /**
     * Where this handle was made, recorded only by a loop in debug mode.
     *
     * @return the site, or {@code null}
     */
    CreationSites.Site site() {
        return CreationSites.of(this);
    }

    /**
     * The type's name in {@link #toString()}: the class's simple name, {@code Handle} for a debug handle.
     *
     * @return the name
     */
    String typeName() {
        return getClass().getSimpleName();
    }
}
