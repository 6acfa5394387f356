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
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import io.jasyncio.WaitResult;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_tasks.py as_completed, shield and gather-with-shield tests. */
class AsCompletedShieldTest extends LoopTestBase {

    private Task<String> sleepTask(double delay, String result) {
        return loop.createTask(() -> Asyncio.sleep(delay, result));
    }

    /** Port of test_tasks.py BaseTaskTests.test_as_completed_reverse_wait: the n-th await gives the n-th to finish. */
    @Test
    void testAsCompletedReverseWait() {
        Task<Object> test = loop.createTask(() -> {
            Task<String> a = sleepTask(0.05, "a");
            Task<String> b = sleepTask(0.10, "b");
            List<Coroutine<Object>> futs = Asyncio.asCompleted(List.of(a, b), null);
            assertEquals(2, futs.size());
            Object x = await(futs.get(1));
            assertEquals("a", x);
            assertEquals(0.05, loop.time(), 0.001);
            Object y = await(futs.get(0));
            assertEquals("b", y);
            assertEquals(0.10, loop.time(), 0.001);
            return null;
        });
        runUntilDone(test);
        test.result();
    }

    /** Port of test_tasks.py BaseTaskTests.test_as_completed_concurrent: two tasks await the slots at once. */
    @Test
    void testAsCompletedConcurrent() {
        Task<Set<Object>> test = loop.createTask(() -> {
            Task<String> a = sleepTask(0.05, "a");
            Task<String> b = sleepTask(0.05, "b");
            List<Coroutine<String>> futs = Asyncio.asCompleted(List.of(a, b), null);
            assertEquals(2, futs.size());
            List<Future<String>> waiters = new ArrayList<>();
            for (Coroutine<String> fut : futs) {
                waiters.add(Asyncio.ensureFuture(fut));
            }
            WaitResult<String> r = Asyncio.wait(waiters, null, ReturnWhen.ALL_COMPLETED);
            Set<Object> results = new HashSet<>();
            for (Future<? extends String> f : r.done()) {
                results.add(f.result());
            }
            return results;
        });
        runUntilDone(test);
        assertEquals(Set.of("a", "b"), test.result());
    }

    /** Port of test_tasks.py BaseTaskTests.test_as_completed_duplicate_coroutines: one slot per distinct future. */
    @Test
    void testAsCompletedDuplicateCoroutines() {
        Task<List<Object>> runner = loop.createTask(() -> {
            Task<String> ham = loop.createTask(() -> "ham");
            Task<String> spam = loop.createTask(() -> "spam");
            List<Object> result = new ArrayList<>();
            for (Coroutine<String> f : Asyncio.asCompleted(List.of(ham, ham, spam), null)) {
                result.add(await(f));
            }
            return result;
        });
        runUntilDone(runner);
        assertEquals(2, runner.result().size());
        assertEquals(Set.of("ham", "spam"), new HashSet<>(runner.result()));
    }

    /** as_completed with a timeout: the slots left when it passes raise TimeoutError; done futures still come first. */
    @Test
    void testAsCompletedTimeoutLeavesSlots() {
        Task<List<String>> test = loop.createTask(() -> {
            Task<String> quick = sleepTask(0.01, "quick");
            Task<String> slow = sleepTask(10, "slow");
            List<String> seen = new ArrayList<>();
            for (Coroutine<String> f : Asyncio.asCompleted(List.of(slow, quick), 0.1)) {
                try {
                    seen.add(await(f));
                } catch (TimeoutError e) {
                    seen.add("timeout at " + Math.round(loop.time() * 100) / 100.0);
                }
            }
            slow.cancel();
            return seen;
        });
        runUntilDone(test);
        assertEquals(List.of("quick", "timeout at 0.1"), test.result());
    }

    /** as_completed of nothing gives nothing. */
    @Test
    void testAsCompletedEmpty() {
        assertTrue(Asyncio.asCompleted(List.of(), 1.0).isEmpty());
    }

    /** Port of test_tasks.py BaseTaskTests.test_shield_gather: the gather under the shield completes. */
    @Test
    void testShieldGather() {
        Future<Object> child1 = loop.createFuture();
        Future<Object> child2 = loop.createFuture();
        Future<List<Object>> parent = Asyncio.gather(child1, child2);
        Future<List<Object>> outer = Asyncio.shield(parent);
        runOnce();
        outer.cancel();
        runOnce();
        assertTrue(outer.cancelled());
        child1.setResult(1);
        child2.setResult(2);
        runOnce();
        assertEquals(List.of(1, 2), parent.result());
    }

    /** Port of test_tasks.py BaseTaskTests.test_gather_shield: cancelling gather cancels the shields, not the work. */
    @Test
    void testGatherShield() {
        Future<Object> child1 = loop.createFuture();
        Future<Object> child2 = loop.createFuture();
        Future<Object> inner1 = Asyncio.shield(child1);
        Future<Object> inner2 = Asyncio.shield(child2);
        Future<List<Object>> parent = Asyncio.gather(inner1, inner2);
        runOnce();
        parent.cancel();
        runOnce();
        assertInstanceOf(CancelledError.class, parent.exception(), "gather holds the child's CancelledError");
        assertFalse(parent.cancelled());
        assertTrue(inner1.cancelled());
        assertTrue(inner2.cancelled());
        assertFalse(child1.cancelled());
        assertFalse(child2.cancelled());
        child1.setResult(1);
        child2.setResult(2);
        runOnce();
    }

    /** Port of test_tasks.py BaseTaskTests.test_shield_cancel_outer_result: nothing is reported. */
    @Test
    void testShieldCancelOuterResult() {
        Future<Object> inner = loop.createFuture();
        Future<Object> outer = Asyncio.shield(inner);
        runOnce();
        outer.cancel();
        runOnce();
        inner.setResult(1);
        runOnce();
        assertTrue(handled.isEmpty(), handled.toString());
        assertEquals(1, inner.result());
    }

    /** shield of a coroutine runs it as a task, which survives the cancellation of the awaiting task. */
    @Test
    void testShieldCoroutineSurvivesCancelledAwaiter() {
        List<String> events = new ArrayList<>();
        Task<Object> waiter = loop.createTask(() -> {
            try {
                return await(Asyncio.shield((Coroutine<String>) () -> {
                    Asyncio.sleep(1);
                    events.add("work finished");
                    return "work";
                }));
            } catch (CancelledError e) {
                events.add("waiter cancelled");
                throw e;
            }
        });
        runOnce();
        runOnce();
        waiter.cancel();
        runUntilDone(waiter);
        assertTrue(waiter.cancelled());
        Task<Object> drain = loop.createTask(() -> Asyncio.sleep(2, null));
        runUntilDone(drain);
        assertEquals(List.of("waiter cancelled", "work finished"), events);
    }
}
