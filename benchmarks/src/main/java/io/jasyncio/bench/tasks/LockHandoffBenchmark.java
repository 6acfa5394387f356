/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.tasks;

import io.jasyncio.Asyncio;
import io.jasyncio.Lock;
import io.jasyncio.Task;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * A lock handed between two workers {@value #BATCH} times: each worker takes the lock, gives up its thread once while
 * holding it (so that the other comes to wait), and releases it to the waiting one. {@link Lock} between two tasks,
 * against a fair {@link ReentrantLock} between two virtual threads (fair, so that it too is handed over rather than
 * taken back by its releaser), and against a chain of {@code CompletableFuture} steps on one thread, each step the
 * next holder's turn. The score is per acquisition.
 */
@OperationsPerInvocation(AbstractTaskShapeBenchmark.BATCH)
public class LockHandoffBenchmark extends AbstractTaskShapeBenchmark {

    /**
     * jasyncio: two tasks, {@code async with lock: await sleep(0)} in a loop.
     *
     * @return the number of acquisitions
     */
    @Benchmark
    public long jasyncio() {
        return loop.runUntilComplete(loop.createTask(() -> {
            Lock lock = new Lock();
            long[] count = new long[1];
            Task<Void> a = loop.createTask(() -> lockWorker(lock, count));
            Task<Void> b = loop.createTask(() -> lockWorker(lock, count));
            Asyncio.await(a);
            Asyncio.await(b);
            return count[0];
        }));
    }

    private static Void lockWorker(Lock lock, long[] count) {
        for (int i = 0; i < BATCH / 2; i++) {
            lock.acquire();
            try {
                count[0]++;
                Asyncio.sleep(0);
            } finally {
                lock.release();
            }
        }
        return null;
    }

    /**
     * Virtual threads: two, with a fair {@code ReentrantLock}, {@code lock(); Thread.yield(); unlock()} in a loop.
     *
     * @return the number of acquisitions
     * @throws Exception on failure
     */
    @Benchmark
    public long virtualThreads() throws Exception {
        return inVirtualThread(() -> {
            ReentrantLock lock = new ReentrantLock(true);
            long[] count = new long[1];
            Runnable worker = () -> {
                for (int i = 0; i < BATCH / 2; i++) {
                    lock.lock();
                    try {
                        count[0]++;
                        Thread.yield();
                    } finally {
                        lock.unlock();
                    }
                }
            };
            Thread a = Thread.ofVirtual().start(worker);
            Thread b = Thread.ofVirtual().start(worker);
            a.join();
            b.join();
            return count[0];
        });
    }

    /**
     * CompletableFuture: the holder's release completes the future the other holder's turn waits on
     * ({@code thenRunAsync} on the executor), {@value #BATCH} turns.
     *
     * @return the number of acquisitions
     */
    @Benchmark
    public long completableFuture() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long[] count = new long[1];
        turn(CompletableFuture.completedFuture(null), 0, count, done);
        return done.join();
    }

    private void turn(CompletableFuture<Void> released, int i, long[] count, CompletableFuture<Long> done) {
        released.thenRunAsync(() -> {
            count[0]++;
            CompletableFuture<Void> next = new CompletableFuture<>();
            if (i + 1 == BATCH) {
                done.complete(count[0]);
            } else {
                turn(next, i + 1, count, done);
            }
            next.complete(null);
        }, executor);
    }
}
