/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal.coro;

import io.jasyncio.internal.BaseEventLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Reports a loop thread that a task's monitor has hung, on JDK 24+ outside the {@link MonitorCheck}: a task that
 * awaited inside a {@code synchronized} block took the monitor with it, and the next code on the loop that enters it
 * blocks for ever. One daemon thread, started with the first task, samples each loop thread's state once a second (a
 * field read); a thread blocked on a monitor that no platform thread owns, twice in a row, is logged once as an error
 * with its stack. The loop cannot be saved at that point, but it does not hang silently.
 */
final class MonitorWatch implements Runnable {
    /** The sampling period. */
    static final long PERIOD_MILLIS = 1000;
    private static final ThreadLocal<Boolean> WATCHED = new ThreadLocal<>();
    // Threading: any thread (synchronized map); values are touched by the watch thread only.
    private static final Map<Thread, int[]> THREADS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Object START_LOCK = new Object();
    // Threading: START_LOCK.
    private static Thread watcher;

    private MonitorWatch() {
    }

    /** Watches the calling thread, a loop thread that runs task steps; cheap after the first call on a thread. */
    static void watchCurrentThread() {
        if (WATCHED.get() != null) {
            return;
        }
        WATCHED.set(Boolean.TRUE);
        Thread current = Thread.currentThread();
        if (current.isVirtual()) {
            return;
        }
        THREADS.put(current, new int[2]);
        synchronized (START_LOCK) {
            if (watcher == null) {
                watcher = Thread.ofPlatform().daemon().name("jasyncio-monitor-watch").unstarted(new MonitorWatch());
                watcher.start();
            }
        }
    }

    @Override
    public void run() {
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            List<Map.Entry<Thread, int[]>> entries;
            synchronized (THREADS) {
                entries = new ArrayList<>(THREADS.entrySet());
            }
            for (Map.Entry<Thread, int[]> e : entries) {
                sample(e.getKey(), e.getValue());
            }
        }
    }

    /** state[0]: consecutive samples blocked on an ownerless monitor; state[1]: 1 once reported for this episode. */
    private static void sample(Thread thread, int[] state) {
        if (thread.getState() != Thread.State.BLOCKED || MonitorCheck.blockingMonitorOwner(thread) != -1) {
            state[0] = 0;
            state[1] = 0;
            return;
        }
        if (++state[0] >= 2 && state[1] == 0) {
            state[1] = 1;
            BaseEventLoop.LOGGER.error("Event loop thread '{}' has been blocked for over {} ms entering a monitor that "
                    + "no running thread holds: a suspended task holds it, because it awaited inside a synchronized "
                    + "block, and the loop cannot run again. Await outside synchronized blocks, or use "
                    + "io.jasyncio.Lock or java.util.concurrent.locks.ReentrantLock; in debug mode (or with "
                    + "-Djasyncio.coroutines.monitorCheck=always) such an await fails where it happens. "
                    + "Blocked at:{}", thread.getName(), PERIOD_MILLIS, stack(thread.getStackTrace()));
        }
    }

    /**
     * Formats frames for a log message, one per line.
     *
     * @param frames the frames
     * @return the text
     */
    static String stack(StackTraceElement[] frames) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement f : frames) {
            sb.append("\n\tat ").append(f);
        }
        return sb.toString();
    }
}
