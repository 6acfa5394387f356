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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_tasks.py GatherTests (FutureGatherTests, CoroutineGatherTests) and shield tests. */
class GatherTest extends LoopTestBase {

    private Coroutine<Object> sleeper(double delay, Object result) {
        return () -> Asyncio.sleep(delay, result);
    }

    /** Port of test_tasks.py FutureGatherTests.test_constructor_empty_sequence. */
    @Test
    void testConstructorEmptySequence() {
        assertEquals(List.of(), run(() -> await(Asyncio.gather(List.of()))));
    }

    /** Port of test_tasks.py FutureGatherTests.test_result: results in argument order, not completion order. */
    @Test
    void testResult() {
        List<Object> r = run(() -> await(Asyncio.gather(sleeper(0.3, "a"), sleeper(0.1, "b"), sleeper(0.2, "c"))));
        assertEquals(List.of("a", "b", "c"), r);
        assertEquals(0.3, loop.time(), 1e-6, "concurrently: the longest, not the sum");
    }

    /** The results keep their type; futures of several types gather into a list of Object. */
    @Test
    void testResultTypes() {
        List<Integer> sizes = run(() -> {
            Task<Integer> one = Asyncio.createTask(() -> 1);
            Task<Integer> two = Asyncio.createTask(() -> Asyncio.sleep(0.01, 2));
            return await(Asyncio.gather(one, two));
        });
        assertEquals(List.of(1, 2), sizes);
        List<Object> mixed = run(() -> {
            Task<Integer> number = Asyncio.createTask(() -> 1);
            Task<String> text = Asyncio.createTask(() -> "one");
            Future<List<Object>> both = Asyncio.gather(number, text);
            return await(both);
        });
        assertEquals(List.of(1, "one"), mixed);
        List<String> fromCoroutines = run(() -> await(Asyncio.gather(() -> "x", () -> Asyncio.sleep(0.01, "y"))));
        assertEquals(List.of("x", "y"), fromCoroutines);
    }

    /** Port of test_tasks.py FutureGatherTests.test_one_exception: the first exception propagates, others run on. */
    @Test
    void testOneException() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Task<Object>> children = new ArrayList<>();
        Throwable thrown = run(() -> {
            children.add(Asyncio.createTask(sleeper(0.1, "a")));
            children.add(Asyncio.createTask(() -> {
                Asyncio.sleep(0.05);
                throw boom;
            }));
            try {
                await(Asyncio.gather(children.get(0), children.get(1)));
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        assertSame(boom, thrown);
        assertFalse(children.get(0).done(), "the other child keeps running");
        runUntilDone(children.get(0));
        assertEquals("a", children.get(0).result());
    }

    /** Port of test_tasks.py FutureGatherTests.test_return_exceptions. */
    @Test
    void testReturnExceptions() {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Object> r = run(() -> await(Asyncio.gatherReturnExceptions(sleeper(0.1, "a"), (Coroutine<Object>) () -> {
            throw boom;
        })));
        assertEquals("a", r.get(0));
        assertSame(boom, r.get(1));
    }

    /** Port of test_tasks.py FutureGatherTests.test_cancel_outer: cancelling gather cancels the children. */
    @Test
    void testCancelOuter() {
        Future<Object> a = loop.createFuture();
        Future<Object> b = loop.createFuture();
        Future<List<Object>> outer = Asyncio.gather(a, b);
        assertTrue(outer.cancel());
        assertTrue(a.cancelled());
        assertTrue(b.cancelled());
        runUntilDone(outer);
        assertTrue(outer.cancelled() || outer.exception() instanceof CancelledError);
        assertFalse(outer.cancel(), "done now");
    }

    /** Port of test_tasks.py FutureGatherTests.test_one_cancellation: a cancelled child fails gather. */
    @Test
    void testOneCancellation() {
        Future<Object> a = loop.createFuture();
        Future<Object> b = loop.createFuture();
        Future<List<Object>> outer = Asyncio.gather(a, b);
        b.cancel();
        runUntilDone(outer);
        assertInstanceOf(CancelledError.class, outer.exception());
        assertFalse(a.done(), "the other child is not cancelled");
    }

    /** Port of test_tasks.py FutureGatherTests.test_result_exception_one_cancellation with return_exceptions. */
    @Test
    void testCancellationWithReturnExceptions() {
        Future<Object> a = loop.createFuture();
        Future<Object> b = loop.createFuture();
        Future<List<Object>> outer = Asyncio.gatherReturnExceptions(a, b);
        a.setResult(1);
        b.cancel("stop");
        runUntilDone(outer);
        assertEquals(1, outer.result().get(0));
        assertInstanceOf(CancelledError.class, outer.result().get(1));
        assertEquals("stop", ((CancelledError) outer.result().get(1)).getMessage());
    }

    /** Port of test_tasks.py CoroutineGatherTests.test_duplicate_coroutines: one task for a repeated argument. */
    @Test
    void testDuplicateCoroutines() {
        int[] runs = {0};
        Coroutine<Object> once = () -> {
            runs[0]++;
            return "x";
        };
        List<Object> r = run(() -> await(Asyncio.gather(once, once)));
        assertEquals(List.of("x", "x"), r);
        assertEquals(1, runs[0]);
    }

    /** Port of test_tasks.py CoroutineGatherTests.test_cancellation_broadcast: cancelling the awaiting task. */
    @Test
    void testCancellationBroadcast() {
        Future<Object> child = loop.createFuture();
        Task<Object> parent = loop.createTask(() -> await(Asyncio.gather(child)));
        runOnce();
        parent.cancel();
        runUntilDone(parent);
        assertTrue(parent.cancelled());
        assertTrue(child.cancelled(), "cancellation reaches the children");
    }

    /** Port of test_tasks.py BaseTaskTests.test_shield_result. */
    @Test
    void testShieldResult() {
        Future<Object> inner = loop.createFuture();
        Future<Object> outer = Asyncio.shield(inner);
        inner.setResult(42);
        runUntilDone(outer);
        assertEquals(42, outer.result());
    }

    /** Port of test_tasks.py BaseTaskTests.test_shield_exception. */
    @Test
    void testShieldException() {
        Future<Object> inner = loop.createFuture();
        Future<Object> outer = Asyncio.shield(inner);
        IllegalStateException boom = new IllegalStateException();
        inner.setException(boom);
        runUntilDone(outer);
        assertSame(boom, outer.exception());
    }

    /** Port of test_tasks.py BaseTaskTests.test_shield_cancel_outer: the inner future survives. */
    @Test
    void testShieldCancelOuter() {
        Future<Object> inner = loop.createFuture();
        Future<Object> outer = Asyncio.shield(inner);
        outer.cancel();
        runOnce();
        assertTrue(outer.cancelled());
        assertFalse(inner.cancelled());
        inner.setResult(1);
        runOnce();
        assertEquals(1, inner.result());
    }

    /** Port of test_tasks.py BaseTaskTests.test_shield_cancel_inner. */
    @Test
    void testShieldCancelInner() {
        Future<Object> inner = loop.createFuture();
        Future<Object> outer = Asyncio.shield(inner);
        inner.cancel();
        runUntilDone(outer);
        assertTrue(outer.cancelled());
    }

    /** Port of test_tasks.py BaseTaskTests.test_shield_effect: a task awaiting shield is cancelled, the work is not. */
    @Test
    void testShieldEffect() {
        Task<Object> work = loop.createTask(sleeper(1, "work"));
        Task<Object> waiter = loop.createTask(() -> await(Asyncio.shield(work)));
        runOnce();
        waiter.cancel();
        runUntilDone(waiter);
        assertTrue(waiter.cancelled());
        runUntilDone(work);
        assertEquals("work", work.result());
    }

    /** Port of test_tasks.py BaseTaskTests.test_shield_shortcut: a done future is returned as it is. */
    @Test
    void testShieldShortcut() {
        Future<Object> done = loop.createFuture();
        done.setResult(1);
        assertSame(done, Asyncio.shield(done));
    }

    /** ensureFuture of a future is the future itself. */
    @Test
    void testEnsureFutureOfAFuture() {
        assertThrows(NullPointerException.class, () -> Asyncio.ensureFuture((Future<Object>) null));
        Future<Object> f = loop.createFuture();
        assertSame(f, Asyncio.ensureFuture(f));
    }

    /**
     * Port of test_tasks.py FutureGatherTests.test_constructor_heterogenous_futures: futures of different loops are
     * refused (asyncio's ValueError), whichever comes first.
     */
    @Test
    void testConstructorHeterogenousFutures() {
        io.jasyncio.EventLoop otherLoop = Asyncio.newEventLoop(options());
        try {
            Future<Object> fut1 = loop.createFuture();
            Future<Object> fut2 = otherLoop.createFuture();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Asyncio.gather(fut1, fut2));
            assertEquals("The future belongs to a different loop than the one specified as the loop argument",
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Asyncio.gather(fut2, fut1));
        } finally {
            otherLoop.close();
        }
    }
}
