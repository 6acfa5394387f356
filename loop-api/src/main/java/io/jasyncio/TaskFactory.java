/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * Makes the tasks of {@link EventLoop#createTask}; {@link #EAGER} starts each task at once.
 *
 * @asyncio the factory of loop.set_task_factory(factory)
 */
@FunctionalInterface
public interface TaskFactory {

    /**
     * asyncio 3.12's {@code eager_task_factory}: a task's first step runs synchronously inside {@code createTask},
     * up to its first suspending await; a coroutine that never suspends completes there, without a loop iteration.
     */
    TaskFactory EAGER = new TaskFactory() {
        @Override
        public <T> Task<T> createTask(EventLoop loop, Coroutine<T> coro, String name) {
            return new Task<>(coro, loop, name, true);
        }
    };

    /**
     * Makes a task.
     *
     * @param loop the loop
     * @param coro the coroutine
     * @param name the name, or {@code null}
     * @param <T> the result type
     * @return the task, scheduled
     */
    <T> Task<T> createTask(EventLoop loop, Coroutine<T> coro, String name);
}
