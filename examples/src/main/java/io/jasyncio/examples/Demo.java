/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.transport.Transports;

/**
 * The loop at work, in one screen of output: callbacks in FIFO order, timers in deadline order, a call from another
 * thread that wakes the sleeping loop, a blocking job in the default executor, and a failing callback reported to the
 * exception handler while the loop carries on. Run it with {@code ./jasyncio demo}.
 */
public final class Demo {
    private final EventLoop loop;
    private final double t0;

    private Demo(EventLoop loop) {
        this.loop = loop;
        this.t0 = loop.time();
    }

    private void say(String what) {
        System.out.printf("[%6.3f s] [%s] %s%n", loop.time() - t0, Thread.currentThread().getName(), what);
    }

    /**
     * Runs the demo.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            new Demo(loop).run();
        }
    }

    private void run() {
        say("loop on " + Transports.of(loop) + ", running on the caller's thread");
        loop.setExceptionHandler((l, ctx) -> say("exception handler: " + ctx.message() + ": " + ctx.exception()));

        // Callbacks run in FIFO order; one scheduled by a callback waits for the next iteration.
        loop.callSoon(() -> say("callSoon #1"));
        loop.callSoon(() -> {
            say("callSoon #2 schedules #4");
            loop.callSoon(() -> say("callSoon #4 (next iteration)"));
        });
        loop.callSoon(() -> say("callSoon #3"));

        // Timers fire in deadline order, whatever the order they were made in.
        loop.callLater(0.20, () -> say("callLater 0.20 s"));
        loop.callLater(0.05, () -> say("callLater 0.05 s"));
        loop.callLater(0.10, () -> {
            throw new IllegalStateException("a callback that fails");
        });
        loop.callLater(0.15, () -> say("callLater 0.15 s: still running after the failure"));

        // Another thread wakes the loop from its I/O poll with callSoonThreadsafe.
        Thread other = new Thread(() -> loop.callSoonThreadsafe(() -> say("callSoonThreadsafe from another thread")),
                "other-thread");
        loop.callLater(0.25, other::start);

        // A blocking job runs in the default executor; its future completes on the loop.
        Future<String> job = loop.runInExecutor(null, () -> {
            Thread.sleep(300);
            return "computed on " + Thread.currentThread().getName();
        });
        job.addDoneCallback(f -> say("executor job done: " + f.result()));

        String result = loop.runUntilComplete(job);
        say("runUntilComplete returned: " + result);
        loop.runUntilComplete(loop.shutdownDefaultExecutor());
        say("default executor shut down; closing the loop");
    }
}
