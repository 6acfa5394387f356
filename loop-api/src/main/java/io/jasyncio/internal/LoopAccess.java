/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Task;
import io.jasyncio.TimerHandle;

/**
 * {@link BaseEventLoop}'s bookkeeping for {@code io.jasyncio}'s tasks and timer handles: the current task, the task
 * registry, the fiber thread that may use the loop and the count of cancelled timers. The state is in package-private
 * fields of the loop, so that no loop type (a public subclass included) offers it to users; these static methods are
 * the only code that changes it from outside the loop. Static and small: the JIT inlines them, the hot path pays
 * nothing for the indirection. Not API.
 *
 * <p>Threading: the loop's thread, or the fiber thread it runs (see {@link #bindFiberThread}).
 */
public final class LoopAccess {
    private LoopAccess() {
    }

    /**
     * Makes a task current for its step, returning the one it replaces (an eager task's first step runs inside
     * another task's step).
     *
     * @param loop the loop
     * @param task the task, or {@code null}
     * @return the previous current task
     */
    public static Task<?> swapCurrentTask(BaseEventLoop loop, Task<?> task) {
        Task<?> previous = loop.currentTask;
        loop.currentTask = task;
        return previous;
    }

    /**
     * Notes a new task, held weakly, counts it and tells the interceptors.
     *
     * @param loop the loop
     * @param task the task
     * @return the task's registration, to give back to {@link #unregisterTask}
     */
    public static Object registerTask(BaseEventLoop loop, Task<?> task) {
        Object registration = loop.tasks.add(task);
        loop.counters().tasksCreated++;
        Interceptors ic = loop.activeInterceptors();
        if (ic != null) {
            ic.taskCreated(task);
        }
        return registration;
    }

    /**
     * Forgets a finished task and tells the interceptors.
     *
     * @param loop the loop
     * @param task the task
     * @param registration what {@link #registerTask} returned for it
     */
    public static void unregisterTask(BaseEventLoop loop, Task<?> task, Object registration) {
        loop.tasks.remove((TaskRegistry.Entry) registration);
        Interceptors ic = loop.activeInterceptors();
        if (ic != null) {
            ic.taskDone(task);
        }
    }

    /**
     * Binds the calling fiber thread to the loop (the virtual-thread coroutine path): it may use the loop, and
     * {@code getRunningLoop()} finds the loop there.
     *
     * @param loop the loop
     */
    public static void bindFiberThread(BaseEventLoop loop) {
        loop.activeFiberThread = Thread.currentThread();
        if (BaseEventLoop.RUNNING_LOOP.get() != loop) {
            BaseEventLoop.RUNNING_LOOP.set(loop);
        }
    }

    /**
     * Restores the fiber thread that may use the loop, after a step.
     *
     * @param loop the loop
     * @param thread the thread, or {@code null}
     */
    public static void setActiveFiberThread(BaseEventLoop loop, Thread thread) {
        loop.activeFiberThread = thread;
    }

    /**
     * Notes that a scheduled timer was cancelled, for the purge of the timer heap; {@link TimerHandle#cancel()} calls
     * it.
     *
     * @param loop the loop
     * @param timer the timer
     */
    public static void timerHandleCancelled(BaseEventLoop loop, TimerHandle timer) {
        loop.timers.cancelled();
    }

    /**
     * The loop's budget for the monitor checks of debug mode.
     *
     * @param loop the loop
     * @return its budget
     */
    public static io.jasyncio.internal.coro.MonitorCheck.Budget monitorChecks(BaseEventLoop loop) {
        return loop.monitorChecks;
    }
}
