/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench;

import io.jasyncio.transport.internal.Backend;
import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.LoopOptions;
import io.jasyncio.netty.NettyEventLoop;
import io.jasyncio.transport.TransportKind;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The base of the loop benchmarks, as Netty's {@code AbstractMicrobenchmarkBase}: fixed forks, warm-up, measurement,
 * mode and JVM arguments, and the two loops a benchmark compares, on the same backend in the same JVM.
 *
 * <ul>
 * <li>{@link #loop}: a jasyncio loop that is not running. A benchmark method runs it on its own thread, the JMH thread,
 * with {@code runForever()} until the work it scheduled calls {@code stop()}, as an asyncio program runs its loop.
 * {@link #afterLoopsStarted()} may instead hand it to a thread of its own.</li>
 * <li>{@link #netty}: a raw Netty event loop, {@code MultiThreadIoEventLoopGroup(1, factory)} with the same
 * {@code IoHandlerFactory} as the jasyncio loop ({@code EpollIoHandler} or {@code NioIoHandler}), on Netty's own
 * thread; a benchmark method hands it work and waits for the work to signal that it is done.</li>
 * </ul>
 *
 * <p>The fork inherits this JVM's flags (JMH's default), so the fast-path export and native access come from the
 * launcher ({@code ./jasyncio bench}), which reads them from the parent pom.
 *
 * <p>Differences from Netty's base: one fork, not two, and short iterations (3 warm-up and 5 measurement iterations of
 * one second), because the project's machine is small and shared; JMH's command-line options override them.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class AbstractLoopBenchmark {
    /** The backend of both loops: {@code epoll} or {@code nio}. */
    @Param({"epoll", "nio"})
    public String transport;

    /** The jasyncio loop; not running between benchmark invocations unless a subclass runs it on a thread. */
    protected EventLoop loop;
    /** The raw Netty event loop, on its own thread, with the jasyncio loop's {@code IoHandlerFactory}. */
    protected io.netty.channel.EventLoop netty;

    /** The first failure a callback of the jasyncio loop reported, if any; a benchmark fails on it. */
    private volatile ExceptionContext failure;
    private MultiThreadIoEventLoopGroup nettyGroup;

    /**
     * Creates both loops, then calls {@link #afterLoopsStarted()}.
     *
     * @throws Exception if a subclass cannot set up
     */
    @Setup(Level.Trial)
    public final void startLoops() throws Exception {
        NettyEventLoop jasyncio = new NettyEventLoop(LoopOptions.defaults().withTransport(transport).withDebug(false));
        jasyncio.setExceptionHandler((l, context) -> {
            if (failure == null) {
                failure = context;
            }
            l.stop();
        });
        loop = jasyncio;
        TransportKind kind = jasyncio.transportKind();
        nettyGroup = new MultiThreadIoEventLoopGroup(1, Backend.of(kind).ioHandlerFactory());
        netty = nettyGroup.next();
        afterLoopsStarted();
    }

    /**
     * Calls {@link #beforeLoopsClosed()}, then closes both loops.
     *
     * @throws Exception if a subclass cannot tear down
     */
    @TearDown(Level.Trial)
    public final void stopLoops() throws Exception {
        try {
            beforeLoopsClosed();
        } finally {
            loop.close();
            nettyGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /**
     * Called once both loops exist, before the first invocation; for subclasses.
     *
     * @throws Exception if the subclass cannot set up
     */
    protected void afterLoopsStarted() throws Exception {
    }

    /**
     * Called before both loops are closed, after the last invocation; for subclasses.
     *
     * @throws Exception if the subclass cannot tear down
     */
    protected void beforeLoopsClosed() throws Exception {
    }

    /**
     * Fails the benchmark if a callback of the jasyncio loop raised, or if the work did not finish; call after running
     * the loop.
     *
     * @param left what the work has left to do: 0 when it finished
     * @throws IllegalStateException on a callback's failure or unfinished work
     */
    protected final void checkDone(int left) {
        ExceptionContext f = failure;
        if (f != null) {
            throw new IllegalStateException("a callback failed: " + f.message(), f.exception());
        }
        if (left != 0) {
            throw new IllegalStateException("the loop stopped with " + left + " operations left");
        }
    }
}
