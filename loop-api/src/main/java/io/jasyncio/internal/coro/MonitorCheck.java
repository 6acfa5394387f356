/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal.coro;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * Refuses an await while the thread holds a monitor. On JDK 24+ a continuation can suspend inside a
 * {@code synchronized} block, and the monitor then stays with the loop thread: other tasks would enter it as if it
 * were free. The check asks the JVM for the thread's locked monitors (microseconds), so it runs in debug mode; on
 * JDK 21 the continuation itself refuses to suspend ("Pinned: MONITOR"), which the fast path reports the same way.
 */
public final class MonitorCheck {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The message of the error. */
    public static final String MESSAGE = "await while holding a monitor (a synchronized block or method): the task "
            + "cannot suspend there. Release the monitor before awaiting, or use io.jasyncio.Lock or "
            + "java.util.concurrent.locks.ReentrantLock instead";

    private MonitorCheck() {
    }

    /**
     * Throws if the calling platform thread holds a monitor.
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
}
