/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.guide;

import io.jasyncio.Asyncio;
import io.jasyncio.LoopOptions;

/**
 * Debug mode: switched on for one loop here ({@code LoopOptions.withDebug(true)}; also {@code loop.setDebug(true)},
 * {@code JASYNCIO_DEBUG=1} or {@code -Djasyncio.debug=true}). A task step that blocks the loop for 150 ms is then
 * logged as slow.
 */
public final class DebugMode {
    private DebugMode() {
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Asyncio.run(() -> {
            System.out.println("debug mode: " + Asyncio.getRunningLoop().getDebug());
            System.out.println("checks installed: " + Asyncio.getRunningLoop().getInterceptors());
            Thread.sleep(150); // a blocking call in a task: the whole loop waits
            return null;
        }, LoopOptions.defaults().withDebug(true));
    }
}
