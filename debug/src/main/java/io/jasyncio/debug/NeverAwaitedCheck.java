/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug;

import io.jasyncio.EventLoop;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;
import java.util.function.BooleanSupplier;

/**
 * Coroutine objects ({@code Asyncio.coroutine(name, body)}) collected without being awaited nor handed to a task:
 * logged at WARN when the garbage collector finds them, with where they were made, as Python's
 * "coroutine 'test' was never awaited" and asyncio's debug-mode origin.
 *
 * <pre>
 * coroutine 'test' was never awaited
 * Coroutine created at (most recent call first):
 * 	at app.Main.lambda$main$0(Main.java:12)
 * </pre>
 *
 * <p>Likewise the futures that the loop's {@code async def} methods return ({@code createServer},
 * {@code createConnection}, {@code runInExecutor}, ...), where forgetting {@code Asyncio.await} compiles and waits
 * for nothing: one collected without being awaited, read, cancelled or given a done callback is logged as
 * "future returned by loop.createServer() was never awaited", with where it was returned.
 *
 * <p>Followed: coroutine objects made while a loop in debug mode runs on the thread (in a task or a callback), and,
 * when debug mode is on by default ({@code JASYNCIO_DEBUG=1}, {@code -Djasyncio.debug=true}), those made where no loop
 * runs.
 */
public final class NeverAwaitedCheck implements LoopInterceptor {

    /** Creates the check; {@link Provider} installs one in each loop in debug mode. */
    public NeverAwaitedCheck() {
    }

    /** Installs the check in loops in debug mode. */
    public static final class Provider implements LoopInterceptorProvider {
        /** For {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public LoopInterceptor create(EventLoop loop) {
            return new NeverAwaitedCheck();
        }

        /** Also follows coroutine objects made where no loop runs, when debug mode is on by default. */
        @Override
        public LoopInterceptor createDetached() {
            return new NeverAwaitedCheck();
        }
    }

    @Override
    public void coroutineCreated(EventLoop loop, Object coroutine, String name, BooleanSupplier consumed) {
        DebugLog.CLEANER.register(coroutine, new Report(name, DebugLog.callerFrames(), consumed));
    }

    @Override
    public void futureReturned(EventLoop loop, Object future, String operation, BooleanSupplier awaited) {
        DebugLog.CLEANER.register(future, new FutureReport(operation, DebugLog.callerFrames(), awaited));
    }

    /** Runs on the cleaner's thread; holds nothing of the coroutine itself. */
    private record Report(String name, StackTraceElement[] site, BooleanSupplier consumed) implements Runnable {
        @Override
        public void run() {
            if (!consumed.getAsBoolean()) {
                StringBuilder sb = new StringBuilder("coroutine '").append(name).append("' was never awaited");
                DebugLog.LOGGER.warn(DebugLog.appendSite(sb, "Coroutine created at", site).toString());
            }
        }
    }

    /** Runs on the cleaner's thread; holds nothing of the future itself. */
    private record FutureReport(String operation, StackTraceElement[] site, BooleanSupplier awaited)
            implements Runnable {
        @Override
        public void run() {
            if (!awaited.getAsBoolean()) {
                StringBuilder sb = new StringBuilder("future returned by loop.").append(operation)
                        .append("() was never awaited");
                DebugLog.LOGGER.warn(DebugLog.appendSite(sb, "Future returned at", site).toString());
            }
        }
    }

    @Override
    public String toString() {
        return "NeverAwaitedCheck";
    }
}
