/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.guide;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.LoopOptions;

/**
 * Coroutine objects never scheduled: calling a coroutine function makes a coroutine object and runs nothing; one that
 * is neither awaited nor handed to a task is a bug, which debug mode logs when the object is collected, with where it
 * was made: in a loop in debug mode, or anywhere when debug mode is on by default ({@code JASYNCIO_DEBUG=1}).
 */
public final class NeverScheduled {
    private NeverScheduled() {
    }

    /** A coroutine function, as {@code async def test()}. */
    static Coroutine<Void> test() {
        return Asyncio.coroutine("test", () -> {
            System.out.println("never scheduled");
            return null;
        });
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        test(); // the bug where no loop runs: followed when debug mode is on by default (JASYNCIO_DEBUG=1)
        Asyncio.run(() -> {
            test(); // the bug: the coroutine object is dropped
            Asyncio.await(test()); // the fix: await it (or Asyncio.createTask(test()))
            return null;
        }, LoopOptions.defaults().withDebug(true));
        Guide.collectGarbage();
    }
}
