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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Scheduling from another thread, producer against consumer: the JMH thread calls jasyncio's
 * {@code callSoonThreadsafe} (or Netty's {@code execute}) {@value #BATCH} times while the loop, on a thread of its own,
 * runs the callbacks; the invocation ends when the loop has run the last one. Scores are per callback, the time for
 * the loop to have run the whole batch divided by its size: the throughput of the pair, wake-ups included.
 *
 * <p>Both loops wake the same way (Netty's {@code IoHandler.wakeup()}: an {@code eventfd} write on epoll, at most once
 * per sleep), and both run on a thread of their own here. On a 2-core machine the producer and the loop compete for
 * the cores with everything else, so these scores swing more than the single-thread ones.
 */
public class ThreadsafeBenchmark extends AbstractLoopBenchmark {
    /** Callbacks per invocation. */
    static final int BATCH = 100_000;

    private Thread loopThread;
    private Countdown loopCounter;
    private Countdown nettyCounter;

    @Override
    protected void afterLoopsStarted() {
        final EventLoop l = loop;
        loopThread = new Thread(l::runForever, "jasyncio-loop");
        loopThread.setDaemon(true);
        loopThread.start();
        loopCounter = new Countdown(null);
        nettyCounter = new Countdown(null);
    }

    @Override
    protected void beforeLoopsClosed() throws InterruptedException {
        final EventLoop l = loop;
        l.callSoonThreadsafe(l::stop);
        loopThread.join();
    }

    /**
     * jasyncio: {@code callSoonThreadsafe} from the JMH thread, the loop on its own thread.
     *
     * @return the batch's completion
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object callSoonThreadsafe() {
        final EventLoop l = loop;
        final Countdown c = loopCounter;
        CompletableFuture<Void> done = c.arm(BATCH);
        for (int i = 0; i < BATCH; i++) {
            l.callSoonThreadsafe(c);
        }
        return done.join();
    }

    /**
     * Netty: {@code execute} from the JMH thread, the loop on its own thread.
     *
     * @return the batch's completion
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object nettyExecuteFromOtherThread() {
        final io.netty.channel.EventLoop n = netty;
        final Countdown c = nettyCounter;
        CompletableFuture<Void> done = c.arm(BATCH);
        for (int i = 0; i < BATCH; i++) {
            n.execute(c);
        }
        return done.join();
    }
}
