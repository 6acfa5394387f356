/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Handle;
import io.jasyncio.TimerHandle;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * The loop's way into {@link Handle} and {@link TimerHandle}, whose constructors, run method, queue link and timer-heap
 * flag are package-private: user code has no business making, running or relinking handles, yet the loop, in this
 * package, must. The handles are found once, through a private lookup into {@code io.jasyncio} (the same module, so
 * no {@code opens} is needed), and held in static finals: the JIT folds them, so a call here costs what the direct
 * call would.
 */
final class HandleAccess {
    private static final MethodHandle NEW_HANDLE;
    private static final MethodHandle NEW_HANDLE_WITH_ARG;
    private static final MethodHandle NEW_DEBUG_HANDLE;
    private static final MethodHandle NEW_DEBUG_HANDLE_WITH_ARG;
    private static final MethodHandle NEW_TIMER;
    private static final MethodHandle RUN;
    private static final MethodHandle SET_SCHEDULED;
    /** {@code Handle.next}: the link of the inbox's intrusive list. */
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup handles = MethodHandles.privateLookupIn(Handle.class, MethodHandles.lookup());
            MethodHandles.Lookup timers = MethodHandles.privateLookupIn(TimerHandle.class, MethodHandles.lookup());
            NEW_HANDLE = handles.findConstructor(Handle.class,
                    MethodType.methodType(void.class, Runnable.class, BaseEventLoop.class));
            NEW_HANDLE_WITH_ARG = handles.findConstructor(Handle.class,
                    MethodType.methodType(void.class, Consumer.class, Object.class, BaseEventLoop.class));
            Class<?> debugHandle = Class.forName("io.jasyncio.DebugHandle");
            MethodHandles.Lookup debugHandles = MethodHandles.privateLookupIn(debugHandle, MethodHandles.lookup());
            NEW_DEBUG_HANDLE = debugHandles.findConstructor(debugHandle, MethodType.methodType(void.class,
                    Runnable.class, BaseEventLoop.class, CreationSites.Site.class))
                    .asType(MethodType.methodType(Handle.class, Runnable.class, BaseEventLoop.class,
                            CreationSites.Site.class));
            NEW_DEBUG_HANDLE_WITH_ARG = debugHandles.findConstructor(debugHandle, MethodType.methodType(void.class,
                    Consumer.class, Object.class, BaseEventLoop.class, CreationSites.Site.class))
                    .asType(MethodType.methodType(Handle.class, Consumer.class, Object.class, BaseEventLoop.class,
                            CreationSites.Site.class));
            NEW_TIMER = timers.findConstructor(TimerHandle.class,
                    MethodType.methodType(void.class, long.class, long.class, Runnable.class, BaseEventLoop.class));
            RUN = handles.findVirtual(Handle.class, "run", MethodType.methodType(void.class));
            SET_SCHEDULED = timers.findVirtual(TimerHandle.class, "setScheduled",
                    MethodType.methodType(void.class, boolean.class));
            NEXT = handles.findVarHandle(Handle.class, "next", Handle.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private HandleAccess() {
    }

    static Handle newHandle(Runnable callback, BaseEventLoop loop) {
        try {
            return (Handle) NEW_HANDLE.invokeExact(callback, loop);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static <A> Handle newHandle(Consumer<? super A> callback, A arg, BaseEventLoop loop) {
        try {
            return (Handle) NEW_HANDLE_WITH_ARG.invokeExact((Consumer<?>) callback, (Object) arg, loop);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A handle that keeps where it was made: a loop in debug mode makes these. */
    static Handle newDebugHandle(Runnable callback, BaseEventLoop loop) {
        try {
            return (Handle) NEW_DEBUG_HANDLE.invokeExact(callback, loop, CreationSites.capture());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** A handle with an argument that keeps where it was made: a loop in debug mode makes these. */
    static <A> Handle newDebugHandle(Consumer<? super A> callback, A arg, BaseEventLoop loop) {
        try {
            return (Handle) NEW_DEBUG_HANDLE_WITH_ARG.invokeExact((Consumer<?>) callback, (Object) arg, loop,
                    CreationSites.capture());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static TimerHandle newTimer(long whenNanos, long sequence, Runnable callback, BaseEventLoop loop) {
        try {
            return (TimerHandle) NEW_TIMER.invokeExact(whenNanos, sequence, callback, loop);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Runs a handle's callback; failures go to the loop's exception handler, never here. */
    static void run(Handle handle) {
        try {
            RUN.invokeExact(handle);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void setScheduled(TimerHandle timer, boolean scheduled) {
        try {
            SET_SCHEDULED.invokeExact(timer, scheduled);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The next handle in the inbox, with acquire semantics. */
    static Handle lvNext(Handle h) {
        return (Handle) NEXT.getAcquire(h);
    }

    /** Links the next handle in the inbox, with release semantics. */
    static void soNext(Handle h, Handle next) {
        NEXT.setRelease(h, next);
    }

    /** Links the next handle with a plain store (before the handle is published). */
    static void spNext(Handle h, Handle next) {
        NEXT.set(h, next);
    }

    /** Unchecked exceptions and errors pass as they are; the handles declare no checked one. */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
