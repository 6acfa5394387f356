/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.ExceptionContext;
import java.lang.ref.Cleaner;
import java.util.Arrays;

/**
 * What asyncio's {@code __del__} methods report, always, debug mode or not: "Future exception was never retrieved",
 * "Task exception was never retrieved" (asyncio's {@code _tb_logger}) and "Task was destroyed but it is pending!",
 * through the loop's exception handler with the keys {@code message}, {@code exception}, {@code future} or
 * {@code task} (the repr: the object itself is gone) and, for a task created in debug mode, {@code source_traceback}
 * (its creation site, library frames left out).
 *
 * <p>One {@link Cleaner} thread runs the reports of collected objects. A report goes to the loop's thread
 * ({@code callSoonThreadsafe}) while the loop runs, else it is made on the cleaner's thread at once, as asyncio's
 * {@code __del__} runs wherever the collector does. Costs: a future pays nothing unless an exception is set; then one
 * registration, dropped as soon as the exception is retrieved. A task pays one registration from its first suspension
 * (before it, the ready queue holds it) until it finishes; a task that ends in its first step pays nothing. A logger holds nothing that could keep its object reachable: never the object, nor its
 * coroutine (which may capture the task); only strings, the exception and the loop.
 */
public final class FinalizerReports {
    /** How many creation frames a report shows, as the debug module's reports. */
    private static final int STACK_DEPTH = 10;

    private FinalizerReports() {
    }

    /** The cleaner, made on first use. */
    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create(r -> {
            Thread t = new Thread(r, "jasyncio-finalizer-reports");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * asyncio's {@code _tb_logger}: made when an exception is set on a future, reports it if the future is collected
     * before anyone retrieved it.
     */
    public static final class TracebackLogger implements Runnable {
        private final BaseEventLoop loop;
        private final String kind;
        private final String repr;
        private final StackTraceElement[] site;
        private volatile Throwable exception;
        private final Cleaner.Cleanable cleanable;

        private TracebackLogger(Object future, BaseEventLoop loop, String kind, String repr, Throwable exception,
                StackTraceElement[] site) {
            this.loop = loop;
            this.kind = kind;
            this.repr = repr;
            this.exception = exception;
            this.site = site;
            this.cleanable = Holder.CLEANER.register(future, this);
        }

        /**
         * Whether the exception is still unretrieved.
         *
         * @return {@code true} until {@link #clear()}
         */
        public boolean active() {
            return exception != null;
        }

        /** The exception was retrieved: nothing to report, and the registration is dropped now. */
        public void clear() {
            if (exception != null) {
                exception = null;
                cleanable.clean();
            }
        }

        @Override
        public void run() {
            Throwable e = exception;
            if (e == null) {
                return;
            }
            exception = null;
            ExceptionContext.Builder b = ExceptionContext.builder(kind + " exception was never retrieved").exception(e)
                    .put(ExceptionContext.FUTURE, repr);
            if (site != null && site.length > 0) {
                b.put(ExceptionContext.SOURCE_TRACEBACK, site);
            }
            report(loop, b.build());
        }
    }

    /**
     * Follows a pending task: reports "Task was destroyed but it is pending!" if the task is collected, or its loop
     * closes, before it finishes.
     */
    public static final class PendingTaskLogger implements Runnable {
        private final BaseEventLoop loop;
        /** The name given to the task, or {@code null} for {@code Task-<id>}. */
        private final String name;
        private final long id;
        /** The coroutine's class, or the name of a coroutine object: never the coroutine, which may hold the task. */
        private final Object coro;
        /** Where the task was made, resolved only for a report. */
        private final CreationSites.Site site;
        /** The repr to show: a text, or an object that renders it when read. */
        private volatile Object repr;
        private volatile boolean done;
        private final Cleaner.Cleanable cleanable;

        private PendingTaskLogger(Object task, BaseEventLoop loop, String name, long id, Object coro,
                CreationSites.Site site) {
            this.loop = loop;
            this.name = name;
            this.id = id;
            this.coro = coro instanceof CoroutineObject<?> c ? c.toString() : coro.getClass();
            this.site = site;
            this.cleanable = Holder.CLEANER.register(task, this);
        }

        /**
         * Sets the repr the report will show (debug mode refreshes it after each step, with the awaited future).
         *
         * @param value the repr, or an object that renders it when read; must not hold the task
         */
        public void setRepr(Object value) {
            repr = value;
        }

        /** The task finished: nothing to report, and the registration is dropped now. */
        public void done() {
            if (!done) {
                done = true;
                cleanable.clean();
            }
        }

        /** Reports now, on the caller's thread (the loop closes with the task pending), and never again. */
        public void reportNow() {
            if (!done) {
                done = true;
                cleanable.clean();
                report(loop, context());
            }
        }

        @Override
        public void run() {
            if (!done) {
                done = true;
                report(loop, context());
            }
        }

        private ExceptionContext context() {
            String r = repr == null ? null : repr.toString();
            if (r == null) {
                r = "<Task pending name='" + (name != null ? name : "Task-" + id) + "' coro=" + describe(coro) + ">";
            }
            ExceptionContext.Builder b = ExceptionContext.builder("Task was destroyed but it is pending!")
                    .put(ExceptionContext.TASK, r);
            StackTraceElement[] frames = site == null ? null : trim(site.frames());
            if (frames != null && frames.length > 0) {
                b.put(ExceptionContext.SOURCE_TRACEBACK, frames);
            }
            return b.build();
        }
    }

    /**
     * Follows a future whose exception was just set.
     *
     * @param future the future (held only weakly, by the cleaner)
     * @param loop its loop
     * @param task whether it is a task ("Task exception ..." rather than "Future exception ...")
     * @param repr its repr, as the report will show it
     * @param exception the exception
     * @param creationSite where it was created (debug mode), or {@code null}
     * @return the logger, to clear when the exception is retrieved
     */
    public static TracebackLogger exceptionSet(Object future, BaseEventLoop loop, boolean task, String repr,
            Throwable exception, StackTraceElement[] creationSite) {
        return new TracebackLogger(future, loop, task ? "Task" : "Future", repr, exception, trim(creationSite));
    }

    /**
     * Follows a pending task: from its first suspension, or when its loop closes before it ran.
     *
     * @param task the task (held only weakly, by the cleaner)
     * @param loop its loop
     * @param name the name given to it, or {@code null} for {@code Task-<id>}
     * @param id the number of its default name
     * @param coro its coroutine: only its class, or a coroutine object's name, is kept
     * @param creationSite where it was created (debug mode), or {@code null}
     * @return the logger, to tell when the task finishes
     */
    public static PendingTaskLogger taskPending(Object task, BaseEventLoop loop, String name, long id, Object coro,
            CreationSites.Site creationSite) {
        return new PendingTaskLogger(task, loop, name, id, coro, creationSite);
    }

    private static String describe(Object coro) {
        if (coro instanceof String s) {
            return s;
        }
        String name = ((Class<?>) coro).getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : "lambda in " + name.substring(0, lambda);
    }

    /**
     * The user's frames of a creation site: the library's own, the JDK's internals and Netty's left out.
     *
     * @param frames the site, innermost first, or {@code null}
     * @return at most {@value #STACK_DEPTH} frames, or {@code null}
     */
    public static StackTraceElement[] trim(StackTraceElement[] frames) {
        if (frames == null || frames.length == 0) {
            return null;
        }
        return Arrays.stream(frames).filter(f -> isUserFrame(f.getClassName())).limit(STACK_DEPTH)
                .toArray(StackTraceElement[]::new);
    }

    private static boolean isUserFrame(String className) {
        return CreationSites.isUserFrame(className);
    }

    private static void report(BaseEventLoop loop, ExceptionContext context) {
        if (loop.isRunning() && !loop.isClosed()) {
            try {
                loop.callSoonThreadsafe(() -> loop.callExceptionHandler(context));
                return;
            } catch (RuntimeException closedMeanwhile) {
                // the loop closed after the check: report here
            }
        }
        loop.callExceptionHandler(context);
    }
}
