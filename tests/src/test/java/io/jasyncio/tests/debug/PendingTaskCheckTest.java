/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.Task;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pending tasks destroyed (the guide's "Pending task destroyed"): collected, or left when their loop closes. */
class PendingTaskCheckTest extends DebugTestBase {

    /** The loop reports through its exception handler: the default one logs, as these tests read. */
    @BeforeEach
    void defaultHandler() {
        loop.setExceptionHandler(null);
    }

    /**
     * On the virtual-thread coroutine fallback a suspended task's parked thread keeps it reachable: it is never
     * collected, and only the loop's close finds it.
     */
    private static void assumeTasksCollectable() {
        assumeFalse("virtual threads".equals(System.getProperty("jasyncio.test.coroutines")),
                "suspended virtual threads are never collected");
    }

    /** Starts a task that waits on a future nobody else holds, and drops it: nothing can ever wake it. */
    private WeakReference<Task<Object>> abandon(String name) {
        assumeTasksCollectable();
        Task<Object> task = loop.createTask(() -> Asyncio.await(loop.createFuture()), name);
        runOnce();
        return new WeakReference<>(task);
    }

    /** After test_tasks.py BaseTaskTests.test_log_destroyed_pending_task: logged with the task and its creation site. */
    @Test
    void testLogDestroyedPendingTask() {
        abandon("kill_me");
        awaitLog("Task was destroyed but it is pending!");
        String log = log();
        assertTrue(log.contains("ERROR asyncio - Task was destroyed but it is pending!\n"
                + "task: <Task pending name='kill_me' coro=lambda in io.jasyncio.tests.debug.PendingTaskCheckTest"
                + " wait_for=<Future pending cb=["), log);
        assertTrue(log.contains("source_traceback: Object created at (most recent call first):\n"
                + "\tat io.jasyncio.tests.debug.PendingTaskCheckTest.abandon(PendingTaskCheckTest.java:"), log);
    }

    /** A task still pending when its loop closes is unwound and destroyed: logged at close. */
    @Test
    void testPendingAtLoopCloseLogged() {
        Future<Object> never = loop.createFuture();
        Task<Object> task = loop.createTask(() -> Asyncio.await(never), "left_behind");
        runOnce();
        loop.close();
        assertFalse(task.done());
        String log = log();
        assertTrue(log.contains("ERROR asyncio - Task was destroyed but it is pending!\n"
                + "task: <Task pending name='left_behind'"), log);
        assertTrue(log.contains("\tat io.jasyncio.tests.debug.PendingTaskCheckTest.testPendingAtLoopCloseLogged("),
                log);
    }

    /** Finished or cancelled tasks are not destroyed pending. */
    @Test
    void testDoneTasksNotLogged() {
        Task<String> ok = loop.createTask(() -> "ok", "finished");
        Task<Object> cancelled = loop.createTask(() -> Asyncio.await(loop.createFuture()), "cancelled");
        runOnce();
        cancelled.cancel();
        runUntil(() -> ok.done() && cancelled.done(), 10);
        Task<Object> atClose = loop.createTask(() -> Asyncio.await(loop.createFuture()), "sentinel");
        runOnce();
        loop.close();
        String log = log();
        assertTrue(log.contains("name='sentinel'"), log);
        assertFalse(log.contains("name='finished'") || log.contains("name='cancelled'"), log);
        assertFalse(atClose.done());
    }

    /**
     * With debug mode off the report is made all the same (asyncio's Task.__del__ does not depend on it), with the
     * task's name and coroutine, without the creation site (not recorded then).
     */
    @Test
    void testDebugOffLoggedWithoutSourceTraceback() {
        loop.setDebug(false);
        abandon("quiet");
        awaitLog("name='quiet'");
        String log = log();
        int at = log.indexOf("task: <Task pending name='quiet' coro=lambda in "
                + "io.jasyncio.tests.debug.PendingTaskCheckTest>");
        assertTrue(at >= 0, log);
        assertFalse(log.substring(at).contains("source_traceback"), log);
    }

    /** Tasks made in debug mode and abandoned after it went off are reported, with the site recorded at creation. */
    @Test
    void testDebugTurnedOffStillReports() {
        abandonLater("early");
        loop.setDebug(false);
        runOnce();
        awaitLog("name='early'");
        assertTrue(log().contains("\tat io.jasyncio.tests.debug.PendingTaskCheckTest.abandonLater("), log());
    }

    /** Creates a task that will wait on a future nobody holds, without running it yet. */
    private WeakReference<Task<Object>> abandonLater(String name) {
        assumeTasksCollectable();
        return new WeakReference<>(loop.createTask(() -> Asyncio.await(loop.createFuture()), name));
    }
}
