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

/**
 * An immutable mapping of {@link ContextVar}s to values: each task has one, copied from its creator's when the task is
 * made, so that a value set in one task is seen by the tasks it creates afterwards and by no other. Outside any task,
 * each thread has its own.
 *
 * @asyncio contextvars.Context
 *     Differences: copied when a task is made, not around each callback; no {@code run()}.
 */
final class Context {
    static final Context EMPTY = new Context(Map.of());
    private static final ThreadLocal<Context> OUTSIDE_TASKS = ThreadLocal.withInitial(() -> EMPTY);

    private final Map<ContextVar<?>, Object> values;

    private Context(Map<ContextVar<?>, Object> values) {
        this.values = values;
    }

    boolean has(ContextVar<?> var) {
        return values.containsKey(var);
    }

    Object get(ContextVar<?> var) {
        return values.get(var);
    }

    Context with(ContextVar<?> var, Object value) {
        Map<ContextVar<?>, Object> copy = new HashMap<>(values);
        copy.put(var, value);
        return new Context(copy);
    }

    Context without(ContextVar<?> var) {
        Map<ContextVar<?>, Object> copy = new HashMap<>(values);
        copy.remove(var);
        return new Context(copy);
    }

    /** The context of the code running now: its task's, else this thread's. */
    static Context current(BaseEventLoop loop) {
        Task<?> task = loop == null ? null : loop.currentTask();
        return task != null ? task.context() : OUTSIDE_TASKS.get();
    }

    /** Whose context runs now: the current task, or this thread outside tasks. */
    static Object owner() {
        BaseEventLoop loop = BaseEventLoop.runningLoop();
        Task<?> task = loop == null ? null : loop.currentTask();
        return task != null ? task : Thread.currentThread();
    }

    static Context current() {
        return current(BaseEventLoop.runningLoop());
    }

    /** Replaces the context of the code running now. */
    static void replace(Context value) {
        BaseEventLoop loop = BaseEventLoop.runningLoop();
        Task<?> task = loop == null ? null : loop.currentTask();
        if (task != null) {
            task.setContext(value);
        } else {
            OUTSIDE_TASKS.set(value);
        }
    }
}
