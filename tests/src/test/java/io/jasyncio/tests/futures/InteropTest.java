/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Java interop: {@code toCompletableFuture()} and {@code Asyncio.wrapFuture} (ports of test_futures.py's wrap_future). */
class InteropTest extends LoopTestBase {

    /** Port of test_futures.py BaseFutureTests.test_wrap_future. */
    @Test
    void testWrapFuture() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Future<String> f = Asyncio.wrapFuture(cf, loop);
        new Thread(() -> cf.complete("from another thread")).start();
        assertEquals("from another thread", loop.runUntilComplete(f));
    }

    /** Port of test_futures.py BaseFutureTests.test_wrap_future_exception... : the cause, unwrapped. */
    @Test
    void testWrapFutureException() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Future<String> f = Asyncio.wrapFuture(cf.thenApply(s -> s), loop);
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        new Thread(() -> cf.completeExceptionally(boom)).start();
        assertSame(boom, assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(f)));
    }

    /** Port of test_futures.py BaseFutureTests.test_wrap_future_cancel. */
    @Test
    void testWrapFutureCancel() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Future<String> f = Asyncio.wrapFuture(cf, loop);
        f.cancel();
        runOnce();
        assertTrue(cf.isCancelled(), "cancelling the asyncio future cancels the Java one");
    }

    /** Port of test_futures.py BaseFutureTests.test_wrap_future_cancel2: the Java side cancelled. */
    @Test
    void testWrapFutureCancel2() {
        CompletableFuture<String> cf = new CompletableFuture<>();
        Future<String> f = Asyncio.wrapFuture(cf, loop);
        cf.cancel(false);
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(f));
        assertTrue(f.cancelled());
    }

    /** wrapFuture without a running loop says so. */
    @Test
    void testWrapFutureNoRunningLoop() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Asyncio.wrapFuture(new CompletableFuture<>()));
        assertEquals("no running event loop", e.getMessage());
    }

    /** toCompletableFuture from another thread sees the result set on the loop. */
    @Test
    void testToCompletableFutureResult() throws Exception {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        loop.callSoon(() -> f.setResult("done"));
        loop.runUntilComplete(f);
        runOnce(); // the done callback that completes the Java future
        assertEquals("done", cf.get(10, TimeUnit.SECONDS));
    }

    /** toCompletableFuture carries the exception. */
    @Test
    void testToCompletableFutureException() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        IllegalStateException boom = new IllegalStateException("boom");
        f.setException(boom);
        runUntil(cf::isDone, 5); // the link, made from the test thread while the loop is idle, waits for the loop
        ExecutionException e = assertThrows(ExecutionException.class, () -> cf.get(10, TimeUnit.SECONDS));
        assertSame(boom, e.getCause());
    }

    /** Cancelling the Java future from another thread cancels the asyncio one, on the loop. */
    @Test
    void testToCompletableFutureCancelFromOtherThread() throws Exception {
        Future<String> f = loop.createFuture();
        Future<Boolean> linked = loop.createFuture();
        loop.callSoon(() -> {
            CompletableFuture<String> cf = f.toCompletableFuture();
            new Thread(() -> cf.cancel(false)).start();
            f.addDoneCallback(x -> linked.setResult(x.cancelled()));
        });
        assertTrue(loop.runUntilComplete(linked));
        CompletableFuture<String> late = f.toCompletableFuture();
        runUntil(late::isDone, 5);
        assertThrows(CancellationException.class, () -> late.get(10, TimeUnit.SECONDS));
    }

    /** toCompletableFuture called from another thread while the loop runs links through callSoonThreadsafe. */
    @Test
    void testToCompletableFutureFromOtherThreadWhileRunning() throws Exception {
        Future<String> f = loop.createFuture();
        CompletableFuture<CompletableFuture<String>> made = new CompletableFuture<>();
        loop.callSoon(() -> new Thread(() -> {
            CompletableFuture<String> cf = f.toCompletableFuture();
            made.complete(cf);
            loop.callSoonThreadsafe(() -> loop.callSoon(() -> f.setResult("late")));
        }).start());
        assertEquals("late", loop.runUntilComplete(f));
        runOnce();
        assertEquals("late", made.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS));
    }

    /** Port of test_futures.py BaseFutureTests.test_wrap_future with an executor: the result of another thread. */
    @Test
    void testWrapFutureFromExecutor() {
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Thread> cf = CompletableFuture.supplyAsync(Thread::currentThread, ex);
            Future<Thread> f = Asyncio.wrapFuture(cf, loop);
            Thread worker = loop.runUntilComplete(f);
            assertNotSame(Thread.currentThread(), worker);
        } finally {
            ex.shutdown();
        }
    }

    /** Port of test_futures.py BaseFutureTests.test_wrap_future_use_running_loop: inside a callback, that loop. */
    @Test
    void testWrapFutureUseRunningLoop() {
        CompletableFuture<String> cf = CompletableFuture.completedFuture("ready");
        Future<Future<String>> made = loop.createFuture();
        loop.callSoon(() -> made.setResult(Asyncio.wrapFuture(cf)));
        Future<String> f = loop.runUntilComplete(made);
        assertSame(loop, f.getLoop());
        assertEquals("ready", loop.runUntilComplete(f));
    }

    /** A stage that is already complete: the future completes on the loop, never inline. */
    @Test
    void testWrapFutureAlreadyDone() {
        Future<String> f = Asyncio.wrapFuture(CompletableFuture.completedFuture("done"), loop);
        assertFalse(f.done(), "completed on the loop, through callSoonThreadsafe");
        runOnce();
        assertEquals("done", f.result());
    }

    /** toCompletableFuture of a future already done completes once the loop runs its callbacks. */
    @Test
    void testToCompletableFutureOfDoneFuture() throws Exception {
        Future<String> f = loop.createFuture();
        f.setResult("early");
        CompletableFuture<String> cf = f.toCompletableFuture();
        runUntil(cf::isDone, 5);
        assertEquals("early", cf.get(10, TimeUnit.SECONDS));
    }

    /** Cancelling the Java future after the asyncio one finished changes nothing. */
    @Test
    void testToCompletableFutureCancelAfterDone() {
        Future<String> f = loop.createFuture();
        CompletableFuture<String> cf = f.toCompletableFuture();
        f.setResult("kept");
        runUntil(cf::isDone, 5);
        assertFalse(cf.cancel(false));
        runOnce();
        assertFalse(f.cancelled());
        assertEquals("kept", f.result());
    }

    /**
     * toCompletableFuture from another thread while the loop is not running, at the same time as the loop's own thread
     * adds done callbacks: no callback is lost, every Java future completes. (Only the thread that runs the loop may
     * touch the future directly; the other thread's link goes through callSoonThreadsafe.)
     */
    @Test
    void testToCompletableFutureFromOtherThreadWhileNotRunning() throws Exception {
        final int n = 20_000;
        Future<Integer> f = loop.createFuture();
        List<CompletableFuture<Integer>> linked = new ArrayList<>();
        java.util.concurrent.CyclicBarrier go = new java.util.concurrent.CyclicBarrier(2);
        Thread other = new Thread(() -> {
            try {
                go.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (int i = 0; i < n; i++) {
                linked.add(f.toCompletableFuture());
            }
        });
        int[] called = {0};
        other.start();
        go.await(10, TimeUnit.SECONDS);
        for (int i = 0; i < n; i++) {
            f.addDoneCallback(x -> called[0]++);
        }
        other.join();
        f.setResult(7);
        // The other thread's n links arrive through the inbox, which an iteration drains 1024 at a time; the n done
        // callbacks, and the links' own, queue behind them there (one FIFO order): some tens of iterations in all.
        runUntil(() -> called[0] == n && linked.stream().allMatch(CompletableFuture::isDone), 10 + 4 * n / 1024);
        for (CompletableFuture<Integer> cf : linked) {
            assertEquals(7, cf.get(10, TimeUnit.SECONDS));
        }
    }
}
