/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.guide;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging: jasyncio logs through SLF4J to the logger named {@code asyncio}, as asyncio does with {@code logging}.
 * Configure it with the backend you use; here slf4j-simple, with the {@code asyncio} logger at DEBUG, so that debug
 * mode's poll times show too.
 */
public final class Logging {
    private Logging() {
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        // slf4j-simple reads its levels once, when the first logger is made: set this before any jasyncio call.
        System.setProperty("org.slf4j.simpleLogger.log.asyncio", "debug");
        Logger asyncio = LoggerFactory.getLogger("asyncio");
        System.out.println("asyncio logger: " + asyncio.getName() + ", debug enabled: " + asyncio.isDebugEnabled());
        try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true))) {
            loop.callLater(0.1, () -> {
                throw new IllegalStateException("a callback that fails");
            });
            loop.runUntilComplete(loop.createTask(Asyncio.coroutine("main", () -> Asyncio.sleep(0.2, null))));
        }
    }
}
