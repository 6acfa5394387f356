/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.netty;

import io.jasyncio.internal.SystemProperties;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Netty's single-thread I/O event loop, run on the thread that calls {@code runForever()} rather than on a thread of
 * its own.
 *
 * <p>How: Netty starts an executor by handing a start runnable to its {@link Executor}; ours keeps that runnable
 * ({@link CallerExecutor}) and {@link #runOnCaller()} runs it on the caller's thread. Netty then calls {@link #run()},
 * which runs the asyncio iterations; on {@code stop()} it suspends the Netty loop ({@code trySuspend()}) and returns,
 * so that the thread goes back to the caller and no I/O is processed until the next run. Suspension is allowed while
 * channels are registered ({@link #canSuspend(int)}). Closing shuts Netty down the same way, on the caller's thread.
 *
 * <p>The caller's thread runs the loop as one of Netty's own threads would: inside
 * {@link FastThreadLocalThread#runWithFastThreadLocal}, so that Netty's per-thread allocator caches and object pools
 * (the outbound buffer's entries, for one) serve it, which Netty otherwise keeps for its own threads. Netty drops them
 * when the run ends, as it does when one of its own threads ends; a server that runs forever keeps them for its life.
 * {@code -Djasyncio.loop.nettyCaches=false} runs the loop as a plain thread instead.
 *
 * <p>Netty's own tasks (channel operations from other threads, its scheduled tasks) run after each I/O poll, before
 * the asyncio callbacks of the iteration.
 *
 * <p>On epoll, a poll that may not block is skipped while no channel is registered: it could only report the wake-up
 * {@code eventfd} or Netty's {@code timerfd}, which matter to a blocking wait alone, and it is a system call that
 * costs most of an otherwise empty iteration. (libuv's {@code uv__io_poll} returns early the same way when it watches
 * no descriptor.) NIO polls every time: its selector deregisters cancelled keys, and so releases closed channels'
 * descriptors, only inside a select.
 */
final class LoopIoExecutor extends SingleThreadIoEventLoop {
    private final NettyEventLoop owner;
    private final CallerExecutor starter;
    /** Whether a non-blocking poll may be skipped while no channel is registered (epoll). */
    private final boolean skipEmptyPoll;
    // Threading: loop thread only.
    private long pollTimeoutNanos;
    private boolean iterated;
    private Throwable failure;

    private final IoHandlerContext context = new IoHandlerContext() {
        @Override
        public boolean canBlock() {
            return pollTimeoutNanos != 0 && !owner.hasReadyWork() && !hasTasks() && !hasDueScheduledTask();
        }

        @Override
        public long delayNanos(long currentTimeNanos) {
            long delay = pollTimeoutNanos < 0 ? Long.MAX_VALUE : pollTimeoutNanos;
            if (nextScheduledTaskNano() >= 0) { // any scheduled task: Netty's hasScheduledTasks() means a due one
                delay = Math.min(delay, LoopIoExecutor.this.delayNanos(currentTimeNanos));
            }
            return delay;
        }

        @Override
        public long deadlineNanos() {
            long now = System.nanoTime();
            long delay = delayNanos(now);
            return delay == Long.MAX_VALUE ? -1 : now + delay;
        }
    };

    LoopIoExecutor(NettyEventLoop owner, IoHandlerFactory factory, boolean skipEmptyPoll) {
        this(owner, factory, new CallerExecutor(), skipEmptyPoll);
    }

    private LoopIoExecutor(NettyEventLoop owner, IoHandlerFactory factory, CallerExecutor starter,
            boolean skipEmptyPoll) {
        super(null, starter, factory);
        this.owner = owner;
        this.starter = starter;
        this.skipEmptyPoll = skipEmptyPoll;
    }

    /**
     * Netty's thread check, widened to the task fiber that holds the loop's turn on the virtual-thread coroutine path:
     * the loop thread is parked while that fiber runs, so channel operations from task code run inline and in order,
     * as they do on the continuation path, instead of being queued behind the poll.
     */
    @Override
    public boolean inEventLoop(Thread thread) {
        return super.inEventLoop(thread) || (thread != null && thread == owner.activeFiberThread());
    }

    /** Runs the loop's iterations on the calling thread, inside Netty's executor, until stop(). */
    void runOnCaller() {
        iterated = false;
        failure = null;
        Runnable start = starter.take();
        if (start == null) {
            execute(NoopTask.INSTANCE); // starts the executor: Netty hands its start runnable to the CallerExecutor
            start = starter.take();
        }
        if (start == null) {
            throw new IllegalStateException("the Netty event loop did not start: " + this);
        }
        if (SystemProperties.NETTY_CACHES && !FastThreadLocalThread.currentThreadWillCleanupFastThreadLocals()) {
            FastThreadLocalThread.runWithFastThreadLocal(start);
        } else {
            start.run();
        }
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    @Override
    protected void run() {
        ioHandler().initialize();
        if (isShuttingDown()) {
            ioHandler().prepareToDestroy();
            while (!confirmShutdown()) {
                runAllTasks();
            }
            return;
        }
        if (!iterated) {
            iterated = true;
            try {
                owner.iterate();
            } catch (Throwable t) {
                failure = t;
            }
        }
        // Suspend: finish Netty's pending tasks first, since Netty only suspends an executor with none.
        trySuspend();
        while (!canSuspend()) {
            runAllTasks();
        }
    }

    @Override
    protected boolean canSuspend(int state) {
        return isSuspensionSupported() && isSuspended() && !hasTasks();
    }

    /** One I/O poll, then Netty's tasks; called by the loop's runOnce. */
    void poll(long timeoutNanos) {
        pollTimeoutNanos = timeoutNanos;
        if (timeoutNanos != 0 || !skipEmptyPoll || getNumOfRegisteredChannels() != 0) {
            ioHandler().run(context);
        }
        runAllTasks();
    }

    /**
     * Whether {@link #poll(long)} would return at once having done nothing: a non-blocking poll skipped for want of
     * channels, and no Netty task queued or scheduled (one queued from another thread right after this check runs in
     * the poll untimed, which only shifts its time to the next callback's).
     *
     * @param timeoutNanos the poll's timeout
     * @return {@code true} if the poll would do nothing
     */
    boolean pollIsEmpty(long timeoutNanos) {
        return timeoutNanos == 0 && skipEmptyPoll && getNumOfRegisteredChannels() == 0 && !hasTasks()
                && !hasScheduledTasks();
    }

    void wakeupIo() {
        ioHandler().wakeup();
    }

    private boolean hasDueScheduledTask() {
        return hasScheduledTasks() && delayNanos(System.nanoTime()) <= 0;
    }

    /** Shuts Netty down on the calling thread; the owner loop is not running. */
    void shutdownOnCaller() {
        shutdownGracefully(0, 0, TimeUnit.SECONDS);
        Runnable start = starter.take();
        if (start != null) {
            start.run();
        }
    }

    /** Keeps Netty's start runnable for the thread that calls runForever. */
    static final class CallerExecutor implements Executor {
        private final AtomicReference<Runnable> pending = new AtomicReference<>();

        @Override
        public void execute(Runnable command) {
            if (!pending.compareAndSet(null, command)) {
                throw new RejectedExecutionException("the loop already has a start runnable waiting");
            }
        }

        Runnable take() {
            return pending.getAndSet(null);
        }
    }

    /** A task that only starts the executor. */
    enum NoopTask implements Runnable {
        INSTANCE;

        @Override
        public void run() {
        }
    }
}
