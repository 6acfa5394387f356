/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.loop;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.bench.AbstractLoopBenchmark;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.FutureListener;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * A future's done callback, from creation to the callback's run: jasyncio's {@code createFuture()},
 * {@code addDoneCallback}, {@code setResult} and the callback run by the loop, against Netty's {@code DefaultPromise},
 * {@code addListener} and {@code setSuccess}. A callback does {@value #BATCH} of them, then reschedules itself,
 * {@value #ROUNDS} times; scores are per future.
 *
 * <p>The two call back differently, and the score includes it: asyncio schedules done callbacks with
 * {@code call_soon}, so jasyncio's run one iteration later from a {@code Handle}; Netty calls listeners inline from
 * {@code setSuccess} when it runs on the loop thread.
 */
public class FutureCallbackBenchmark extends AbstractLoopBenchmark {
    /** Futures per round. */
    static final int BATCH = 1_000;
    /** Rounds per invocation. */
    static final int ROUNDS = 100;

    private LoopFutures loopFutures;
    private NettyPromises nettyPromises;

    @Override
    protected void afterLoopsStarted() {
        loopFutures = new LoopFutures(loop);
        nettyPromises = new NettyPromises(netty);
    }

    /**
     * jasyncio: a future, a done callback, a result; the loop runs the callback.
     *
     * @return the callbacks left, 0
     */
    @Benchmark
    @OperationsPerInvocation(BATCH * ROUNDS)
    public int futureDoneCallback() {
        LoopFutures f = loopFutures;
        f.rounds = ROUNDS;
        f.left = BATCH * ROUNDS;
        loop.callSoon(f);
        loop.runForever();
        checkDone(f.left);
        return f.left;
    }

    /**
     * Netty: a {@code DefaultPromise}, a listener, a result; the listener runs inline.
     *
     * @return the rounds' completion
     */
    @Benchmark
    @OperationsPerInvocation(BATCH * ROUNDS)
    public Object nettyPromiseListener() {
        NettyPromises p = nettyPromises;
        CompletableFuture<Void> done = new CompletableFuture<>();
        p.done = done;
        p.rounds = ROUNDS;
        p.left = BATCH * ROUNDS;
        netty.execute(p);
        return done.join();
    }

    /** A jasyncio round of futures; also their done callback, which stops the loop after the last. */
    private static final class LoopFutures implements Runnable, Consumer<Future<Object>> {
        private final EventLoop loop;
        int rounds;
        int left;

        LoopFutures(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void run() {
            final EventLoop l = loop;
            for (int i = 0; i < BATCH; i++) {
                Future<Object> f = l.createFuture();
                f.addDoneCallback(this);
                f.setResult(this);
            }
            if (--rounds > 0) {
                l.callSoon(this);
            }
        }

        @Override
        public void accept(Future<Object> f) {
            if (--left == 0) {
                loop.stop();
            }
        }
    }

    /** A Netty round of promises; also their listener, which completes {@link #done} after the last. */
    private static final class NettyPromises implements Runnable, FutureListener<Object> {
        private final io.netty.channel.EventLoop netty;
        int rounds;
        int left;
        CompletableFuture<Void> done;

        NettyPromises(io.netty.channel.EventLoop netty) {
            this.netty = netty;
        }

        @Override
        public void run() {
            final io.netty.channel.EventLoop n = netty;
            for (int i = 0; i < BATCH; i++) {
                DefaultPromise<Object> p = new DefaultPromise<>(n);
                p.addListener(this);
                p.setSuccess(this);
            }
            if (--rounds > 0) {
                n.execute(this);
            }
        }

        @Override
        public void operationComplete(io.netty.util.concurrent.Future<Object> f) {
            if (--left == 0) {
                done.complete(null);
            }
        }
    }
}
