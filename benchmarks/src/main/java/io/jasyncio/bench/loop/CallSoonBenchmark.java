/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.loop;

import io.jasyncio.transport.internal.Backend;
import io.jasyncio.EventLoop;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.bench.AbstractLoopBenchmark;
import io.jasyncio.netty.NettyEventLoop;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;

/**
 * {@code callSoon} from the loop thread against Netty's {@code EventLoop.execute} from its loop thread, in two shapes.
 * Scores are per callback: schedule it, then run it.
 *
 * <ul>
 * <li><b>Chain</b> ({@code callSoonChain} / {@code nettyExecuteChain}): one callback reschedules itself
 * {@value #CHAIN} times. asyncio runs a callback scheduled by a callback in the next iteration, so each link of the
 * jasyncio chain is one whole loop iteration, with an I/O poll of zero timeout (skipped on epoll while no channel is
 * registered), where Netty runs the tasks its tasks add in the same pass, polling I/O again only after its task
 * quantum (one second by default). This is the dispatch cost of a ping-pong between callbacks.</li>
 * <li><b>Burst</b> ({@code callSoonBurst} / {@code nettyExecuteBurst}): a callback schedules {@value #BURST}
 * callbacks, then itself, {@value #ROUNDS} times; all of a burst runs in one iteration. This is the cost of
 * {@code callSoon} and of running the handle, with the iteration's cost shared by {@value #BURST} callbacks.</li>
 * </ul>
 *
 * <p>The jasyncio loop runs on the JMH thread: {@code runForever()} until the last callback calls {@code stop()}.
 * Netty's loop runs on its own thread; the JMH thread hands it the first callback and waits for the last one. Either
 * way there is one hand-off per invocation, which {@link HandOffBenchmark} measures, shared by every operation.
 *
 * <p>{@code listeners}: with 1, each loop also has a listening TCP socket on 127.0.0.1, as a server's loop has, so that
 * the jasyncio loop's I/O poll has something to poll; with 0 the loop has no channel at all.
 */
public class CallSoonBenchmark extends AbstractLoopBenchmark {
    /** Links in a chain. */
    static final int CHAIN = 10_000;
    /** Callbacks in a burst. */
    static final int BURST = 1_000;
    /** Bursts per invocation. */
    static final int ROUNDS = 100;

    /** Listening sockets on each loop: 0 or 1. */
    @Param({"0", "1"})
    public int listeners;

    private Server server;
    private Channel nettyServer;
    private LoopChain loopChain;
    private NettyChain nettyChain;
    private Countdown loopCounter;
    private LoopBurst loopBurst;
    private Countdown nettyCounter;
    private NettyBurst nettyBurst;

    @Override
    protected void afterLoopsStarted() {
        loopChain = new LoopChain(loop);
        nettyChain = new NettyChain(netty);
        loopCounter = new Countdown(loop);
        loopBurst = new LoopBurst(loop, loopCounter);
        nettyCounter = new Countdown(null);
        nettyBurst = new NettyBurst(netty, nettyCounter);
        if (listeners > 0) {
            server = loop.runUntilComplete(loop.createServer(() -> (Protocol) data -> { }, "127.0.0.1", 0));
            nettyServer = new ServerBootstrap().group(netty)
                    .channel(Backend.of(((NettyEventLoop) loop).transportKind()).serverChannelClass())
                    .childHandler(new ChannelInboundHandlerAdapter())
                    .bind("127.0.0.1", 0).syncUninterruptibly().channel();
        }
    }

    @Override
    protected void beforeLoopsClosed() {
        if (server != null) {
            server.close();
            loop.runUntilComplete(() -> {
                server.waitClosed();
                return null;
            });
            nettyServer.close().syncUninterruptibly();
        }
    }

    /**
     * jasyncio: a callback that calls {@code callSoon(this)} until the chain ends; one loop iteration per link.
     *
     * @return the links left, 0
     */
    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public int callSoonChain() {
        LoopChain c = loopChain;
        c.left = CHAIN;
        loop.callSoon(c);
        loop.runForever();
        checkDone(c.left);
        return c.left;
    }

    /**
     * Netty: a task that calls {@code execute(this)} on its loop until the chain ends.
     *
     * @return the chain's completion
     */
    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public Object nettyExecuteChain() {
        NettyChain c = nettyChain;
        CompletableFuture<Void> done = new CompletableFuture<>();
        c.done = done;
        c.left = CHAIN;
        netty.execute(c);
        return done.join();
    }

    /**
     * jasyncio: bursts of {@code callSoon} from a callback, each burst run in one iteration.
     *
     * @return the callbacks left, 0
     */
    @Benchmark
    @OperationsPerInvocation(BURST * ROUNDS)
    public int callSoonBurst() {
        loopCounter.left = BURST * ROUNDS;
        loopBurst.rounds = ROUNDS;
        loop.callSoon(loopBurst);
        loop.runForever();
        checkDone(loopCounter.left);
        return loopCounter.left;
    }

    /**
     * Netty: bursts of {@code execute} from a task on the loop.
     *
     * @return the bursts' completion
     */
    @Benchmark
    @OperationsPerInvocation(BURST * ROUNDS)
    public Object nettyExecuteBurst() {
        CompletableFuture<Void> done = nettyCounter.arm(BURST * ROUNDS);
        nettyBurst.rounds = ROUNDS;
        netty.execute(nettyBurst);
        return done.join();
    }

    /** The jasyncio chain: reschedules itself, stops the loop at the end. */
    private static final class LoopChain implements Runnable {
        private final EventLoop loop;
        int left;

        LoopChain(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void run() {
            if (--left > 0) {
                loop.callSoon(this);
            } else {
                loop.stop();
            }
        }
    }

    /** The Netty chain: re-executes itself, completes {@link #done} at the end. */
    private static final class NettyChain implements Runnable {
        private final io.netty.channel.EventLoop netty;
        int left;
        CompletableFuture<Void> done;

        NettyChain(io.netty.channel.EventLoop netty) {
            this.netty = netty;
        }

        @Override
        public void run() {
            if (--left > 0) {
                netty.execute(this);
            } else {
                done.complete(null);
            }
        }
    }

    /** A jasyncio burst: {@value #BURST} callbacks, then itself while rounds are left. */
    private static final class LoopBurst implements Runnable {
        private final EventLoop loop;
        private final Countdown counter;
        int rounds;

        LoopBurst(EventLoop loop, Countdown counter) {
            this.loop = loop;
            this.counter = counter;
        }

        @Override
        public void run() {
            final EventLoop l = loop;
            final Countdown c = counter;
            for (int i = 0; i < BURST; i++) {
                l.callSoon(c);
            }
            if (--rounds > 0) {
                l.callSoon(this);
            }
        }
    }

    /** A Netty burst: {@value #BURST} tasks, then itself while rounds are left. */
    private static final class NettyBurst implements Runnable {
        private final io.netty.channel.EventLoop netty;
        private final Countdown counter;
        int rounds;

        NettyBurst(io.netty.channel.EventLoop netty, Countdown counter) {
            this.netty = netty;
            this.counter = counter;
        }

        @Override
        public void run() {
            final io.netty.channel.EventLoop n = netty;
            final Countdown c = counter;
            for (int i = 0; i < BURST; i++) {
                n.execute(c);
            }
            if (--rounds > 0) {
                n.execute(this);
            }
        }
    }
}
