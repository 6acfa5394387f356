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
import io.jasyncio.Task;

/**
 * Exceptions never consumed: a task that fails and that nobody awaits keeps its exception to itself. When it is
 * collected, the exception is logged ("Task exception was never retrieved"), with, in debug mode, where the task was
 * made. The fixes: await the task in a try/catch, or run it with runUntilComplete.
 */
public final class NeverRetrieved {
    private NeverRetrieved() {
    }

    /** A coroutine function that fails. */
    static Coroutine<Void> bug() {
        return Asyncio.coroutine("bug", () -> {
            throw new Exception("not consumed");
        });
    }

    /** The first fix: chain the coroutine in another one, with a try/catch. */
    static Coroutine<Void> handleException() {
        return Asyncio.coroutine("handleException", () -> {
            try {
                Asyncio.await(bug());
            } catch (Exception e) {
                System.out.println("exception consumed");
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
        try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true))) {
            loop.createTask(bug()); // the bug: nobody looks at the task
            loop.runUntilComplete(loop.createTask(handleException()));
            Task<Void> task = loop.createTask(bug());
            try {
                loop.runUntilComplete(task); // the second fix
            } catch (Exception e) {
                System.out.println("exception consumed");
            }
        }
        Guide.collectGarbage();
    }
}
