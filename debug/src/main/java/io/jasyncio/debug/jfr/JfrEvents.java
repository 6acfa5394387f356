/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.jfr;

/**
 * Emits jasyncio's JFR events, category "jasyncio": {@code io.jasyncio.LoopStall}, {@code SlowCallback},
 * {@code SlowPoll}, {@code TaskDestroyedPending}, {@code ExceptionNeverRetrieved}, {@code ResourceNotClosed}. Every
 * method is free when nobody records: it checks that its event is enabled before it turns any argument into text.
 *
 * <p>The stall watchdog emits LoopStall, the JFR interceptor (installed on every loop while a recording runs, see
 * {@link JfrProvider}) SlowCallback and SlowPoll; the debug-mode checks call the other three where they report.
 */
public final class JfrEvents {

    private JfrEvents() {
    }

    /**
     * Whether a recording would take JFR events of this package now (a cheap test before costly arguments).
     *
     * @return {@code true} while SlowCallback events are enabled, which a recording does by default
     */
    public static boolean recording() {
        return new SlowCallbackEvent().isEnabled();
    }

    /**
     * Whether a running recording takes the events of the loops' JFR interceptor: {@code io.jasyncio.SlowCallback} or
     * {@code io.jasyncio.SlowPoll}.
     *
     * @return {@code true} if either is enabled in a running recording
     */
    static boolean loopEventsEnabled() {
        return jdk.jfr.EventType.getEventType(SlowCallbackEvent.class).isEnabled()
                || jdk.jfr.EventType.getEventType(SlowPollEvent.class).isEnabled();
    }

    /**
     * Loads the event classes (JFR instruments them then), so that the first event of a recording does not stall a
     * loop; {@link JfrProvider} calls it when a recording starts.
     */
    static void warmUp() {
        new LoopStallEvent().isEnabled();
        new SlowCallbackEvent().isEnabled();
        new SlowPollEvent().isEnabled();
        new TaskDestroyedPendingEvent().isEnabled();
        new ExceptionNeverRetrievedEvent().isEnabled();
        new ResourceNotClosedEvent().isEnabled();
    }

    /**
     * A loop stall, from the watchdog.
     *
     * @param loop the loop
     * @param running the handle or poll that ran
     * @param task the task, or {@code null}
     * @param durationNanos how long the loop was blocked
     * @param gcNanos the GC pause time during the stall
     * @param stack the stack seen most often
     */
    public static void loopStall(Object loop, Object running, Object task, long durationNanos, long gcNanos,
            String stack) {
        LoopStallEvent e = new LoopStallEvent();
        if (e.isEnabled()) {
            e.loop = String.valueOf(loop);
            e.running = String.valueOf(running);
            e.task = task == null ? null : task.toString();
            e.stallDuration = durationNanos;
            e.gcPauses = gcNanos;
            e.stack = stack;
            e.commit();
        }
    }

    /**
     * A callback slower than the loop's {@code slowCallbackDuration}.
     *
     * @param loop the loop
     * @param handle the handle
     * @param task the task whose step it ran, or {@code null}
     * @param durationNanos how long it ran
     */
    public static void slowCallback(Object loop, Object handle, Object task, long durationNanos) {
        SlowCallbackEvent e = new SlowCallbackEvent();
        if (e.isEnabled()) {
            e.loop = String.valueOf(loop);
            e.handle = String.valueOf(handle);
            e.task = task == null ? null : task.toString();
            e.callbackDuration = durationNanos;
            e.commit();
        }
    }

    /**
     * An I/O poll that returned later than its timeout by more than {@code slowCallbackDuration}.
     *
     * @param loop the loop
     * @param timeoutNanos the poll's timeout
     * @param durationNanos how long the poll (with its I/O callbacks) took
     */
    public static void slowPoll(Object loop, long timeoutNanos, long durationNanos) {
        SlowPollEvent e = new SlowPollEvent();
        if (e.isEnabled()) {
            e.loop = String.valueOf(loop);
            e.timeout = timeoutNanos;
            e.pollDuration = durationNanos;
            e.commit();
        }
    }

    /**
     * "Task was destroyed but it is pending!".
     *
     * @param task the task (its description)
     * @param createdAt where it was created, or {@code null}
     */
    public static void taskDestroyedPending(Object task, Object createdAt) {
        TaskDestroyedPendingEvent e = new TaskDestroyedPendingEvent();
        if (e.isEnabled()) {
            e.task = String.valueOf(task);
            e.createdAt = site(createdAt);
            e.commit();
        }
    }

    /**
     * "Task exception was never retrieved" / "Future exception was never retrieved".
     *
     * @param future the future or task (its description)
     * @param exception the exception
     * @param createdAt where the future was created, or {@code null}
     */
    public static void exceptionNeverRetrieved(Object future, Throwable exception, Object createdAt) {
        ExceptionNeverRetrievedEvent e = new ExceptionNeverRetrievedEvent();
        if (e.isEnabled()) {
            e.future = String.valueOf(future);
            e.exception = String.valueOf(exception);
            e.createdAt = site(createdAt);
            e.commit();
        }
    }

    /**
     * An unclosed transport, server or loop (asyncio's ResourceWarning).
     *
     * @param resource the resource (its description)
     * @param createdAt where it was created, or {@code null}
     */
    public static void resourceNotClosed(Object resource, Object createdAt) {
        ResourceNotClosedEvent e = new ResourceNotClosedEvent();
        if (e.isEnabled()) {
            e.resource = String.valueOf(resource);
            e.createdAt = site(createdAt);
            e.commit();
        }
    }

    /** A creation site as text: frames one per line, or the object's text. */
    private static String site(Object createdAt) {
        if (createdAt == null) {
            return null;
        }
        if (createdAt instanceof StackTraceElement[] frames) {
            StringBuilder sb = new StringBuilder();
            for (StackTraceElement f : frames) {
                sb.append("at ").append(f).append('\n');
            }
            return sb.toString();
        }
        return createdAt.toString();
    }
}
