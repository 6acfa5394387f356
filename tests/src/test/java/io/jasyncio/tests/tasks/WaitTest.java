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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Future;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import io.jasyncio.WaitResult;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_tasks.py wait and as_completed tests. */
class WaitTest extends LoopTestBase {

    private Task<Object> sleeper(double delay, Object result) {
        return loop.createTask(() -> Asyncio.sleep(delay, result));
    }

    private Task<Object> failer(double delay, RuntimeException e) {
        return loop.createTask(() -> {
            Asyncio.sleep(delay);
            throw e;
        });
    }

    /** Port of test_tasks.py BaseTaskTests.test_wait. */
    @Test
    void testWait() {
        Task<Object> a = sleeper(0.1, "a");
        Task<Object> b = sleeper(0.15, "b");
        var r = run(() -> Asyncio.wait(List.of(a, b), null, ReturnWhen.ALL_COMPLETED));
        assertEquals(Set.of(a, b), r.done());
        assertTrue(r.pending().isEmpty());
        assertEquals(0.15, loop.time(), 1e-6);
    }

    /** Port of test_tasks.py BaseTaskTests.test_wait_first_completed. */
    @Test
    void testWaitFirstCompleted() {
        Task<Object> a = sleeper(10, "a");
        Task<Object> b = sleeper(0.1, "b");
        var r = run(() -> Asyncio.wait(List.of(a, b), null, ReturnWhen.FIRST_COMPLETED));
        assertEquals(Set.of(b), r.done());
        assertEquals(Set.of(a), r.pending());
        assertFalse(a.done(), "wait cancels nothing");
        a.cancel();
        runUntilDone(a);
    }

    /** Port of test_tasks.py BaseTaskTests.test_wait_first_exception. */
    @Test
    void testWaitFirstException() {
        Task<Object> a = sleeper(10, "a");
        Task<Object> b = failer(0.1, new IllegalStateException());
        var r = run(() -> Asyncio.wait(List.of(a, b), null, ReturnWhen.FIRST_EXCEPTION));
        assertEquals(Set.of(b), r.done());
        assertEquals(Set.of(a), r.pending());
        a.cancel();
        runUntilDone(a);
    }

    /** Port of test_tasks.py BaseTaskTests.test_wait_first_exception_in_wait: no exception means all completed. */
    @Test
    void testWaitFirstExceptionNoneRaised() {
        Task<Object> a = sleeper(0.1, "a");
        Task<Object> b = sleeper(0.2, "b");
        var r = run(() -> Asyncio.wait(List.of(a, b), null, ReturnWhen.FIRST_EXCEPTION));
        assertEquals(Set.of(a, b), r.done());
    }

    /** Port of test_tasks.py BaseTaskTests.test_wait_with_timeout. */
    @Test
    void testWaitWithTimeout() {
        Task<Object> a = sleeper(0.1, "a");
        Task<Object> b = sleeper(0.3, "b");
        var r = run(() -> Asyncio.wait(List.of(a, b), 0.2, ReturnWhen.ALL_COMPLETED));
        assertEquals(Set.of(a), r.done());
        assertEquals(Set.of(b), r.pending());
        assertEquals(0.2, loop.time(), 1e-6);
        runUntilDone(b);
    }

    /** A future already done satisfies FIRST_COMPLETED without waiting for time to pass. */
    @Test
    void testWaitAlreadyDone() {
        Future<Object> a = loop.createFuture();
        a.setResult(1);
        Task<Object> b = sleeper(5, "b");
        var r = run(() -> Asyncio.wait(List.of(a, b), null, ReturnWhen.FIRST_COMPLETED));
        assertEquals(Set.of(a), r.done());
        assertEquals(0.0, loop.time(), 1e-9, "returned without waiting");
        b.cancel();
        runUntilDone(b);
    }

    /** Port of test_tasks.py BaseTaskTests.test_wait_errors: an empty set is refused. */
    @Test
    void testWaitErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(() -> Asyncio.wait(List.of(), null, ReturnWhen.ALL_COMPLETED)));
        assertEquals("Set of Tasks/Futures is empty.", e.getMessage());
    }

    /** Port of test_tasks.py BaseTaskTests.test_as_completed. */
    @Test
    void testAsCompleted() {
        Task<Object> a = sleeper(0.3, "a");
        Task<Object> b = sleeper(0.1, "b");
        Task<Object> c = sleeper(0.2, "c");
        List<Object> order = run(() -> {
            List<Object> seen = new ArrayList<>();
            for (Coroutine<Object> next : Asyncio.asCompleted(List.of(a, b, c), null)) {
                seen.add(await(next));
            }
            return seen;
        });
        assertEquals(List.of("b", "c", "a"), order);
    }

    /** Port of test_tasks.py BaseTaskTests.test_as_completed_with_timeout. */
    @Test
    void testAsCompletedWithTimeout() {
        Task<Object> a = sleeper(0.1, "a");
        Task<Object> b = sleeper(5, "b");
        List<Object> seen = run(() -> {
            List<Object> out = new ArrayList<>();
            for (Coroutine<Object> next : Asyncio.asCompleted(List.of(a, b), 1.0)) {
                try {
                    out.add(await(next));
                } catch (TimeoutError e) {
                    out.add("timeout");
                }
            }
            return out;
        });
        assertEquals(List.of("a", "timeout"), seen);
        b.cancel();
        runUntilDone(b);
    }

    /** Port of test_tasks.py BaseTaskTests.test_as_completed_with_unused_timeout. */
    @Test
    void testAsCompletedWithUnusedTimeout() {
        Task<Object> a = sleeper(0.01, "a");
        List<Object> seen = run(() -> {
            List<Object> out = new ArrayList<>();
            for (Coroutine<Object> next : Asyncio.asCompleted(List.of(a), 0.5)) {
                out.add(await(next));
            }
            return out;
        });
        assertEquals(List.of("a"), seen);
    }

    /** An exception comes out of its as_completed slot. */
    @Test
    void testAsCompletedException() {
        Task<Object> a = failer(0.1, new IllegalStateException("bad"));
        Task<Object> b = sleeper(0.2, "b");
        List<Object> seen = run(() -> {
            List<Object> out = new ArrayList<>();
            for (Coroutine<Object> next : Asyncio.asCompleted(List.of(a, b), null)) {
                try {
                    out.add(await(next));
                } catch (IllegalStateException e) {
                    out.add(e.getMessage());
                }
            }
            return out;
        });
        assertEquals(List.of("bad", "b"), seen);
    }

    /** Port of test_tasks.py BaseTaskTests.test_wait_really_done: done futures whose callbacks have not run yet. */
    @Test
    void testWaitReallyDone() {
        Task<Object> a = loop.createTask(() -> Asyncio.sleep(0, null));
        Task<Object> b = loop.createTask(() -> {
            Asyncio.sleep(0);
            return Asyncio.sleep(0, null);
        });
        Task<WaitResult<Object>> task = loop.createTask(() -> Asyncio.wait(List.of(b, a), null, ReturnWhen.FIRST_COMPLETED));
        runUntilDone(task);
        assertEquals(Set.of(a, b), task.result().done());
        assertTrue(task.result().pending().isEmpty());
    }

    /** Port of test_tasks.py BaseTaskTests.test_wait_with_exception: ALL_COMPLETED waits past an exception. */
    @Test
    void testWaitWithException() {
        Task<Object> a = loop.createTask(() -> Asyncio.sleep(0.1, null));
        Task<Object> b = loop.createTask(() -> {
            Asyncio.sleep(0.15);
            throw new ArithmeticException("really");
        });
        Task<WaitResult<Object>> foo = loop.createTask(() -> Asyncio.wait(List.of(b, a), null, ReturnWhen.ALL_COMPLETED));
        runUntilDone(foo);
        var r = foo.result();
        assertEquals(2, r.done().size());
        assertTrue(r.pending().isEmpty());
        assertEquals(1, r.done().stream().filter(f -> f.exception() != null).count());
        assertEquals(0.15, loop.time(), 0.001);
    }

    /**
     * Port of test_tasks.py BaseTaskTests.test_wait_concurrent_complete: a task whose timer fires together with the
     * timeout (its timer armed first) is done when wait returns.
     */
    @Test
    void testWaitConcurrentComplete() {
        Task<Object> a = loop.createTask(() -> Asyncio.sleep(0.1, null));
        Task<Object> b = loop.createTask(() -> Asyncio.sleep(0.15, null));
        Task<WaitResult<Object>> w = loop.createTask(() -> Asyncio.wait(List.of(b, a), 0.1, ReturnWhen.ALL_COMPLETED));
        runUntilDone(w);
        assertEquals(Set.of(a), w.result().done());
        assertEquals(Set.of(b), w.result().pending());
        assertEquals(0.1, loop.time(), 0.001);
        runUntilDone(b);
    }

    /** Port of test_tasks.py BaseTaskTests.test_yield_wait_does_not_shield_cancel: wait returns early, inner runs on. */
    @Test
    void testYieldWaitDoesNotShieldCancel() {
        int[] proof = {0};
        Future<Object> waiter = loop.createFuture();
        Task<Object> f = loop.createTask(() -> {
            Task<Object> inner = Asyncio.createTask(() -> {
                await(waiter);
                proof[0] += 1;
                return null;
            });
            Asyncio.wait(List.of(inner), null, ReturnWhen.ALL_COMPLETED);
            proof[0] += 100;
            return null;
        });
        runOnce();
        f.cancel();
        assertThrows(io.jasyncio.CancelledError.class, () -> loop.runUntilComplete(f));
        waiter.setResult(null);
        runOnce();
        runOnce();
        assertEquals(1, proof[0]);
    }

    /** wait yields to the loop even when a future is already done, as asyncio's does. */
    @Test
    void testWaitAlwaysYields() {
        Future<Object> done = loop.createFuture();
        done.setResult(1);
        List<String> order = new ArrayList<>();
        loop.createTask(() -> {
            Asyncio.wait(List.of(done), null, ReturnWhen.FIRST_COMPLETED);
            order.add("wait returned");
            return null;
        });
        loop.createTask(() -> {
            order.add("other task");
            return null;
        });
        runUntil(() -> order.size() == 2, 10);
        assertEquals(List.of("other task", "wait returned"), order);
    }
}
