/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug;

import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;
import java.util.function.BooleanSupplier;

/**
 * Futures and tasks that failed and were collected before anyone looked at their exception (no {@code result()},
 * {@code exception()} nor await): logged at ERROR with the exception's trace as asyncio's {@code Future.__del__} does,
 * and for a task where it was created ({@code source_traceback}, recorded in debug mode).
 *
 * <pre>
 * Task exception was never retrieved
 * future: &lt;Task finished name='Task-1' coro=bug() exception=java.lang.Exception: not consumed&gt;
 * source_traceback: Object created at (most recent call first):
 * 	at app.Main.main(Main.java:20)
 * java.lang.Exception: not consumed
 * 	at ...
 * </pre>
 *
 * <p>The future's text is taken when the exception is set. An exception that refers back to its future keeps the future
 * reachable, and is then never reported.
 */
public final class NeverRetrievedCheck implements LoopInterceptor {

    /** Creates the check; {@link Provider} installs one in each loop in debug mode. */
    public NeverRetrievedCheck() {
    }

    /** Installs the check in loops in debug mode. */
    public static final class Provider implements LoopInterceptorProvider {
        /** For {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public LoopInterceptor create(EventLoop loop) {
            return new NeverRetrievedCheck();
        }
    }

    @Override
    public void exceptionSet(EventLoop loop, Object future, Throwable exception, BooleanSupplier neverRetrieved) {
        boolean task = future instanceof Task<?>;
        StackTraceElement[] site = task ? DebugLog.trim(((Task<?>) future).getSourceTraceback()) : null;
        DebugLog.CLEANER.register(future,
                new Report(task ? "Task" : "Future", future.toString(), site, exception, neverRetrieved));
    }

    /** Runs on the cleaner's thread; holds nothing of the future itself. */
    private record Report(String kind, String future, StackTraceElement[] site, Throwable exception,
            BooleanSupplier neverRetrieved) implements Runnable {
        @Override
        public void run() {
            if (neverRetrieved.getAsBoolean()) {
                StringBuilder sb = new StringBuilder(kind).append(" exception was never retrieved\nfuture: ")
                        .append(future);
                DebugLog.appendSite(sb, "source_traceback: Object created at", site);
                DebugLog.LOGGER.error(sb.toString(), exception);
                io.jasyncio.debug.jfr.JfrEvents.exceptionNeverRetrieved(future, exception, site);
            }
        }
    }

    @Override
    public String toString() {
        return "NeverRetrievedCheck";
    }
}
