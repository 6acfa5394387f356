/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.watchdog;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one watchdog thread of the process, a daemon started with the first watchdog. It wakes every quarter of the
 * smallest threshold (1 ms to 50 ms), reads two fields per watched loop, and parks for good while no loop is watched.
 */
final class WatchdogThread {
    private static final Logger LOGGER = LoggerFactory.getLogger("asyncio");
    private static final CopyOnWriteArrayList<LoopWatch> WATCHES = new CopyOnWriteArrayList<>();
    /** Serializes the checks: the watchdog thread's, and the last ones of a closing watchdog or a JVM exit. */
    private static final Object CHECKING = new Object();
    private static Thread thread;

    private WatchdogThread() {
    }

    static synchronized void add(LoopWatch w) {
        WATCHES.addIfAbsent(w);
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("jasyncio-watchdog").start(WatchdogThread::run);
            // A stall that ends as the program ends is still reported: the daemon thread may not get another turn.
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("jasyncio-watchdog-exit")
                    .unstarted(() -> WATCHES.forEach(WatchdogThread::finish)));
        } else {
            LockSupport.unpark(thread);
        }
    }

    static void remove(LoopWatch w) {
        WATCHES.remove(w);
    }

    /** Reports the stall in progress of a watch that stops: as ended. */
    static void finish(LoopWatch w) {
        synchronized (CHECKING) {
            try {
                w.finish(System.nanoTime());
            } catch (Throwable t) {
                LOGGER.error("The watchdog failed to report on {}", w.loop.get(), t);
            }
        }
    }

    static java.util.List<LoopWatch> watching(Object loop) {
        return WATCHES.stream().filter(w -> w.loop.get() == loop).toList();
    }

    private static void run() {
        for (;;) {
            long period = Long.MAX_VALUE;
            for (LoopWatch w : WATCHES) {
                period = Math.min(period, w.thresholdNanos / 4);
            }
            if (period == Long.MAX_VALUE) {
                LockSupport.park();
                continue;
            }
            LockSupport.parkNanos(Math.max(1_000_000L, Math.min(period, 50_000_000L)));
            synchronized (CHECKING) {
                long now = System.nanoTime();
                for (LoopWatch w : WATCHES) {
                    try {
                        if (!w.check(now)) {
                            WATCHES.remove(w);
                        }
                    } catch (Throwable t) {
                        LOGGER.error("The watchdog failed to check {}", w.loop.get(), t);
                    }
                }
            }
        }
    }
}
