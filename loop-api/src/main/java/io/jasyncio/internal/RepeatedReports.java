/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.ExceptionContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the default exception handler from flooding the log with one failure a client can repeat at will (a reset peer,
 * a malformed request). Reports are grouped into kinds: the same message, the same exception class, the same top frame
 * of the exception's stack and, in debug mode, the same top frame of where the object was created
 * ({@code source_traceback}), so that two pending tasks destroyed from two places are two kinds. The first report of a
 * kind is logged in full and opens a window of {@link #WINDOW_NANOS}; further reports of that kind inside the window
 * are only counted. When the window has ended, on the next report of that kind, on the loop's timer
 * ({@link #flushExpired(long)}), when the kind is evicted or when the loop closes, one line says how many were not
 * logged: {@code "<message> (<class>): repeated N more times in the last S s"}. At most {@link #MAX_KINDS} kinds are
 * tracked; the least recently reported one is evicted first.
 *
 * <p>Threading: any thread (the cleaner thread reports what the collector found while the loop is not running); the
 * table is guarded by this object's monitor, and lines are logged outside it.
 */
final class RepeatedReports {

    /** The length of a window: reports of a kind within this of its first are counted, not logged. */
    static final long WINDOW_NANOS = 10_000_000_000L;

    /** The most kinds tracked at once. */
    static final int MAX_KINDS = 64;

    /** What reports of one kind have in common. */
    private record Kind(String message, String exceptionClass, StackTraceElement topFrame,
            StackTraceElement createdAt) {
    }

    /** One kind's current window. */
    private static final class Window {
        long start;
        long suppressed;

        Window(long start) {
            this.start = start;
        }
    }

    /** In access order: the eldest entry is the least recently reported kind. */
    private final LinkedHashMap<Kind, Window> kinds = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * Counts one report and says whether to log it in full; logs the summary of the kind's ended window and of an
     * evicted kind first.
     *
     * @param context the report
     * @param now the loop's ticker
     * @return {@code true} to log the report in full, {@code false} if it was only counted
     */
    boolean admit(ExceptionContext context, long now) {
        Kind kind = kindOf(context);
        List<String> summaries = new ArrayList<>(2);
        synchronized (this) {
            Window w = kinds.get(kind);
            if (w != null && now - w.start < WINDOW_NANOS) {
                w.suppressed++;
                return false;
            }
            if (w == null) {
                kinds.put(kind, new Window(now));
                if (kinds.size() > MAX_KINDS) {
                    Iterator<Map.Entry<Kind, Window>> eldest = kinds.entrySet().iterator();
                    Map.Entry<Kind, Window> e = eldest.next();
                    summarise(e.getKey(), e.getValue(), now, summaries);
                    eldest.remove();
                }
            } else {
                summarise(kind, w, now, summaries);
                w.start = now;
            }
        }
        log(summaries);
        return true;
    }

    /**
     * Logs the summaries of the windows that have ended.
     *
     * @param now the loop's ticker
     * @return the end of the earliest window that still counts reports, or {@link Long#MAX_VALUE} if none
     */
    long flushExpired(long now) {
        List<String> summaries = new ArrayList<>();
        long next = Long.MAX_VALUE;
        synchronized (this) {
            for (Map.Entry<Kind, Window> e : kinds.entrySet()) {
                Window w = e.getValue();
                if (w.suppressed == 0) {
                    continue;
                }
                long end = Deadlines.saturatedAdd(w.start, WINDOW_NANOS);
                if (now - w.start >= WINDOW_NANOS) {
                    summarise(e.getKey(), w, now, summaries);
                } else {
                    next = Math.min(next, end);
                }
            }
        }
        log(summaries);
        return next;
    }

    /**
     * The end of the earliest window that counts reports.
     *
     * @return the deadline on the loop's ticker, or {@link Long#MAX_VALUE} if no window counts any
     */
    synchronized long nextDeadline() {
        long next = Long.MAX_VALUE;
        for (Window w : kinds.values()) {
            if (w.suppressed > 0) {
                next = Math.min(next, Deadlines.saturatedAdd(w.start, WINDOW_NANOS));
            }
        }
        return next;
    }

    /**
     * Logs every pending summary and forgets every kind: the loop closes.
     *
     * @param now the loop's ticker
     */
    void flushAll(long now) {
        List<String> summaries = new ArrayList<>();
        synchronized (this) {
            kinds.forEach((kind, w) -> summarise(kind, w, now, summaries));
            kinds.clear();
        }
        log(summaries);
    }

    private static Kind kindOf(ExceptionContext context) {
        StackTraceElement createdAt = null;
        for (Object value : context.asMap().values()) {
            if (value instanceof StackTraceElement[] frames && frames.length > 0) {
                createdAt = frames[0];
                break;
            }
        }
        Throwable exception = context.exception();
        if (exception == null) {
            return new Kind(context.message(), null, null, createdAt);
        }
        StackTraceElement[] stack = exception.getStackTrace();
        return new Kind(context.message(), exception.getClass().getName(), stack.length == 0 ? null : stack[0],
                createdAt);
    }

    /** Adds the line for a window's uncounted reports, if any, and resets its count. */
    private static void summarise(Kind kind, Window w, long now, List<String> into) {
        if (w.suppressed == 0) {
            return;
        }
        String message = kind.message() == null || kind.message().isEmpty()
                ? ExceptionHandlers.DEFAULT_MESSAGE : kind.message();
        long seconds = Math.max(1, Math.round((now - w.start) / 1e9));
        StringBuilder line = new StringBuilder(message);
        if (kind.exceptionClass() != null) {
            line.append(" (").append(kind.exceptionClass()).append(')');
        }
        line.append(": repeated ").append(w.suppressed).append(w.suppressed == 1 ? " more time" : " more times")
                .append(" in the last ").append(seconds).append(" s");
        into.add(line.toString());
        w.suppressed = 0;
    }

    private static void log(List<String> summaries) {
        for (String line : summaries) {
            BaseEventLoop.LOGGER.error(line);
        }
    }
}
