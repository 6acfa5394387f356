/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.watchdog;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM's accumulated GC pause time, from the collectors' MXBeans. Beans that count concurrent work rather than
 * pauses (G1's "G1 Concurrent GC", ZGC's and Shenandoah's "Cycles") are left out: their time does not stop the loop.
 */
final class GcTime {
    private static final List<GarbageCollectorMXBean> PAUSING = ManagementFactory.getGarbageCollectorMXBeans()
            .stream().filter(b -> !b.getName().contains("Concurrent") && !b.getName().contains("Cycles")).toList();

    private GcTime() {
    }

    /**
     * The GC pause time so far.
     *
     * @return nanoseconds (the beans count milliseconds)
     */
    static long pausesNanos() {
        long ms = 0;
        for (GarbageCollectorMXBean b : PAUSING) {
            long t = b.getCollectionTime();
            if (t > 0) {
                ms += t;
            }
        }
        return ms * 1_000_000L;
    }
}
