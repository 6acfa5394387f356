/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.FatalErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Structured concurrency: tasks created in the group are awaited when the body ends; the first child that fails
 * cancels the others and the body's task, and the failures come out together as an {@link ExceptionGroup}.
 *
 * <pre>{@code
 * List<String> pages = TaskGroup.run(g -> {
 *     Task<String> a = g.createTask(() -> fetch("a"));
 *     Task<String> b = g.createTask(() -> fetch("b"));
 *     return List.of(a, b);
 * }).stream().map(Task::result).toList();
 * }</pre>
 *
 * @asyncio asyncio.TaskGroup (async with asyncio.TaskGroup() as tg)
 *     Differences: the body is a lambda, since a try-with-resources close() never sees the body's exception and so
 *     could not cancel the children when the body throws.
 */
public final class TaskGroup {
    /** A body that receives its group. */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the body.
         *
         * @param group the group to create tasks in
         * @return the result
         * @throws Exception whatever the body throws
         */
        T call(TaskGroup group) throws Exception;
    }

    private boolean entered;
    private boolean exiting;
    private boolean aborting;
    private EventLoop loop;
    private Task<?> parentTask;
    private boolean parentCancelRequested;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private Throwable baseError;
    private Future<Object> onCompletedFut;
    private final Consumer<Future<?>> onTaskDone = f -> onTaskDone((Task<?>) f);

    private TaskGroup() {
    }

    /**
     * Runs a body with a new group in the current task, then waits for every task created in it.
     *
     * @param body the body
     * @param <T> the body's result type
     * @return the body's result
     * @throws ExceptionGroup with the failures of the children (and of the body, if it failed)
     * @throws CancelledError if the enclosing task was cancelled from outside
     * @throws IllegalStateException outside a task
     */
    public static <T> T run(Body<T> body) {
        TaskGroup group = new TaskGroup();
        group.enter();
        T result;
        try {
            result = body.call(group);
        } catch (Throwable t) {
            group.exit(t);
            throw Asyncio.<RuntimeException>sneaky(t); // exit throws what replaces t, else t stands
        }
        group.exit(null);
        return result;
    }

    private void enter() {
        if (entered) {
            throw new IllegalStateException("TaskGroup " + this + " has already been entered");
        }
        loop = Asyncio.getRunningLoop();
        parentTask = Asyncio.currentTask();
        if (parentTask == null) {
            throw new IllegalStateException("TaskGroup " + this + " cannot determine the parent task");
        }
        entered = true;
    }

    /**
     * Creates a task in the group.
     *
     * @param coro the coroutine
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if the group is finished or shutting down
     * @asyncio TaskGroup.create_task(coro)
     */
    public <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /**
     * Creates a named task in the group.
     *
     * @param coro the coroutine
     * @param name the name
     * @param <T> the result type
     * @return the task
     * @asyncio TaskGroup.create_task(coro, name=name)
     */
    public <T> Task<T> createTask(Coroutine<T> coro, String name) {
        if (!entered) {
            throw new IllegalStateException("TaskGroup " + this + " has not been entered");
        }
        if (exiting && tasks.isEmpty()) {
            throw new IllegalStateException("TaskGroup " + this + " is finished");
        }
        if (aborting) {
            throw new IllegalStateException("TaskGroup " + this + " is shutting down");
        }
        Task<T> task = loop.createTask(coro, name);
        if (task.done()) {
            onTaskDone(task);
        } else {
            tasks.add(task);
            task.addDoneCallback(onTaskDone);
        }
        return task;
    }

    /**
     * asyncio's __aexit__ (3.12 order): waits for the children, then takes back its cancellation of the parent task, so
     * that a parent that absorbed a child failure ends with {@code cancelling() == 0}; throws what the group raises,
     * else returns.
     */
    private void exit(Throwable exc) {
        exiting = true;
        if (exc != null && isBaseError(exc) && baseError == null) {
            baseError = exc;
        }
        Throwable propagateCancellation = exc instanceof CancelledError ? exc : null;
        if (exc != null && !aborting) {
            abort();
        }
        while (!tasks.isEmpty()) {
            if (onCompletedFut == null) {
                onCompletedFut = loop.createFuture();
            }
            try {
                Asyncio.await(onCompletedFut);
            } catch (CancelledError ex) {
                if (!aborting) {
                    propagateCancellation = ex;
                    abort();
                }
            }
            onCompletedFut = null;
        }
        if (baseError != null) {
            throw Asyncio.<RuntimeException>sneaky(baseError);
        }
        if (parentCancelRequested && parentTask.uncancel() == 0) {
            // No cancellation left but the group's own: the CancelledError it caused is not propagated.
            propagateCancellation = null;
        }
        if (propagateCancellation != null && errors.isEmpty()) {
            throw Asyncio.<RuntimeException>sneaky(propagateCancellation); // errors, if any, have priority
        }
        if (exc != null && !(exc instanceof CancelledError)) {
            errors.add(exc);
        }
        if (!errors.isEmpty()) {
            throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
        }
    }

    private static boolean isBaseError(Throwable t) {
        return FatalErrors.isFatal(t);
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : tasks) {
            if (!t.done()) {
                t.cancel();
            }
        }
    }

    private void onTaskDone(Task<?> task) {
        tasks.remove(task);
        if (onCompletedFut != null && tasks.isEmpty() && !onCompletedFut.done()) {
            onCompletedFut.setResult(true);
        }
        if (task.cancelled()) {
            return;
        }
        Throwable exc = task.exception();
        if (exc == null) {
            return;
        }
        errors.add(exc);
        if (isBaseError(exc) && baseError == null) {
            baseError = exc;
        }
        if (parentTask.done()) {
            loop.callExceptionHandler(ExceptionContext.builder("Task " + task + " has errored out but its parent task "
                    + parentTask + " is already completed").exception(exc).put(ExceptionContext.TASK, task).build());
            return;
        }
        if (!aborting && !parentCancelRequested) {
            abort();
            parentCancelRequested = true;
            parentTask.cancel();
        }
    }

    @Override
    public String toString() {
        return "<TaskGroup" + (tasks.isEmpty() ? "" : " tasks=" + tasks.size()) + (errors.isEmpty() ? ""
                : " errors=" + errors.size()) + (aborting ? " cancelling" : entered ? " entered" : "") + ">";
    }
}
