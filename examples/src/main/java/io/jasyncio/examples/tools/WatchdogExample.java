/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.tools;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.debug.watchdog.Watchdog;
import java.time.Duration;

/**
 * The stall watchdog: a task calls a blocking function, the watchdog names the task, where it was created and where
 * it blocks, while it blocks. Debug mode is on only so that the task's creation site is known.
 */
public final class WatchdogExample {
    private WatchdogExample() {
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.setDebug(true);
            Watchdog.install(loop, Duration.ofMillis(100));
            loop.runUntilComplete(loop.createTask(() -> {
                Asyncio.sleep(0.01);
                return loadConfig();
            }, "startup"));
        }
    }

    /** A blocking read in a coroutine: the whole loop waits for it. */
    static String loadConfig() throws InterruptedException {
        Thread.sleep(250);
        return "config";
    }
}
