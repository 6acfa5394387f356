/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug;

import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;

/**
 * Futures and tasks that failed and were collected before anyone looked at their exception (no {@code result()},
 * {@code exception()} nor await). The loop itself reports them, debug mode or not, through its exception handler as
 * asyncio's {@code Future.__del__} does; debug mode adds where a task was created ({@code source_traceback}, which
 * tasks record in debug mode), and this check records each report as a JFR event:
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
    public void exceptionHandlerCalled(EventLoop loop, ExceptionContext context) {
        String message = context.message();
        if (message != null && message.endsWith(" exception was never retrieved")) {
            StackTraceElement[] site = context.get(ExceptionContext.SOURCE_TRACEBACK) instanceof StackTraceElement[] s
                    ? s : null;
            io.jasyncio.debug.jfr.JfrEvents.exceptionNeverRetrieved(context.get(ExceptionContext.FUTURE),
                    context.exception(), site);
        }
    }

    @Override
    public String toString() {
        return "NeverRetrievedCheck";
    }
}
