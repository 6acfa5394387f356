/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.tasks;

import io.jasyncio.Asyncio;
import io.jasyncio.Queue;
import io.jasyncio.Task;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * A value sent back and forth between two workers through two queues, {@value #BATCH} round trips: {@link Queue}
 * between two tasks, against {@link SynchronousQueue} and {@link ArrayBlockingQueue} (capacity 1) between two virtual
 * threads, and against two {@code thenApplyAsync} hops on one thread per round trip. The score is per round trip.
 */
@OperationsPerInvocation(AbstractTaskShapeBenchmark.BATCH)
public class QueuePingPongBenchmark extends AbstractTaskShapeBenchmark {

    /**
     * jasyncio: ping puts, pong gets and puts back, ping gets.
     *
     * @return the sum of the values that came back
     */
    @Benchmark
    public long jasyncio() {
        return loop.runUntilComplete(loop.createTask(() -> {
            Queue<Integer> ping = new Queue<>();
            Queue<Integer> pong = new Queue<>();
            Task<Void> echo = loop.createTask(() -> {
                for (int i = 0; i < BATCH; i++) {
                    pong.put(ping.get());
                }
                return null;
            });
            long sum = 0;
            for (int i = 0; i < BATCH; i++) {
                ping.put(i);
                sum += pong.get();
            }
            Asyncio.await(echo);
            return sum;
        }));
    }

    /**
     * Virtual threads with two {@code SynchronousQueue}s.
     *
     * @return the sum of the values that came back
     * @throws Exception on failure
     */
    @Benchmark
    public long virtualThreadsSynchronousQueue() throws Exception {
        return pingPong(new SynchronousQueue<>(), new SynchronousQueue<>());
    }

    /**
     * Virtual threads with two {@code ArrayBlockingQueue}s of capacity 1.
     *
     * @return the sum of the values that came back
     * @throws Exception on failure
     */
    @Benchmark
    public long virtualThreadsArrayBlockingQueue() throws Exception {
        return pingPong(new ArrayBlockingQueue<>(1), new ArrayBlockingQueue<>(1));
    }

    private static long pingPong(BlockingQueue<Integer> ping, BlockingQueue<Integer> pong) throws Exception {
        return inVirtualThread(() -> {
            Thread echo = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < BATCH; i++) {
                        pong.put(ping.take());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long sum = 0;
            for (int i = 0; i < BATCH; i++) {
                ping.put(i);
                sum += pong.take();
            }
            echo.join();
            return sum;
        });
    }

    /**
     * CompletableFuture: a round trip is a hop to the echo side and a hop back, each {@code thenApplyAsync} on the
     * executor.
     *
     * @return the sum of the values that came back
     */
    @Benchmark
    public long completableFuture() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        roundTrip(0, 0, done);
        return done.join();
    }

    private void roundTrip(int i, long sum, CompletableFuture<Long> done) {
        CompletableFuture.completedFuture(i)
                .thenApplyAsync(v -> v, executor) // ping -> echo
                .thenApplyAsync(v -> v, executor) // echo -> ping
                .whenComplete((v, e) -> {
                    if (e != null) {
                        done.completeExceptionally(e);
                    } else if (i + 1 == BATCH) {
                        done.complete(sum + v);
                    } else {
                        roundTrip(i + 1, sum + v, done);
                    }
                });
    }
}
