/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Task;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A loop's tasks, held weakly as asyncio's {@code _scheduled_tasks} WeakSet: a task nobody else holds can be collected
 * (the debug checks then report it if it was pending).
 *
 * <p>Layout: an array of weak references, each knowing its own index, so that a finished task is removed in constant
 * time (the last entry moves into its slot) with no hashing; the entries of collected tasks come back through a
 * reference queue and are removed at the next registration. One {@link WeakReference} per task, and no lock.
 *
 * <p>Threading: changed by the loop's thread only (tasks are made and finish there). Other threads may read
 * {@link #pending()} (a task dump while the loop thread is stuck) without a lock: they see a recent state, not
 * necessarily the latest, as asyncio's {@code all_tasks()} read from another thread does.
 */
final class TaskRegistry {
    private static final int INITIAL_CAPACITY = 64;

    /** One task's entry: where it sits in the array, or -1 once removed. */
    static final class Entry extends WeakReference<Task<?>> {
        int index;

        Entry(Task<?> task, ReferenceQueue<Task<?>> queue, int index) {
            super(task, queue);
            this.index = index;
        }
    }

    private final ReferenceQueue<Task<?>> collected = new ReferenceQueue<>();
    /** Volatile so that a reader on another thread sees a grown array whole. */
    private volatile Entry[] entries = new Entry[INITIAL_CAPACITY];
    private int size;

    /**
     * Registers a task.
     *
     * @param task the task
     * @return its entry, for {@link #remove}
     */
    Entry add(Task<?> task) {
        expungeCollected();
        Entry[] a = entries;
        if (size == a.length) {
            a = Arrays.copyOf(a, a.length << 1);
            entries = a;
        }
        Entry e = new Entry(task, collected, size);
        a[size++] = e;
        return e;
    }

    /**
     * Forgets a task; its entry is not enqueued afterwards.
     *
     * @param entry the entry {@link #add} returned
     */
    void remove(Entry entry) {
        int i = entry.index;
        if (i >= 0) {
            removeAt(i);
        }
        entry.clear();
    }

    private void removeAt(int i) {
        Entry[] a = entries;
        Entry gone = a[i];
        int last = --size;
        Entry moved = a[last];
        a[i] = moved;
        moved.index = i;
        a[last] = null;
        gone.index = -1;
    }

    private void expungeCollected() {
        Entry e;
        while ((e = (Entry) collected.poll()) != null) {
            if (e.index >= 0) {
                removeAt(e.index);
            }
        }
    }

    /**
     * The tasks that are not done.
     *
     * @return a new set
     */
    Set<Task<?>> pending() {
        Entry[] a = entries;
        int n = Math.min(size, a.length);
        Set<Task<?>> pending = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            Entry e = a[i];
            Task<?> t = e == null ? null : e.get();
            if (t != null && !t.done()) {
                pending.add(t);
            }
        }
        return pending;
    }
}
