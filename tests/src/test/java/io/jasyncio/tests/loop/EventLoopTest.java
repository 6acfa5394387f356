/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Ticker;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's test_events.py EventLoopTestsMixin (the loop parts), on real time and real threads, and the
 * loop's life across threads: run on one thread, then another; two threads racing to run it.
 */
class EventLoopTest extends LoopTestBase {

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
    }

    /** Port of test_events.py EventLoopTestsMixin.test_call_later: a real 100 ms timer, not early. */
    @Test
    void testCallLater() {
        List<String> results = new ArrayList<>();
        double t0 = loop.time();
        loop.callLater(0.1, () -> {
            results.add("hello world");
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("hello world"), results);
        assertTrue(loop.time() - t0 >= 0.1, "not before its time: " + (loop.time() - t0));
    }

    /** Port of test_events.py EventLoopTestsMixin.test_call_soon: the argument form passes its argument. */
    @Test
    void testCallSoon() {
        List<String> results = new ArrayList<>();
        loop.callSoon((String arg) -> {
            results.add(arg);
            loop.stop();
        }, "hello");
        loop.runForever();
        assertEquals(List.of("hello"), results);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_run_until_complete: a real timer completes the future. */
    @Test
    void testRunUntilComplete() {
        Future<String> f = loop.createFuture();
        double t0 = loop.time();
        loop.callLater(0.1, () -> f.setResult("slept"));
        assertEquals("slept", loop.runUntilComplete(f));
        assertTrue(loop.time() - t0 >= 0.1);
        assertFalse(loop.isRunning());
    }

    /** Port of test_events.py EventLoopTestsMixin.test_run_in_executor. */
    @Test
    void testRunInExecutor() {
        Thread caller = Thread.currentThread();
        Future<Thread> f = loop.runInExecutor(null, Thread::currentThread);
        assertNotSame(caller, loop.runUntilComplete(f));
    }

    /**
     * Port of test_events.py EventLoopTestsMixin.test_run_in_executor_cancel: a job cancelled while it runs, then the
     * executor shut down and the loop closed: nothing reaches the loop afterwards, nothing fails.
     */
    @Test
    void testRunInExecutorCancel() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<String> f = loop.runInExecutor(null, () -> {
            worker.set(Thread.currentThread());
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "too late";
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        f.cancel();
        runOnce(); // the cancellation reaches the job
        release.countDown();
        loop.runUntilComplete(loop.shutdownDefaultExecutor());
        loop.close();
        worker.get().join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(worker.get().isAlive(), "the executor's thread ended");
        assertTrue(f.cancelled());
    }

    /** Port of test_events.py EventLoopTestsMixin.test_close_running, from another thread: refused while it runs. */
    @Test
    void testCloseRunningFromAnotherThread() throws Exception {
        Future<Throwable> refused = loop.createFuture();
        loop.callSoon(() -> new Thread(() -> {
            Throwable error = null;
            try {
                loop.close();
            } catch (Throwable e) {
                error = e;
            }
            Throwable result = error;
            loop.callSoonThreadsafe(() -> refused.setResult(result));
        }).start());
        Throwable e = loop.runUntilComplete(refused);
        assertEquals("Cannot close a running event loop", e.getMessage());
        assertFalse(loop.isClosed());
    }

    /** run_forever from a second thread while the loop runs: "This event loop is already running". */
    @Test
    void testRunForeverWhileRunningElsewhere() {
        Future<Throwable> refused = loop.createFuture();
        loop.callSoon(() -> new Thread(() -> {
            Throwable error = null;
            try {
                loop.runForever();
            } catch (Throwable e) {
                error = e;
            }
            Throwable result = error;
            loop.callSoonThreadsafe(() -> refused.setResult(result));
        }).start());
        assertEquals("This event loop is already running", loop.runUntilComplete(refused).getMessage());
    }

    /**
     * The loop runs on whichever thread calls runForever: here the test thread, then another thread, then the test
     * thread again. While another thread runs it, the test thread wakes it like any other thread.
     */
    @Test
    void testRunOnThreadsInTurn() throws Exception {
        List<Thread> seen = Collections.synchronizedList(new ArrayList<>());
        loop.callSoon(() -> seen.add(Thread.currentThread()));
        runOnce();

        CountDownLatch running = new CountDownLatch(1);
        loop.callSoon(running::countDown);
        Thread other = new Thread(loop::runForever, "other-runner");
        other.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        // The loop now sleeps in its poll on the other thread, with no timer: only a wake-up gets this callback run.
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> ranOn.complete(Thread.currentThread()));
        assertSame(other, ranOn.get(10, TimeUnit.SECONDS));
        loop.callSoonThreadsafe(loop::stop);
        other.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(other.isAlive());
        assertFalse(loop.isRunning());

        loop.callSoon(() -> seen.add(Thread.currentThread()));
        runOnce();
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), seen);
    }

    /**
     * Two threads call runForever at the same moment: exactly one runs the loop, the other is told "This event loop
     * is already running", and the loop's state stays whole for the next round.
     */
    @Test
    void testRunForeverRace() throws Exception {
        for (int round = 0; round < 50; round++) {
            CyclicBarrier go = new CyclicBarrier(2);
            List<Throwable> refused = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger ran = new AtomicInteger();
            CountDownLatch firstOutcome = new CountDownLatch(1);
            loop.callSoon(firstOutcome::countDown); // whoever runs the loop counts down
            Runnable runner = () -> {
                try {
                    go.await(10, TimeUnit.SECONDS);
                    loop.runForever();
                    ran.incrementAndGet();
                } catch (Throwable e) {
                    refused.add(e);
                    firstOutcome.countDown();
                }
            };
            Thread a = new Thread(runner, "racer-a");
            Thread b = new Thread(runner, "racer-b");
            a.start();
            b.start();
            assertTrue(firstOutcome.await(10, TimeUnit.SECONDS));
            // Stop whichever thread runs the loop, until both have returned: a thread slower to start may run the
            // loop after the first one stopped, and a stop() that finds the loop idle makes its next run one
            // iteration long.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((a.isAlive() || b.isAlive()) && System.nanoTime() < deadline) {
                loop.stop();
                a.join(20);
                b.join(20);
            }
            assertFalse(a.isAlive() || b.isAlive(), "round " + round);
            for (Throwable e : refused) {
                assertEquals("This event loop is already running", e.getMessage(), "round " + round);
            }
            assertEquals(2, ran.get() + refused.size());
            assertFalse(loop.isRunning());
        }
        List<String> calls = new ArrayList<>();
        loop.callSoon(() -> calls.add("still works"));
        runOnce();
        assertEquals(List.of("still works"), calls);
    }

    /** getRunningLoop finds the loop inside its callbacks, and nothing outside. */
    @Test
    void testGetRunningLoop() {
        AtomicReference<Object> inside = new AtomicReference<>();
        loop.callSoon(() -> inside.set(Asyncio.getRunningLoop()));
        runOnce();
        assertSame(loop, inside.get());
        assertEquals("no running event loop",
                assertThrows(IllegalStateException.class, Asyncio::getRunningLoop).getMessage());
    }

    /** Closing shuts the default executor down: its idle threads end. */
    @Test
    void testCloseShutsDownDefaultExecutor() throws Exception {
        Thread worker = loop.runUntilComplete(loop.runInExecutor(null, Thread::currentThread));
        loop.close();
        worker.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(worker.isAlive());
    }

    /** An executor that refuses the job: the future carries the refusal, nothing is thrown at the caller. */
    @Test
    void testRunInExecutorRejected() {
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        executor.shutdown();
        Future<Integer> f = loop.runInExecutor(executor, () -> 1);
        assertThrows(java.util.concurrent.RejectedExecutionException.class, () -> loop.runUntilComplete(f));
    }

    /**
     * The loop closes while an executor job still runs: when the job ends, its result has nowhere to go and is dropped
     * quietly; nothing is thrown on the executor's thread.
     */
    @Test
    void testCloseWhileExecutorJobRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } finally {
                    finished.countDown();
                }
            });
            t.setUncaughtExceptionHandler((th, e) -> uncaught.add(e));
            return t;
        });
        loop.setDefaultExecutor(executor);
        Future<String> f = loop.runInExecutor(null, () -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "nobody listens";
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        loop.close();
        release.countDown();
        assertTrue(finished.await(10, TimeUnit.SECONDS), "the executor shut down when the job ended");
        assertTrue(uncaught.isEmpty(), "nothing thrown on the executor thread: " + uncaught);
        assertFalse(f.done());
    }

    /** shutdownDefaultExecutor twice: the second completes as well, and work is still refused. */
    @Test
    void testShutdownDefaultExecutorTwice() {
        loop.runUntilComplete(loop.runInExecutor(null, () -> 1));
        loop.runUntilComplete(loop.shutdownDefaultExecutor());
        loop.runUntilComplete(loop.shutdownDefaultExecutor());
        assertEquals("Executor shutdown has been called",
                assertThrows(IllegalStateException.class, () -> loop.runInExecutor(null, () -> 1)).getMessage());
        java.util.concurrent.ExecutorService mine = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            assertEquals(2, loop.runUntilComplete(loop.runInExecutor(mine, () -> 2)), "an explicit executor still works");
        } finally {
            mine.shutdown();
        }
    }

    /**
     * Two threads take turns running one iteration each, 2,000 turns, while a third thread schedules 50,000 callbacks
     * with callSoonThreadsafe: every callback runs once, in order, on whichever thread runs the loop at the time.
     */
    @Test
    void testAlternatingRunnersWithProducer() throws Exception {
        final int turns = 2000;
        final int callbacks = 50_000;
        int[] next = {0};
        int[] disorder = {0};
        java.util.concurrent.Semaphore turnA = new java.util.concurrent.Semaphore(1);
        java.util.concurrent.Semaphore turnB = new java.util.concurrent.Semaphore(0);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Thread producer = new Thread(() -> {
            for (int i = 0; i < callbacks; i++) {
                int seq = i;
                loop.callSoonThreadsafe(() -> {
                    if (next[0] != seq) {
                        disorder[0]++;
                    }
                    next[0] = seq + 1;
                });
            }
        }, "producer");
        Thread a = new Thread(() -> takeTurns(turns / 2, turnA, turnB, failures), "runner-a");
        Thread b = new Thread(() -> takeTurns(turns / 2, turnB, turnA, failures), "runner-b");
        producer.start();
        a.start();
        b.start();
        a.join(TimeUnit.SECONDS.toMillis(20));
        b.join(TimeUnit.SECONDS.toMillis(20));
        producer.join(TimeUnit.SECONDS.toMillis(20));
        assertTrue(failures.isEmpty(), failures.toString());
        assertFalse(a.isAlive() || b.isAlive() || producer.isAlive());
        runUntil(() -> next[0] == callbacks, 10);
        assertEquals(0, disorder[0]);
    }

    private void takeTurns(int n, java.util.concurrent.Semaphore mine, java.util.concurrent.Semaphore theirs,
            List<Throwable> failures) {
        try {
            for (int i = 0; i < n; i++) {
                if (!mine.tryAcquire(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no turn in 10 s");
                }
                try {
                    loop.stop();
                    loop.runForever();
                } finally {
                    theirs.release();
                }
            }
        } catch (Throwable e) {
            failures.add(e);
        }
    }
}
