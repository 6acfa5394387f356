/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import io.jasyncio.tests.Gc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jasyncio.Asyncio;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Task was destroyed but it is pending!", reported through the loop's exception handler whether debug mode is on or
 * off, as asyncio's {@code Task.__del__} does: when the collector finds a task pending, or when its loop closes with
 * the task pending. Ports of test_tasks.py's destroy-pending cases.
 */
class DestroyedPendingTaskTest extends LoopTestBase {
    private final List<ExceptionContext> reports = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordReports() {
        loop.setExceptionHandler((l, context) -> reports.add(context));
    }

    /** On the virtual-thread coroutine path a suspended task's parked thread keeps it reachable: never collected. */
    private static void assumeTasksCollectable() {
        assumeFalse("virtual threads".equals(System.getProperty("jasyncio.test.coroutines")),
                "suspended virtual threads are never collected");
    }


    /**
     * Starts kill_me, which awaits a future nobody else holds, runs it to that await, and drops it; returns its
     * creation site.
     */
    private StackTraceElement[] startKillMe() {
        Task<Object> task = loop.createTask(() -> {
            Future<Object> future = loop.createFuture();
            Asyncio.await(future);
            throw new IllegalStateException("code never reached");
        }, "kill_me");
        assertEquals(Set.of(task), Asyncio.allTasks(loop));
        loop.runUntilComplete(loop.createTask(() -> {
            Asyncio.sleep(0);
            return null;
        }));
        return task.getSourceTraceback();
    }

    /**
     * Port of test_tasks.py BaseTaskTests.test_log_destroyed_pending_task: in debug mode the report carries the
     * creation site as {@code source_traceback}.
     */
    @Test
    void testLogDestroyedPendingTask() {
        assumeTasksCollectable();
        loop.setDebug(true);
        StackTraceElement[] site = startKillMe();
        assertTrue(Gc.until(() -> !reports.isEmpty()));
        ExceptionContext c = reports.get(0);
        assertEquals("Task was destroyed but it is pending!", c.message());
        assertTrue(String.valueOf(c.get(ExceptionContext.TASK)).startsWith("<Task pending name='kill_me'"),
                c.toString());
        StackTraceElement[] reported = (StackTraceElement[]) c.get(ExceptionContext.SOURCE_TRACEBACK);
        assertEquals(site[0], reported[0], "the creation site, from the caller of createTask");
        loop.setDebug(false);
    }

    /** The same case with debug mode off: reported all the same, without the creation site (not recorded then). */
    @Test
    void testLogDestroyedPendingTaskDebugOff() {
        assumeTasksCollectable();
        StackTraceElement[] site = startKillMe();
        assertArrayEquals(new StackTraceElement[0], site);
        assertTrue(Gc.until(() -> !reports.isEmpty()));
        ExceptionContext c = reports.get(0);
        assertEquals("Task was destroyed but it is pending!", c.message());
        assertEquals("<Task pending name='kill_me' coro=lambda in " + getClass().getName() + ">",
                c.get(ExceptionContext.TASK));
        assertNull(c.get(ExceptionContext.SOURCE_TRACEBACK));
        assertEquals(1, reports.size());
    }

    /** A task with the default name is reported under it: {@code Task-N}, the name getName() gave while it lived. */
    @Test
    void testDestroyedPendingTaskReportsItsDefaultName() {
        assumeTasksCollectable();
        String name = startUnnamed();
        assertTrue(name.matches("Task-[0-9]+"), name);
        assertTrue(Gc.until(() -> !reports.isEmpty()));
        assertTrue(String.valueOf(reports.get(0).get(ExceptionContext.TASK)).startsWith(
                "<Task pending name='" + name + "' coro="), reports.get(0).toString());
    }

    private String startUnnamed() {
        Task<Object> task = loop.createTask(() -> Asyncio.await(loop.createFuture()));
        runOnce();
        return task.getName();
    }

    /** A task still pending when its loop closes is destroyed then: reported by close(), once, on every path. */
    @Test
    void testPendingAtLoopCloseReportedOnce() {
        WeakReference<Task<Object>> ref = leftBehind();
        assertEquals(2, reports.size(), () -> "reports: " + reports);
        assertEquals(List.of("left_behind", "never_started"), reports.stream()
                .map(c -> String.valueOf(c.get(ExceptionContext.TASK)).replaceAll("^<Task pending name='([^']*)'.*",
                        "$1")).sorted().toList());
        assumeTasksCollectable();
        assertTrue(Gc.until(() -> ref.get() == null));
        assertEquals(2, reports.size(), "not again when collected");
    }

    private WeakReference<Task<Object>> leftBehind() {
        Future<Object> never = loop.createFuture();
        Task<Object> task = loop.createTask(() -> Asyncio.await(never), "left_behind");
        runOnce();
        Task<Object> notStarted = loop.createTask(() -> null, "never_started");
        assertTrue(reports.isEmpty());
        loop.close();
        assertFalse(task.done());
        assertFalse(notStarted.done());
        return new WeakReference<>(task);
    }

    /** Finished and cancelled tasks are not destroyed pending, when collected or at close. */
    @Test
    void testDoneTasksNotReported() {
        Task<String> ok = loop.createTask(() -> "ok");
        Task<Object> cancelled = loop.createTask(() -> Asyncio.await(loop.createFuture()));
        runOnce();
        cancelled.cancel();
        runUntil(() -> ok.done() && cancelled.done(), 10);
        loop.close();
        assertTrue(reports.isEmpty(), () -> "reports: " + reports);
    }
}
