/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Task;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A loop's tasks, held weakly as asyncio's {@code _scheduled_tasks} WeakSet: a task nobody else holds can be collected
 * (the debug checks then report it if it was pending).
 *
 * <p>Threading: guarded by its own monitor, so that {@link #pending()} can be read from any thread (a task dump while
 * the loop thread is stuck); another thread sees the set as of the last task created or finished.
 */
final class TaskRegistry {
    private final Set<Task<?>> tasks = Collections.newSetFromMap(new WeakHashMap<>());

    synchronized void add(Task<?> task) {
        tasks.add(task);
    }

    synchronized void remove(Task<?> task) {
        tasks.remove(task);
    }

    /**
     * The tasks that are not done.
     *
     * @return a new set
     */
    Set<Task<?>> pending() {
        Task<?>[] all;
        synchronized (this) {
            all = tasks.toArray(new Task<?>[0]);
        }
        Set<Task<?>> pending = new LinkedHashSet<>();
        for (Task<?> t : all) {
            if (t != null && !t.done()) {
                pending.add(t);
            }
        }
        return pending;
    }
}
