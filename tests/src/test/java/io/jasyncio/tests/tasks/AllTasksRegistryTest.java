/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.tests.Gc;
import io.jasyncio.tests.LoopTestBase;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The loop's registry of tasks behind {@code all_tasks()}: it sees every pending task, forgets each as it finishes, in
 * any order, and holds tasks only weakly, as asyncio's {@code _scheduled_tasks} WeakSet.
 */
class AllTasksRegistryTest extends LoopTestBase {

    /** Many tasks finishing in a shuffled order: all_tasks() is exactly the ones left at each step. */
    @Test
    void testAllTasksFollowsTasksFinishingInAnyOrder() {
        int n = 500;
        List<Future<Integer>> futures = new ArrayList<>();
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Future<Integer> f = loop.createFuture();
            futures.add(f);
            tasks.add(loop.createTask(() -> Asyncio.await(f)));
        }
        assertEquals(new HashSet<>(tasks), Asyncio.allTasks(loop), "not started yet, but pending");
        runOnce();
        assertEquals(new HashSet<>(tasks), Asyncio.allTasks(loop), "suspended");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(14));
        Set<Task<Integer>> left = new HashSet<>(tasks);
        for (int k = 0; k < n; k++) {
            int i = order.get(k);
            futures.get(i).setResult(i);
            left.remove(tasks.get(i));
            if (k % 7 == 0 || k == n - 1) {
                runUntil(() -> tasks.get(i).done(), 10);
                Set<Task<Integer>> expected = new HashSet<>(left);
                for (Task<Integer> t : tasks) {
                    if (!t.done()) {
                        expected.add(t);
                    }
                }
                assertEquals(expected, Asyncio.allTasks(loop), "after " + (k + 1) + " finished");
            }
        }
        assertTrue(Asyncio.allTasks(loop).isEmpty());
    }

    /** A task that ends in its first step is forgotten, and the current task sees itself. */
    @Test
    void testAllTasksSeesTheRunningTaskAndForgetsItWhenDone() {
        Task<Set<Task<?>>> task = loop.createTask(Asyncio::allTasks);
        runUntilDone(task);
        assertTrue(task.result().contains(task));
        assertTrue(Asyncio.allTasks(loop).isEmpty());
    }

    /** A pending task nobody holds is collected: the registry does not keep it alive. */
    @Test
    void testAllTasksForgetsCollectedTask() {
        assumeFalse("virtual threads".equals(System.getProperty("jasyncio.test.coroutines")),
                "suspended virtual threads are never collected");
        expectExceptions(); // "Task was destroyed but it is pending!"
        Future<Void> kept = loop.createFuture();
        Task<Void> survivor = loop.createTask(() -> Asyncio.await(kept));
        WeakReference<Task<?>> ref = startAbandonedTask();
        runOnce();
        assertTrue(Gc.until(() -> ref.get() == null));
        Task<Void> later = loop.createTask(() -> null); // a registration after the collection
        assertEquals(Set.of(survivor, later), Asyncio.allTasks(loop));
        runOnce();
        assertEquals(Set.of(survivor), Asyncio.allTasks(loop));
        kept.setResult(null);
        runUntilDone(survivor);
        assertTrue(Asyncio.allTasks(loop).isEmpty());
    }

    private WeakReference<Task<?>> startAbandonedTask() {
        Task<Object> task = loop.createTask(() -> {
            Future<Object> nobodyHolds = loop.createFuture();
            return Asyncio.await(nobodyHolds);
        });
        runOnce();
        return new WeakReference<>(task);
    }
}
