/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.BaseEventLoop;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A mapping of {@link ContextVar}s to values, as Python's {@code contextvars.Context}. Code always runs inside one
 * context: a task's own (each task gets a copy of its creator's when it is made, or the context given to
 * {@link EventLoop#createTask(Coroutine, String, Context)}), else, outside tasks, the current thread's, which
 * {@link #run(Supplier)} replaces for the length of a call. {@link ContextVar#set} changes the current context only;
 * a copy made before does not see it.
 *
 * <p>A copy is cheap: the values are an immutable map, replaced (not changed) on each set, so a copy shares it until
 * one side sets a variable.
 *
 * @asyncio contextvars.Context
 *     Differences: a callback scheduled without a context runs in the loop thread's context, not in a copy of the
 *     context that scheduled it; give {@link EventLoop#callSoon(Runnable, Context)} {@link #copyContext()} for
 *     asyncio's behaviour.
 */
public final class Context {
    private static final ThreadLocal<Context> OUTSIDE_TASKS = ThreadLocal.withInitial(Context::new);
    /** The context the next task made on this thread runs in, set by {@code createTask(coro, name, context)}. */
    private static final ThreadLocal<Context> FOR_NEXT_TASK = new ThreadLocal<>();

    private Map<ContextVar<?>, Object> values;
    private boolean entered;

    /**
     * An empty context.
     *
     * @asyncio contextvars.Context()
     */
    public Context() {
        this(Map.of());
    }

    private Context(Map<ContextVar<?>, Object> values) {
        this.values = values;
    }

    /**
     * A copy of the current context: the current task's, else the calling thread's.
     *
     * @return a new context with the same values
     * @asyncio contextvars.copy_context()
     */
    public static Context copyContext() {
        return current().copy();
    }

    /**
     * A shallow copy of this context.
     *
     * @return a new context with the same values
     * @asyncio Context.copy()
     */
    public Context copy() {
        return new Context(values);
    }

    /**
     * Calls {@code fn} inside this context and returns its result: what it sets with {@link ContextVar#set} is kept
     * in this context, and the caller's context is current again afterwards.
     *
     * @param fn the function
     * @param <T> the result type
     * @return what {@code fn} returns
     * @throws IllegalStateException "cannot enter context: ... is already entered" when this context is running
     *     already (asyncio's RuntimeError)
     * @asyncio Context.run(callable)
     */
    public <T> T run(Supplier<T> fn) {
        Objects.requireNonNull(fn, "fn");
        if (entered) {
            throw new IllegalStateException("cannot enter context: " + this + " is already entered");
        }
        BaseEventLoop loop = BaseEventLoop.runningLoop();
        Task<?> task = loop == null ? null : loop.currentTask();
        Context previous = task != null ? task.context() : OUTSIDE_TASKS.get();
        entered = true;
        install(task, this);
        try {
            return fn.get();
        } finally {
            install(task, previous);
            entered = false;
        }
    }

    /**
     * Calls {@code fn} inside this context: as {@link #run(Supplier)}.
     *
     * @param fn the function
     * @throws IllegalStateException when this context is running already
     * @asyncio Context.run(callable)
     */
    public void run(Runnable fn) {
        Objects.requireNonNull(fn, "fn");
        run(() -> {
            fn.run();
            return null;
        });
    }

    /**
     * The value of a variable in this context.
     *
     * @param var the variable
     * @param <T> the value type
     * @return its value, or {@code null} when it is not set here (its default is not looked at)
     * @asyncio Context.get(var)
     */
    @SuppressWarnings("unchecked")
    public <T> T get(ContextVar<T> var) {
        return (T) values.get(var);
    }

    /**
     * Whether a variable has a value in this context.
     *
     * @param var the variable
     * @return {@code true} when it was set here (or in the context this one was copied from)
     * @asyncio var in context
     */
    public boolean containsKey(ContextVar<?> var) {
        return values.containsKey(var);
    }

    /**
     * How many variables have a value here.
     *
     * @return the count
     * @asyncio len(context)
     */
    public int size() {
        return values.size();
    }

    /**
     * The variables that have a value here.
     *
     * @return an immutable snapshot
     * @asyncio Context.keys()
     */
    public Set<ContextVar<?>> vars() {
        return Set.copyOf(values.keySet());
    }

    @Override
    public String toString() {
        return "<Context " + values.size() + (values.size() == 1 ? " var" : " vars") + " at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + ">";
    }

    // ---------------------------------------------------------------- for ContextVar and Task

    Object value(ContextVar<?> var) {
        return values.get(var);
    }

    void put(ContextVar<?> var, Object value) {
        Map<ContextVar<?>, Object> copy = new HashMap<>(values);
        copy.put(var, value);
        values = copy;
    }

    void remove(ContextVar<?> var) {
        Map<ContextVar<?>, Object> copy = new HashMap<>(values);
        copy.remove(var);
        values = copy;
    }

    /** The context of the code running now: its task's, else this thread's. */
    static Context current(BaseEventLoop loop) {
        Task<?> task = loop == null ? null : loop.currentTask();
        return task != null ? task.context() : OUTSIDE_TASKS.get();
    }

    static Context current() {
        return current(BaseEventLoop.runningLoop());
    }

    /** The context a task made now runs in: the one given to {@code createTask}, else a copy of the current one. */
    static Context forNewTask(BaseEventLoop loop) {
        Context given = FOR_NEXT_TASK.get();
        if (given != null) {
            FOR_NEXT_TASK.remove();
            return given;
        }
        return current(loop).copy();
    }

    /** {@link EventLoop#createTask(Coroutine, String, Context)}: the task made by the loop's factory runs in it. */
    static <T> Task<T> createTaskIn(EventLoop loop, Coroutine<T> coro, String name, Context context) {
        if (context == null) {
            return loop.createTask(coro, name);
        }
        FOR_NEXT_TASK.set(context);
        try {
            return loop.createTask(coro, name);
        } finally {
            FOR_NEXT_TASK.remove();
        }
    }

    private static void install(Task<?> task, Context context) {
        if (task != null) {
            task.setContext(context);
        } else {
            OUTSIDE_TASKS.set(context);
        }
    }
}
