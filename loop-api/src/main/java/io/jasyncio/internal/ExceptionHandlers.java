/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.ExceptionContext;
import io.jasyncio.ExceptionHandler;
import io.jasyncio.Ticker;
import io.jasyncio.TimerHandle;

/**
 * A loop's exception handling, asyncio's {@code call_exception_handler} and {@code default_exception_handler}: the
 * custom handler if any, else the loop's default one; a handler that throws is reported to the default handler, and a
 * default handler that throws is logged. Nothing ever escapes to the caller. The default handler logs through
 * {@link RepeatedReports}, which counts a kind's repeats into one summary line per window; the loop's own timer, made
 * here and not told to interceptors, logs the summaries of the windows that ended.
 *
 * <p>Threading: the custom handler is set and read on the thread that owns the loop, as asyncio's; reports come from
 * any thread, the summaries' timer is scheduled on the loop's thread only.
 */
final class ExceptionHandlers {

    /** The message logged for a report without one. */
    static final String DEFAULT_MESSAGE = "Unhandled exception in event loop";

    private final BaseEventLoop loop;
    private final TimerQueue timers;
    private final Ticker ticker;
    /** The custom handler, or {@code null} for the loop's default one. */
    private ExceptionHandler handler;
    /** The default exception handler's counts of repeated reports. */
    private final RepeatedReports repeats = new RepeatedReports();
    /** The timer that logs the summaries of the default handler's ended windows; {@code null} when none is due. */
    private TimerHandle repeatsTimer;

    /**
     * Makes a loop's exception handling, with no custom handler.
     *
     * @param loop the loop, whose default handler is called
     * @param timers its timer heap, for the summaries' timer
     * @param ticker its clock
     */
    ExceptionHandlers(BaseEventLoop loop, TimerQueue timers, Ticker ticker) {
        this.loop = loop;
        this.timers = timers;
        this.ticker = ticker;
    }

    /**
     * The custom handler.
     *
     * @return the handler, or {@code null} when the default one is used
     */
    ExceptionHandler handler() {
        return handler;
    }

    /**
     * Sets the custom handler.
     *
     * @param handler the handler, or {@code null} for the default one
     */
    void setHandler(ExceptionHandler handler) {
        this.handler = handler;
    }

    /**
     * Calls the custom handler, or else the loop's default one (which a subclass may override); what either throws is
     * reported or logged, never thrown, unless it is fatal.
     *
     * @param context the report
     */
    void call(ExceptionContext context) {
        ExceptionHandler h = handler;
        if (h == null) {
            try {
                loop.defaultExceptionHandler(context);
            } catch (Throwable t) {
                FatalErrors.rethrowIfFatal(t);
                BaseEventLoop.LOGGER.error("Exception in default exception handler", t);
            }
            return;
        }
        try {
            h.handle(loop, context);
        } catch (Throwable t) {
            FatalErrors.rethrowIfFatal(t);
            try {
                loop.defaultExceptionHandler(ExceptionContext.builder("Unhandled error in exception handler")
                        .exception(t).put(ExceptionContext.CONTEXT, context).build());
            } catch (Throwable t2) {
                FatalErrors.rethrowIfFatal(t2);
                BaseEventLoop.LOGGER.error("Exception in default exception handler while handling an unexpected "
                        + "error in custom exception handler", t2);
            }
        }
    }

    /**
     * The default handler: logs the report unless it repeats a kind inside its window, and then, on the loop's thread
     * of an open loop, makes sure the timer that logs the summaries is due.
     *
     * @param context the report
     */
    void logDefault(ExceptionContext context) {
        if (repeats.admit(context, ticker.nanoTime())) {
            log(context);
        } else if (repeatsTimer == null && loop.runsOnCurrentThread() && !loop.isClosed()) {
            scheduleRepeatsTimer(repeats.nextDeadline());
        }
    }

    /** Forgets the summaries' timer (the heap was cleared) and logs every summary still due; the loop is closing. */
    void loopClosed() {
        repeatsTimer = null;
        repeats.flushAll(ticker.nanoTime());
    }

    /**
     * Logs the summaries of the default handler's ended windows at the first one's end; loop thread only. The loop's
     * own timer: interceptors are not told it was scheduled.
     */
    private void scheduleRepeatsTimer(long deadline) {
        if (deadline != Long.MAX_VALUE) {
            repeatsTimer = timers.schedule(deadline, this::flushRepeats, loop);
        }
    }

    private void flushRepeats() {
        repeatsTimer = null;
        scheduleRepeatsTimer(repeats.flushExpired(ticker.nanoTime()));
    }

    /** Logs the message, the other keys and the exception to the {@code asyncio} logger at ERROR. */
    static void log(ExceptionContext context) {
        String message = context.message();
        if (message == null || message.isEmpty()) {
            message = DEFAULT_MESSAGE;
        }
        StringBuilder log = new StringBuilder(message);
        context.asMap().forEach((key, value) -> {
            if (value instanceof StackTraceElement[] frames) {
                // asyncio's default handler prints a traceback value as "Object created at ...": frames follow.
                log.append('\n').append(key).append(": Object created at (most recent call first):");
                for (StackTraceElement f : frames) {
                    log.append("\n\tat ").append(f);
                }
            } else if (!key.equals(ExceptionContext.MESSAGE) && !key.equals(ExceptionContext.EXCEPTION)) {
                log.append('\n').append(key).append(": ").append(value);
            }
        });
        Throwable exception = context.exception();
        if (exception != null) {
            BaseEventLoop.LOGGER.error(log.toString(), exception);
        } else {
            BaseEventLoop.LOGGER.error(log.toString());
        }
    }
}
