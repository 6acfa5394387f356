/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static io.jasyncio.Asyncio.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tasks still pending when their loop closes are unwound from their awaits, so their finally blocks run and nothing
 * stays parked (asyncio closes a destroyed task's coroutine with GeneratorExit).
 */
class TaskCloseTest extends LoopTestBase {

    /** The body unwinds at close: its finally block runs, and its thread (on virtual threads) ends. */
    @Test
    void testPendingTaskUnwindsWhenLoopCloses() throws InterruptedException {
        List<String> events = new ArrayList<>();
        Thread[] bodyThread = {null};
        Future<Object> never = loop.createFuture();
        Task<Object> t = loop.createTask(() -> {
            bodyThread[0] = Thread.currentThread();
            try {
                return await(never);
            } finally {
                events.add("finally ran");
            }
        });
        runOnce();
        assertTrue(events.isEmpty());
        loop.close(); // the pending task is destroyed: reported
        assertDestroyedPendingReported();
        assertEquals(List.of("finally ran"), events);
        assertFalse(t.done(), "a task destroyed while pending stays pending");
        if (bodyThread[0].isVirtual()) {
            bodyThread[0].join(10_000);
            assertFalse(bodyThread[0].isAlive(), "the task's virtual thread ended");
        }
    }

    /** catch (Exception e) does not stop the unwinding; an await in a finally block fails, the loop is closed. */
    @Test
    void testUnwindingPassesCatchExceptionAndAwaitFails() {
        List<Object> events = new ArrayList<>();
        loop.createTask(() -> {
            try {
                Asyncio.sleep(3600);
            } catch (Exception e) {
                events.add("caught as Exception");
            } finally {
                try {
                    Asyncio.sleep(0);
                } catch (IllegalStateException e) {
                    events.add(e);
                }
            }
            events.add("after the try");
            return null;
        });
        runOnce();
        loop.close(); // the pending task is destroyed: reported
        assertDestroyedPendingReported();
        assertEquals(1, events.size(), events.toString());
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, events.get(0));
        assertTrue(e.getMessage().startsWith("sleep outside a task"), e.getMessage());
    }

    /** A body that catches Throwable sees why, and may return: the task still stays pending. */
    @Test
    void testUnwindingIsVisibleToCatchThrowable() {
        List<String> events = new ArrayList<>();
        Task<String> t = loop.createTask(() -> {
            try {
                Asyncio.sleep(3600);
            } catch (Throwable why) {
                events.add(why.getMessage().startsWith("the event loop closed while the task was pending")
                        ? "loop closed" : why.toString());
                return "returned";
            }
            return "slept";
        });
        runOnce();
        loop.close(); // the pending task is destroyed: reported
        assertDestroyedPendingReported();
        assertEquals(List.of("loop closed"), events);
        assertFalse(t.done());
    }

    /** A task that never started does not run its body at close. */
    @Test
    void testUnstartedTaskDoesNotRunAtClose() {
        boolean[] ran = {false};
        loop.createTask(() -> {
            ran[0] = true;
            return null;
        });
        loop.close(); // the pending task is destroyed: reported
        assertDestroyedPendingReported();
        assertFalse(ran[0]);
    }

    /** Finished tasks are left alone at close. */
    @Test
    void testFinishedTaskIsLeftAlone() {
        List<String> events = new ArrayList<>();
        Task<String> t = loop.createTask(() -> {
            try {
                return Asyncio.sleep(0, "done");
            } finally {
                events.add("finally");
            }
        });
        assertEquals("done", loop.runUntilComplete(t));
        loop.close();
        assertEquals(List.of("finally"), events);
    }

    /** Closing the loop destroyed one pending task: reported once, as asyncio's Task.__del__ reports it. */
    private void assertDestroyedPendingReported() {
        expectExceptions();
        assertEquals(1, handled.size(), () -> "reports: " + handled);
        assertEquals("Task was destroyed but it is pending!", handled.get(0).message());
    }
}
