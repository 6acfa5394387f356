/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal.coro;

import io.jasyncio.internal.SystemProperties;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Refuses an await while the thread holds a monitor, and says when the check runs.
 *
 * <p>What each JDK does with a continuation that suspends inside a {@code synchronized} block, checked on JDK 25:
 * <ul>
 * <li>JDK 21 to 23: the suspension fails ("Pinned: MONITOR"), which {@link ContinuationFibers} reports with
 *     {@link #MESSAGE}. Always on, free.</li>
 * <li>JDK 24+ (JEP 491): the suspension succeeds and the monitor travels with the frozen task. A thin lock then has
 *     no running owner, and the next code on the loop that enters the monitor blocks the loop thread for ever; an
 *     inflated one stays with the loop thread, and other tasks enter it as if it were free. Neither the yield's
 *     result, {@code onPinned} nor {@code Continuation.isPinned} tells (the latter answers true with no monitor held:
 *     its frame walk meets a native frame first).</li>
 * </ul>
 * The only reliable question the JDK answers is the thread's locked monitors ({@link ThreadMXBean}, 40 to 120 µs, a
 * safepoint and 5 KB of garbage on the build machine, hundreds of times an await). So:
 * <ul>
 * <li>With {@code -Djasyncio.coroutines.monitorCheck=always}, every await is checked.</li>
 * <li>In debug mode (the default, {@code debug}), awaits are checked on a budget, so that debug mode can stay on: a
 *     loop checks every await while its checks have taken less than {@value Budget#SHARE_PERCENT}% of the time since
 *     it was made, with a first allowance of {@value Budget#BURST_MILLIS} ms (a fresh loop checks its first hundred
 *     or so awaits, a test's every one); a busy loop then checks about one await in every few milliseconds. An await
 *     inside a {@code synchronized} block that runs often is caught within seconds; one that runs rarely may be
 *     missed, and {@link MonitorWatch} still reports the hang it causes.</li>
 * <li>Outside debug mode, only {@link MonitorWatch}.</li>
 * </ul>
 * Virtual threads have no such query ({@code getThreadInfo} answers null for them): the fallback path reports a task
 * that stays blocked on a monitor while the loop waits for it.
 */
public final class MonitorCheck {
    /** The message of the error. */
    public static final String MESSAGE = "await while holding a monitor (a synchronized block or method): the task "
            + "cannot suspend there. Release the monitor before awaiting, or use io.jasyncio.Lock or "
            + "java.util.concurrent.locks.ReentrantLock instead";

    /** When the check runs: {@code jasyncio.coroutines.monitorCheck}, read once. */
    public enum Mode {
        /** Before the awaits of a loop in debug mode, on a budget of the loop's time (the default). */
        DEBUG,
        /** Before every await. */
        ALWAYS,
        /** Never; the hang reports stay on. */
        OFF
    }

    /** The mode in use. */
    public static final Mode MODE = mode(SystemProperties.MONITOR_CHECK);

    /** Whether this JDK lets a continuation suspend with a monitor held (JEP 491, JDK 24). */
    static final boolean SUSPENDS_WITH_MONITORS = Runtime.version().feature() >= 24;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MonitorCheck() {
    }

    /**
     * Whether an await of a loop may check for held monitors.
     *
     * @param debug the loop's debug mode
     * @return {@code true} if the check runs always, or on a budget
     */
    public static boolean enabled(boolean debug) {
        return MODE == Mode.ALWAYS || (MODE == Mode.DEBUG && debug);
    }

    /**
     * Checks an await of a task on the loop's thread, as the mode says: every await with {@code always}; in debug mode,
     * while the loop's {@link Budget} allows.
     *
     * @param debug the loop's debug mode
     * @param budget the loop's budget
     * @throws IllegalStateException naming the monitor held
     */
    public static void beforeAwait(boolean debug, Budget budget) {
        if (MODE == Mode.ALWAYS) {
            assertNoMonitorHeld();
        } else if (MODE == Mode.DEBUG && debug && budget.admit()) {
            long t0 = System.nanoTime();
            try {
                assertNoMonitorHeld();
            } finally {
                budget.spent(System.nanoTime() - t0);
            }
        }
    }

    /**
     * How much of a loop's time the monitor checks of debug mode may take: a token bucket refilled with
     * {@value #SHARE_PERCENT}% of the elapsed time, holding at most {@value #BURST_MILLIS} ms, full when the loop is
     * made. It measures the checks' own cost on the JVM's clock, not on the loop's ticker: a {@code MockTicker} that
     * stands still must not stop the checks.
     *
     * <p>Threading: loop thread only.
     */
    public static final class Budget {
        /** The share of the loop's time that checks may take, in percent. */
        public static final int SHARE_PERCENT = 1;
        /** The most that checks may take in a burst, and the first allowance, in milliseconds. */
        public static final int BURST_MILLIS = 10;
        private static final long BURST_NANOS = BURST_MILLIS * 1_000_000L;

        private long credit = BURST_NANOS;
        private long refilledAt = System.nanoTime();

        /** Creates a full budget; each loop has one. */
        public Budget() {
        }

        /** Refills for the time elapsed; {@code true} if a check may run now. */
        boolean admit() {
            long now = System.nanoTime();
            long c = credit + (now - refilledAt) * SHARE_PERCENT / 100;
            refilledAt = now;
            credit = Math.min(c, BURST_NANOS);
            return credit > 0;
        }

        /** Takes a check's cost. */
        void spent(long nanos) {
            credit -= nanos;
        }
    }

    /**
     * Throws if the calling platform thread holds a monitor; answers nothing on a virtual thread.
     *
     * @throws IllegalStateException naming the monitor
     */
    public static void assertNoMonitorHeld() {
        Thread current = Thread.currentThread();
        if (current.isVirtual() || !THREADS.isObjectMonitorUsageSupported()) {
            return;
        }
        ThreadInfo[] infos = THREADS.getThreadInfo(new long[] {current.threadId()}, true, false);
        if (infos.length == 1 && infos[0] != null) {
            MonitorInfo[] monitors = infos[0].getLockedMonitors();
            if (monitors.length > 0) {
                throw new IllegalStateException(MESSAGE + " (held: " + monitors[0] + " at "
                        + monitors[0].getLockedStackFrame() + ")");
            }
        }
    }

    /**
     * The owner of the monitor that a thread is blocked on.
     *
     * @param thread a platform thread, seen {@link Thread.State#BLOCKED}
     * @return the owner's id, {@code -1} when no platform thread owns it (a frozen task or a virtual thread does),
     *     or {@code -2} when the thread has ended
     */
    static long blockingMonitorOwner(Thread thread) {
        ThreadInfo info = THREADS.getThreadInfo(thread.threadId());
        return info == null ? -2 : info.getLockOwnerId();
    }

    private static Mode mode(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            io.jasyncio.internal.BaseEventLoop.LOGGER.warn(
                    "jasyncio.coroutines.monitorCheck={}: not one of debug, always, off; using debug", value);
            return Mode.DEBUG;
        }
    }
}
