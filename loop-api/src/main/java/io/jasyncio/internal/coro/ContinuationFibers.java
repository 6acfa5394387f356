/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal.coro;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The fast path: each fiber is a {@code jdk.internal.vm.Continuation} run on the loop thread itself, so a suspended
 * task costs a few hundred bytes and an await a few hundred nanoseconds, and Netty's {@code inEventLoop()} stays true
 * in task code. The JDK's continuation API is internal: it is reached through method handles, which needs
 * {@code --add-exports java.base/jdk.internal.vm=io.jasyncio} at run time on the module path ({@code =ALL-UNNAMED} on
 * the class path); {@link #load()} fails without it.
 *
 * <p>On JDK 21 to 23 a continuation cannot yield while its thread holds a monitor ("Pinned: MONITOR"); that error is
 * turned into a clear one. On JDK 24+ it can, see {@link MonitorCheck}.
 */
final class ContinuationFibers implements FiberFactory {
    // Static final, so that the JIT folds the handles and inlines the calls.
    private static final Object SCOPE;
    private static final MethodHandle NEW_CONTINUATION;
    private static final MethodHandle RUN;
    private static final MethodHandle IS_DONE;
    private static final MethodHandle YIELD;
    private static final MethodHandle GET_STACK_TRACE;
    private static final Throwable UNAVAILABILITY_CAUSE;
    /** Whether loop threads are watched for a monitor that a suspended task took with it. */
    private static final boolean WATCH = MonitorCheck.SUSPENDS_WITH_MONITORS
            && MonitorCheck.MODE != MonitorCheck.Mode.ALWAYS;

    static {
        Object scope = null;
        MethodHandle ctor = null;
        MethodHandle run = null;
        MethodHandle isDone = null;
        MethodHandle yield = null;
        MethodHandle stack = null;
        Throwable cause = null;
        try {
            Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                    .invoke("jasyncio");
            ctor = lookup.findConstructor(contClass, MethodType.methodType(void.class, scopeClass, Runnable.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
            run = lookup.findVirtual(contClass, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            isDone = lookup.findVirtual(contClass, "isDone", MethodType.methodType(boolean.class))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            yield = lookup.findStatic(contClass, "yield", MethodType.methodType(boolean.class, scopeClass))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            stack = lookup.findVirtual(contClass, "getStackTrace", MethodType.methodType(StackTraceElement[].class))
                    .asType(MethodType.methodType(StackTraceElement[].class, Object.class));
        } catch (Throwable t) {
            cause = t;
        }
        SCOPE = scope;
        NEW_CONTINUATION = ctor;
        RUN = run;
        IS_DONE = isDone;
        YIELD = yield;
        GET_STACK_TRACE = stack;
        UNAVAILABILITY_CAUSE = cause;
    }

    private ContinuationFibers() {
    }

    /**
     * The fast path, if the continuation API is reachable.
     *
     * @return the factory
     * @throws ReflectiveOperationException if the API is missing or not exported to this code
     */
    static ContinuationFibers load() throws ReflectiveOperationException {
        if (UNAVAILABILITY_CAUSE != null) {
            throw new ReflectiveOperationException(UNAVAILABILITY_CAUSE.toString(), UNAVAILABILITY_CAUSE);
        }
        return new ContinuationFibers();
    }

    @Override
    public Fiber create(Runnable body, Runnable onStart) {
        if (WATCH) {
            MonitorWatch.watchCurrentThread();
        }
        try {
            Object cont = NEW_CONTINUATION.invokeExact(SCOPE, body);
            return new ContinuationFiber(cont);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create a continuation", t);
        }
    }

    @Override
    public void suspend() {
        boolean yielded;
        try {
            yielded = (boolean) YIELD.invokeExact(SCOPE);
        } catch (IllegalStateException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Pinned") || message.contains("MONITOR")) {
                throw new IllegalStateException(MonitorCheck.MESSAGE, e);
            }
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("await failed to suspend the task", t);
        }
        if (!yielded) {
            throw new IllegalStateException("await could not suspend the task (the continuation is pinned)");
        }
    }

    @Override
    public boolean ownThreads() {
        return false;
    }

    @Override
    public String name() {
        return "continuation";
    }

    /** One continuation. */
    private static final class ContinuationFiber implements Fiber {
        private final Object cont;

        ContinuationFiber(Object cont) {
            this.cont = cont;
        }

        @Override
        public boolean resume() {
            try {
                RUN.invokeExact(cont);
                return (boolean) IS_DONE.invokeExact(cont);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public StackTraceElement[] stack() {
            try {
                return (StackTraceElement[]) GET_STACK_TRACE.invokeExact(cont);
            } catch (Throwable t) {
                return new StackTraceElement[0];
            }
        }
    }
}
