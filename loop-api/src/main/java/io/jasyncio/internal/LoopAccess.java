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
 * The way of {@code io.jasyncio}'s tasks and timer handles into {@link BaseEventLoop}'s bookkeeping, which is
 * package-private so that no loop type (a public subclass included) offers it to users: the current task, the task
 * registry and the fiber thread that may use the loop. Static calls to final methods: the JIT inlines them, the hot
 * path pays nothing for the indirection. Not API.
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
        return loop.swapCurrentTask(task);
    }

    /**
     * Notes a new task, held weakly.
     *
     * @param loop the loop
     * @param task the task
     * @return the task's registration, to give back to {@link #unregisterTask}
     */
    public static Object registerTask(BaseEventLoop loop, Task<?> task) {
        return loop.registerTask(task);
    }

    /**
     * Forgets a finished task.
     *
     * @param loop the loop
     * @param task the task
     * @param registration what {@link #registerTask} returned for it
     */
    public static void unregisterTask(BaseEventLoop loop, Task<?> task, Object registration) {
        loop.unregisterTask(task, registration);
    }

    /**
     * Binds the calling fiber thread to the loop (the virtual-thread coroutine path).
     *
     * @param loop the loop
     */
    public static void bindFiberThread(BaseEventLoop loop) {
        loop.bindFiberThread();
    }

    /**
     * Restores the fiber thread that may use the loop, after a step.
     *
     * @param loop the loop
     * @param thread the thread, or {@code null}
     */
    public static void setActiveFiberThread(BaseEventLoop loop, Thread thread) {
        loop.setActiveFiberThread(thread);
    }

    /**
     * Notes that a scheduled timer was cancelled.
     *
     * @param loop the loop
     * @param timer the timer
     */
    public static void timerHandleCancelled(BaseEventLoop loop, TimerHandle timer) {
        loop.timerHandleCancelled(timer);
    }

    /**
     * The loop's budget for the monitor checks of debug mode.
     *
     * @param loop the loop
     * @return its budget
     */
    public static io.jasyncio.internal.coro.MonitorCheck.Budget monitorChecks(BaseEventLoop loop) {
        return loop.monitorChecks();
    }
}
