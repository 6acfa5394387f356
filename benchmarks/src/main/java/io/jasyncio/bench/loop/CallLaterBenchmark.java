/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.loop;

import io.jasyncio.EventLoop;
import io.jasyncio.bench.AbstractLoopBenchmark;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * A timer scheduled and cancelled from the loop thread, the life of most timeouts: jasyncio's
 * {@code callLater(60.0, cb).cancel()} against Netty's {@code schedule(cb, 60, SECONDS).cancel(false)}. A callback does
 * {@value #BATCH} of them, then reschedules itself, {@value #ROUNDS} times; scores are per timer.
 *
 * <p>The two cancel differently, and the score includes both ways' full cost: jasyncio, as asyncio, only marks the
 * timer cancelled and drops it from the heap at the start of the next iteration (all at once past 100 timers and half
 * cancelled, else from the head); Netty removes it from its queue inside {@code cancel}. Each jasyncio round also
 * costs one loop iteration, shared by {@value #BATCH} timers.
 */
public class CallLaterBenchmark extends AbstractLoopBenchmark {
    /** Timers per round. */
    static final int BATCH = 100;
    /** Rounds per invocation. */
    static final int ROUNDS = 1_000;

    private static final Runnable NOOP = () -> { };

    private LoopTimers loopTimers;
    private NettyTimers nettyTimers;

    @Override
    protected void afterLoopsStarted() {
        loopTimers = new LoopTimers(loop);
        nettyTimers = new NettyTimers(netty);
    }

    /**
     * jasyncio: {@code callLater} then {@code cancel} on the loop thread.
     *
     * @return the rounds left, 0
     */
    @Benchmark
    @OperationsPerInvocation(BATCH * ROUNDS)
    public int callLaterCancel() {
        LoopTimers t = loopTimers;
        t.rounds = ROUNDS;
        loop.callSoon(t);
        loop.runForever();
        checkDone(t.rounds);
        return t.rounds;
    }

    /**
     * Netty: {@code schedule} then {@code cancel} on the loop thread.
     *
     * @return the rounds' completion
     */
    @Benchmark
    @OperationsPerInvocation(BATCH * ROUNDS)
    public Object nettyScheduleCancel() {
        NettyTimers t = nettyTimers;
        CompletableFuture<Void> done = new CompletableFuture<>();
        t.done = done;
        t.rounds = ROUNDS;
        netty.execute(t);
        return done.join();
    }

    /** A jasyncio round of timers. */
    private static final class LoopTimers implements Runnable {
        private final EventLoop loop;
        int rounds;

        LoopTimers(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void run() {
            final EventLoop l = loop;
            for (int i = 0; i < BATCH; i++) {
                l.callLater(60.0, NOOP).cancel();
            }
            if (--rounds > 0) {
                l.callSoon(this);
            } else {
                l.stop();
            }
        }
    }

    /** A Netty round of timers. */
    private static final class NettyTimers implements Runnable {
        private final io.netty.channel.EventLoop netty;
        int rounds;
        CompletableFuture<Void> done;

        NettyTimers(io.netty.channel.EventLoop netty) {
            this.netty = netty;
        }

        @Override
        public void run() {
            final io.netty.channel.EventLoop n = netty;
            for (int i = 0; i < BATCH; i++) {
                n.schedule(NOOP, 60, TimeUnit.SECONDS).cancel(false);
            }
            if (--rounds > 0) {
                n.execute(this);
            } else {
                done.complete(null);
            }
        }
    }
}
