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
 * Tasks destroyed while pending. The loop itself reports them, debug mode or not, through its exception handler as
 * asyncio's {@code Task.__del__} does; in debug mode the report shows the task as it was at its last step and where it
 * was created, and this check records each report as a JFR event:
 *
 * <pre>
 * Task was destroyed but it is pending!
 * task: &lt;Task pending name='Task-2' coro=create() wait_for=&lt;Future pending cb=[...]&gt;&gt;
 * source_traceback: Object created at (most recent call first):
 * 	at app.Main.test(Main.java:31)
 * </pre>
 *
 * <p>A task is destroyed when the garbage collector finds it pending (nothing will ever wake it: the future it waits on
 * is unreachable too), or when its loop closes while it is pending: the loop then unwinds its body, and the task can
 * never finish. On the virtual-thread coroutine fallback a suspended task's parked thread keeps it reachable: only the
 * loop's close finds it there.
 */
public final class PendingTaskCheck implements LoopInterceptor {

    /** Creates the check; {@link Provider} installs one in each loop in debug mode. */
    public PendingTaskCheck() {
    }

    /** Installs the check in loops in debug mode. */
    public static final class Provider implements LoopInterceptorProvider {
        /** For {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public LoopInterceptor create(EventLoop loop) {
            return new PendingTaskCheck();
        }
    }

    @Override
    public void exceptionHandlerCalled(EventLoop loop, ExceptionContext context) {
        if ("Task was destroyed but it is pending!".equals(context.message())) {
            StackTraceElement[] site = context.get(ExceptionContext.SOURCE_TRACEBACK) instanceof StackTraceElement[] s
                    ? s : null;
            io.jasyncio.debug.jfr.JfrEvents.taskDestroyedPending(context.get(ExceptionContext.TASK), site);
        }
    }

    @Override
    public String toString() {
        return "PendingTaskCheck";
    }
}
