/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task is woken by a handle of its own, queued again at each await: each wake-up carries the outcome of the future
 * it was for, one wake-up steps the task once, and debug mode (a handle per wake-up, which records its site) may be
 * switched on and off while tasks wait.
 */
class TaskWakeupTest extends LoopTestBase {
    /** Many awaits in a row, results and exceptions mixed: each resumes with its own future's outcome. */
    @Test
    void testEachWakeupCarriesItsFuturesOutcome() {
        List<Future<Integer>> futures = new ArrayList<>();
        Task<List<Object>> t = loop.createTask(() -> {
            List<Object> seen = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Future<Integer> f = loop.createFuture();
                futures.add(f);
                try {
                    seen.add(Asyncio.await(f));
                } catch (IllegalArgumentException e) {
                    seen.add(e.getMessage());
                }
            }
            return seen;
        });
        for (int i = 0; i < 100; i++) {
            runOnce();
            assertEquals(i + 1, futures.size());
            if (i % 3 == 0) {
                futures.get(i).setException(new IllegalArgumentException("e" + i));
            } else {
                futures.get(i).setResult(i);
            }
        }
        runUntilDone(t);
        List<Object> seen = t.result();
        for (int i = 0; i < 100; i++) {
            assertEquals(i % 3 == 0 ? "e" + i : i, seen.get(i));
        }
    }

    /** Two tasks woken in the same iteration each resume once, in the order their futures finished. */
    @Test
    void testTasksWokenTogetherResumeOnceInOrder() {
        List<String> order = new ArrayList<>();
        Future<Void> a = loop.createFuture();
        Future<Void> b = loop.createFuture();
        Task<Void> ta = loop.createTask(() -> {
            Asyncio.await(a);
            order.add("a");
            return null;
        });
        Task<Void> tb = loop.createTask(() -> {
            Asyncio.await(b);
            order.add("b");
            return null;
        });
        runOnce();
        b.setResult(null);
        a.setResult(null);
        runUntilDone(ta);
        runUntilDone(tb);
        assertEquals(List.of("b", "a"), order);
    }

    /** Cancelled after its future finished, before the wake-up ran: the task takes CancelledError at its await. */
    @Test
    void testCancelBetweenWakeupAndResume() {
        Future<String> f = loop.createFuture();
        Task<String> t = loop.createTask(() -> Asyncio.await(f));
        runOnce();
        f.setResult("value");
        assertTrue(t.cancel("late"));
        runUntilDone(t);
        assertTrue(t.cancelled());
        try {
            t.result();
        } catch (CancelledError e) {
            assertEquals("late", e.getMessage());
        }
    }

    /** Debug mode switched on while a task waits, and off again: every wake-up still resumes it. */
    @Test
    void testDebugModeSwitchedWhileWaiting() {
        List<Future<Integer>> futures = new ArrayList<>();
        Task<Integer> t = loop.createTask(() -> {
            int sum = 0;
            for (int i = 0; i < 4; i++) {
                Future<Integer> f = loop.createFuture();
                futures.add(f);
                sum += Asyncio.await(f);
            }
            return sum;
        });
        for (int i = 0; i < 4; i++) {
            runOnce();
            loop.setDebug(i % 2 == 0);
            futures.get(i).setResult(i + 1);
        }
        loop.setDebug(false);
        runUntilDone(t);
        assertEquals(10, t.result());
    }

    /** A task awaiting a task: it is woken once, by the awaited task's end, and then waits on nothing. */
    @Test
    void testTaskAwaitingTask() {
        Future<Integer> f = loop.createFuture();
        Task<Integer> inner = loop.createTask(() -> Asyncio.await(f) * 2);
        Task<Integer> outer = loop.createTask(() -> Asyncio.await(inner) + 1);
        runOnce();
        assertSame(inner, outer.getFutWaiter());
        f.setResult(20);
        runUntilDone(outer);
        assertEquals(41, outer.result());
        assertNull(outer.getFutWaiter());
        assertFalse(inner.cancelled());
    }
}
