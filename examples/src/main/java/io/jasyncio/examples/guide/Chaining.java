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
 * Chaining coroutines: tasks started and not awaited run in whatever order their waits give; the loop stopped before
 * {@code create()} finished, and closing it destroys that pending task. Awaiting each step makes the order the
 * program's. The seed's 3 s, 1 s and 2 s are 0.3 s, 0.1 s and 0.2 s here.
 */
public final class Chaining {
    private Chaining() {
    }

    static Coroutine<Void> create() {
        return Asyncio.coroutine("create", () -> {
            Asyncio.sleep(0.3);
            System.out.println("(1) create file");
            return null;
        });
    }

    static Coroutine<Void> write() {
        return Asyncio.coroutine("write", () -> {
            Asyncio.sleep(0.1);
            System.out.println("(2) write into file");
            return null;
        });
    }

    static Coroutine<Void> close() {
        return Asyncio.coroutine("close", () -> {
            System.out.println("(3) close file");
            return null;
        });
    }

    /** The bug: three tasks started, none awaited. */
    static Coroutine<Void> test(EventLoop loop) {
        return Asyncio.coroutine("test", () -> {
            Asyncio.ensureFuture(create());
            Asyncio.ensureFuture(write());
            Asyncio.ensureFuture(close());
            Asyncio.sleep(0.2);
            loop.stop();
            return null;
        });
    }

    /** The fix: each step awaited. */
    static Coroutine<Void> fixed(EventLoop loop) {
        return Asyncio.coroutine("fixed", () -> {
            Asyncio.await(create());
            Asyncio.await(write());
            Asyncio.await(close());
            Asyncio.sleep(0.2);
            loop.stop();
            return null;
        });
    }

    private static void run(String title, java.util.function.Function<EventLoop, Coroutine<Void>> main) {
        System.out.println(title);
        EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true));
        loop.createTask(main.apply(loop));
        loop.runForever();
        System.out.println("Pending tasks at exit: " + Asyncio.allTasks(loop));
        loop.close();
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        run("Actual output:", Chaining::test);
        run("With each step awaited:", Chaining::fixed);
    }
}
