/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Ticker;
import io.jasyncio.netty.NettyEventLoop;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.tests.LoopTestBase;
import io.jasyncio.transport.TransportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** callSoonThreadsafe and the loop's thread: ports of test_events.py's threadsafe tests, and the stress test. */
class ThreadsafeTest extends LoopTestBase {

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system()); // these tests wait for real threads
    }

    /** The loop runs on the backend that the build asked for. */
    @Test
    void testBackendIsTheOneAskedFor() {
        String asked = System.getProperty("jasyncio.transport");
        TransportKind kind = ((NettyEventLoop) loop).transportKind();
        if (asked != null && !asked.isEmpty()) {
            assertEquals(TransportKind.of(asked), kind);
        }
    }

    /** Port of test_events.py EventLoopTestsMixin.test_call_soon_threadsafe. */
    @Test
    void testCallSoonThreadsafe() throws Exception {
        List<String> results = new ArrayList<>();
        Future<Void> done = loop.createFuture();
        Thread t = new Thread(() -> {
            loop.callSoonThreadsafe(() -> results.add("hello"));
            loop.callSoonThreadsafe(() -> results.add("world"));
            loop.callSoonThreadsafe(() -> done.setResult(null));
        });
        t.start();
        loop.runUntilComplete(done);
        t.join();
        assertEquals(List.of("hello", "world"), results);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_call_soon_threadsafe_same_thread. */
    @Test
    void testCallSoonThreadsafeSameThread() {
        List<String> results = new ArrayList<>();
        loop.callSoonThreadsafe(() -> results.add("hello"));
        loop.callSoon(() -> results.add("world"));
        loop.callSoonThreadsafe(loop::stop);
        loop.runForever();
        assertEquals(List.of("hello", "world"), results);
    }

    /** A callback scheduled from another thread before a callSoon on the loop runs before it: one FIFO order. */
    @Test
    void testThreadsafeAndCallSoonShareOneOrder() throws Exception {
        List<String> order = new ArrayList<>();
        CountDownLatch scheduled = new CountDownLatch(1);
        Future<Void> done = loop.createFuture();
        loop.callSoon(() -> {
            Thread t = new Thread(() -> {
                loop.callSoonThreadsafe(() -> order.add("threadsafe"));
                scheduled.countDown();
            });
            t.start();
            try {
                assertTrue(scheduled.await(10, TimeUnit.SECONDS)); // happens-before the callSoon below
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            loop.callSoon(() -> order.add("callSoon"));
            loop.callSoon(() -> done.setResult(null));
        });
        loop.runUntilComplete(done);
        assertEquals(List.of("threadsafe", "callSoon"), order);
    }

    /** A loop asleep in its I/O poll, with no timer at all, is woken by another thread. */
    @Test
    void testCallSoonThreadsafeWakesSleepingLoop() throws Exception {
        Future<String> f = loop.createFuture();
        CountDownLatch sleeping = new CountDownLatch(1);
        loop.callSoon(sleeping::countDown);
        Thread t = new Thread(() -> {
            try {
                sleeping.await();
            } catch (InterruptedException e) {
                return;
            }
            loop.callSoonThreadsafe(() -> f.setResult(Thread.currentThread().getName()));
        }, "waker");
        t.start();
        assertEquals(Thread.currentThread().getName(), loop.runUntilComplete(f), "ran on the loop's thread");
        t.join();
    }

    /** stop() from another thread wakes the loop and ends runForever. */
    @Test
    void testStopFromAnotherThread() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        loop.callSoon(running::countDown);
        Thread t = new Thread(() -> {
            try {
                running.await();
            } catch (InterruptedException e) {
                return;
            }
            loop.stop();
        });
        t.start();
        loop.runForever();
        t.join();
        assertTrue(!loop.isRunning());
    }

    /** The loop runs on the thread that calls runForever, and that thread is the loop's while it runs. */
    @Test
    void testLoopRunsOnCallerThread() {
        Thread caller = Thread.currentThread();
        List<Thread> seen = new ArrayList<>();
        loop.callSoon(() -> seen.add(Thread.currentThread()));
        loop.callLater(0, () -> seen.add(Thread.currentThread()));
        loop.callSoon(() -> assertTrue(loop.isRunning()));
        runOnce();
        runOnce();
        assertEquals(List.of(caller, caller), seen);
    }

    /** Nothing of the loop runs while it is not running, even when other threads schedule work. */
    @Test
    void testNothingRunsWhileNotRunning() throws Exception {
        List<String> ran = new ArrayList<>();
        Thread t = new Thread(() -> loop.callSoonThreadsafe(() -> ran.add("x")));
        t.start();
        t.join();
        assertTrue(ran.isEmpty());
        runOnce();
        assertEquals(List.of("x"), ran);
    }

    /** Stress: 8 threads x 100,000 callSoonThreadsafe each; none lost, each thread's order kept. */
    @Test
    void testCallSoonThreadsafeStress() throws Exception {
        final int threads = 8;
        final int perThread = 100_000;
        int[] next = new int[threads];
        int[] disorder = {0};
        Future<Void> allDone = loop.createFuture();
        int[] finished = {0};
        List<Thread> producers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int p = 0; p < threads; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    int seq = i;
                    loop.callSoonThreadsafe(() -> {
                        if (next[id] != seq) {
                            disorder[0]++;
                        }
                        next[id] = seq + 1;
                    });
                }
                loop.callSoonThreadsafe(() -> {
                    if (++finished[0] == threads) {
                        allDone.setResult(null);
                    }
                });
            }, "producer-" + p);
            producers.add(t);
            t.start();
        }
        start.countDown();
        loop.runUntilComplete(allDone);
        for (Thread t : producers) {
            t.join();
        }
        assertEquals(0, disorder[0], "each thread's order kept");
        for (int p = 0; p < threads; p++) {
            assertEquals(perThread, next[p], "none lost from producer " + p);
        }
    }

    /** runInExecutor's result arrives on the loop thread. */
    @Test
    void testRunInExecutorCompletesOnLoopThread() {
        Thread caller = Thread.currentThread();
        Future<Thread> f = loop.runInExecutor(null, Thread::currentThread);
        List<Thread> callbackThread = new ArrayList<>();
        f.addDoneCallback(x -> callbackThread.add(Thread.currentThread()));
        Thread worker = loop.runUntilComplete(f);
        runOnce();
        assertTrue(worker != caller);
        assertSame(caller, callbackThread.get(0));
    }

    /**
     * Port of test_events.py EventLoopTestsMixin.test_run_in_executor_cancel: a cancelled job calls nothing back, and
     * one still queued when its cancellation reaches the executor never runs.
     */
    @Test
    void testRunInExecutorCancel() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> called = new ArrayList<>();
        // Occupy every default executor thread so the next job stays queued, then cancel it.
        List<Future<Object>> blockers = new ArrayList<>();
        int workers = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        for (int i = 0; i < workers; i++) {
            blockers.add(loop.runInExecutor(null, () -> {
                release.await();
                return null;
            }));
        }
        Future<Object> queued = loop.runInExecutor(null, () -> {
            synchronized (called) {
                called.add("ran");
            }
            return null;
        });
        queued.cancel();
        runOnce(); // the done callback that cancels the queued job runs on the loop, as wrap_future's does
        release.countDown();
        for (Future<Object> b : blockers) {
            loop.runUntilComplete(b);
        }
        loop.runUntilComplete(loop.shutdownDefaultExecutor());
        synchronized (called) {
            assertTrue(called.isEmpty(), "a cancelled job that had not started never runs");
        }
    }

    /**
     * Wake-ups that land while the loop enters its blocking poll are never lost: 1,000 rounds in which another thread
     * schedules the callback that ends the round at the moment the loop announces a poll without limit, after a few
     * non-blocking iterations (which on epoll skip the system call and leave Netty's wake-up state as it was).
     */
    @Test
    void testWakeupEnteringBlockingPoll() throws Exception {
        final int rounds = 1000;
        Semaphore polling = new Semaphore(0);
        AtomicReference<Future<Integer>> current = new AtomicReference<>();
        loop.addInterceptor(new LoopInterceptor() {
            @Override
            public void beforePoll(EventLoop l, long timeoutNanos) {
                if (timeoutNanos < 0) {
                    polling.release();
                }
            }
        });
        Thread waker = new Thread(() -> {
            Future<Integer> last = null;
            int n = 0;
            while (n < rounds) {
                try {
                    polling.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                Future<Integer> f = current.get();
                if (f == null || f == last) {
                    continue; // a second blocking poll in the same round: its wake-up is already on its way
                }
                last = f;
                int value = n++;
                loop.callSoonThreadsafe(() -> f.setResult(value));
            }
        }, "waker");
        waker.start();
        try {
            for (int i = 0; i < rounds; i++) {
                Future<Integer> f = loop.createFuture();
                current.set(f);
                loop.callSoon(() -> loop.callSoon(() -> loop.callSoon(() -> { })));
                assertEquals(i, loop.runUntilComplete(f));
            }
        } finally {
            waker.interrupt();
            waker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
