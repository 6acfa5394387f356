/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Tasks destroyed while pending, logged at ERROR as asyncio's {@code Task.__del__} does, with the task as it was at its
 * last step and where it was created:
 *
 * <pre>
 * Task was destroyed but it is pending!
 * task: &lt;Task pending name='Task-2' coro=create() wait_for=&lt;Future pending cb=[...]&gt;&gt;
 * source_traceback: Object created at (most recent call first):
 * 	at app.Main.test(Main.java:31)
 * </pre>
 *
 * <p>A task is destroyed when the garbage collector finds it pending (nothing will ever wake it: the future it waits on
 * is unreachable too), or when its loop closes while it is pending: the loop then unwinds its body, and the task can
 * never finish. Tasks made while the check was not installed are not followed. On the virtual-thread coroutine
 * fallback a suspended task's parked thread keeps it reachable: only the loop's close finds it there.
 */
public final class PendingTaskCheck implements LoopInterceptor {
    /** The tasks followed, held weakly; loop thread, but for the closing loop's pass. */
    private final Map<Object, State> tasks = Collections.synchronizedMap(new WeakHashMap<>());

    /** Creates the check; {@link Provider} installs one in each loop in debug mode. */
    public PendingTaskCheck() {
    }

    /** Installs the check in loops in debug mode. */
    public static final class Provider implements LoopInterceptorProvider {
        /** For {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public LoopInterceptor create(EventLoop loop) {
            return new PendingTaskCheck();
        }
    }

    /** What the cleaner needs of a task; holds nothing of the task itself. */
    private static final class State implements Runnable {
        final StackTraceElement[] site;
        volatile String repr;
        volatile boolean done;
        volatile boolean reported;

        State(String repr, StackTraceElement[] site) {
            this.repr = repr;
            this.site = site;
        }

        @Override
        public void run() {
            if (!done && !reported) {
                report(repr, site);
            }
        }
    }

    static void report(String repr, StackTraceElement[] site) {
        StringBuilder sb = new StringBuilder("Task was destroyed but it is pending!\ntask: ").append(repr);
        DebugLog.appendSite(sb, "source_traceback: Object created at", site);
        DebugLog.LOGGER.error(sb.toString());
        io.jasyncio.debug.jfr.JfrEvents.taskDestroyedPending(repr, site);
    }

    @Override
    public void taskCreated(EventLoop loop, Object task) {
        StackTraceElement[] site = task instanceof Task<?> t ? DebugLog.trim(t.getSourceTraceback()) : null;
        State state = new State(task.toString(), site);
        tasks.put(task, state);
        DebugLog.CLEANER.register(task, state);
    }

    @Override
    public void afterTaskStep(EventLoop loop, Object task, long durationNanos) {
        State state = tasks.get(task);
        if (state != null && !((Future<?>) task).done()) {
            state.repr = task.toString();
        }
    }

    @Override
    public void taskDone(EventLoop loop, Object task) {
        State state = tasks.remove(task);
        if (state != null) {
            state.done = true;
        }
    }

    @Override
    public void loopClosed(EventLoop loop) {
        List<Map.Entry<Object, State>> pending;
        synchronized (tasks) {
            pending = new ArrayList<>(tasks.entrySet());
        }
        for (Map.Entry<Object, State> e : pending) {
            State state = e.getValue();
            if (!state.done && !state.reported && !((Future<?>) e.getKey()).done()) {
                state.reported = true;
                report(state.repr, state.site); // as at its last step: closing the loop unwound its await
            }
        }
    }

    /** Debug mode went off: the tasks' ends will not be heard, so none may be reported later. */
    @Override
    public void removed(EventLoop loop) {
        synchronized (tasks) {
            tasks.values().forEach(s -> s.done = true);
            tasks.clear();
        }
    }

    @Override
    public String toString() {
        return "PendingTaskCheck";
    }
}
