/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench;

import io.jasyncio.EventLoop;
import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
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
 * The base of the loop benchmarks: one jasyncio loop and one raw Netty event loop, each on a thread of its own, on the
 * same backend, so that a benchmark and its Netty twin run in the same JVM and the same run. Fixed forks, warm-up and
 * JVM arguments, as Netty's {@code AbstractMicrobenchmarkBase}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class AbstractLoopBenchmark {
    /** The backend of both loops. */
    @Param({"epoll"})
    public String transport;

    /** The jasyncio loop, running on its own thread. */
    protected EventLoop loop;
    /** The raw Netty event loop, on its own thread. */
    protected io.netty.channel.EventLoop netty;

    private LoopGroup group;
    private MultiThreadIoEventLoopGroup nettyGroup;

    /** Starts both loops. */
    @Setup(Level.Trial)
    public void startLoops() {
        group = new LoopGroup(1, LoopOptions.defaults().withTransport(transport).withDebug(false)).start();
        loop = group.loop(0);
        IoHandlerFactory factory = transport.equals("epoll") && Epoll.isAvailable()
                ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        nettyGroup = new MultiThreadIoEventLoopGroup(1, factory);
        netty = nettyGroup.next();
    }

    /** Stops both loops. */
    @TearDown(Level.Trial)
    public void stopLoops() throws InterruptedException {
        group.close();
        nettyGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).await();
    }
}
