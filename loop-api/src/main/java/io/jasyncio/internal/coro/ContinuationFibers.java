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
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} at run time; {@link #load()} fails without it.
 *
 * <p>On JDK 21 a continuation cannot yield while its thread holds a monitor ("Pinned: MONITOR"); that error is turned
 * into a clear one.
 */
final class ContinuationFibers implements FiberFactory {
    private final Object scope;
    private final MethodHandle newContinuation;
    private final MethodHandle run;
    private final MethodHandle isDone;
    private final MethodHandle yield;
    private final MethodHandle getStackTrace;

    private ContinuationFibers(Object scope, MethodHandle newContinuation, MethodHandle run, MethodHandle isDone,
            MethodHandle yield, MethodHandle getStackTrace) {
        this.scope = scope;
        this.newContinuation = newContinuation;
        this.run = run;
        this.isDone = isDone;
        this.yield = yield;
        this.getStackTrace = getStackTrace;
    }

    /**
     * Finds the continuation API.
     *
     * @return the factory
     * @throws ReflectiveOperationException if the API is missing or not exported to this code
     */
    static ContinuationFibers load() throws ReflectiveOperationException {
        Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
        Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Object scope;
        try {
            scope = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                    .invoke("jasyncio");
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        MethodHandle ctor = lookup.findConstructor(contClass,
                MethodType.methodType(void.class, scopeClass, Runnable.class))
                .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
        MethodHandle run = lookup.findVirtual(contClass, "run", MethodType.methodType(void.class))
                .asType(MethodType.methodType(void.class, Object.class));
        MethodHandle isDone = lookup.findVirtual(contClass, "isDone", MethodType.methodType(boolean.class))
                .asType(MethodType.methodType(boolean.class, Object.class));
        MethodHandle yield = lookup.findStatic(contClass, "yield", MethodType.methodType(boolean.class, scopeClass))
                .asType(MethodType.methodType(boolean.class, Object.class));
        MethodHandle stack = lookup.findVirtual(contClass, "getStackTrace",
                MethodType.methodType(StackTraceElement[].class))
                .asType(MethodType.methodType(StackTraceElement[].class, Object.class));
        return new ContinuationFibers(scope, ctor, run, isDone, yield, stack);
    }

    @Override
    public Fiber create(Runnable body, Runnable onStart) {
        try {
            Object cont = newContinuation.invokeExact(scope, body);
            return new ContinuationFiber(cont);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create a continuation", t);
        }
    }

    @Override
    public void suspend() {
        boolean yielded;
        try {
            yielded = (boolean) yield.invokeExact(scope);
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
    private final class ContinuationFiber implements Fiber {
        private final Object cont;

        ContinuationFiber(Object cont) {
            this.cont = cont;
        }

        @Override
        public boolean resume() {
            try {
                run.invokeExact(cont);
                return (boolean) isDone.invokeExact(cont);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public StackTraceElement[] stack() {
            try {
                return (StackTraceElement[]) getStackTrace.invokeExact(cont);
            } catch (Throwable t) {
                return new StackTraceElement[0];
            }
        }
    }
}
