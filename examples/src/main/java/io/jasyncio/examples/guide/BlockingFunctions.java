/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.guide;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;

/**
 * Blocking functions: called in a task they stop the whole loop (debug mode says which task, and for how long); handed
 * to an executor with {@code runInExecutor} they run on another thread while the loop goes on.
 */
public final class BlockingFunctions {
    private BlockingFunctions() {
    }

    /** A blocking call: a file, a JDBC query, a legacy client... */
    static String blockingIo() throws InterruptedException {
        Thread.sleep(200);
        return "data";
    }

    /** Ticks every 50 ms while the loop is free to run it. */
    static Coroutine<Void> ticker(int n) {
        return Asyncio.coroutine("ticker", () -> {
            for (int i = 1; i <= n; i++) {
                Asyncio.sleep(0.05);
                System.out.println("  tick " + i);
            }
            return null;
        });
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            System.out.println("blocking call in the task:");
            var ticks = Asyncio.createTask(ticker(3));
            Asyncio.sleep(0); // let the ticker start
            System.out.println("  got " + blockingIo() + " (no tick could run meanwhile)");
            Asyncio.await(ticks);

            System.out.println("blocking call in the default executor:");
            ticks = Asyncio.createTask(ticker(3));
            System.out.println("  got " + Asyncio.await(loop.runInExecutor(null, BlockingFunctions::blockingIo)));
            Asyncio.await(ticks);
            return null;
        }, LoopOptions.defaults().withDebug(true));
    }
}
