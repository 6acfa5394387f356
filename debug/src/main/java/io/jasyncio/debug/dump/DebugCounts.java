/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.dump;

import io.jasyncio.EventLoop;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the debug tools saw of a loop, counted for the JMX bean: slow callbacks (debug mode's check) and stalls (the
 * watchdog). Per loop, held weakly; counted when a tool reports, which is rare, so a synchronized lookup is fine.
 */
public final class DebugCounts {
    private static final int SLOW_CALLBACKS = 0;
    private static final int STALLS = 1;
    private static final Map<EventLoop, AtomicLongArray> COUNTS = Collections.synchronizedMap(new WeakHashMap<>());

    private DebugCounts() {
    }

    private static AtomicLongArray of(EventLoop loop) {
        return COUNTS.computeIfAbsent(loop, l -> new AtomicLongArray(2));
    }

    /**
     * Debug mode logged a slow callback of the loop.
     *
     * @param loop the loop
     */
    public static void slowCallback(EventLoop loop) {
        of(loop).incrementAndGet(SLOW_CALLBACKS);
    }

    /**
     * A watchdog reported a stall of the loop.
     *
     * @param loop the loop
     */
    public static void stall(EventLoop loop) {
        of(loop).incrementAndGet(STALLS);
    }

    /**
     * The slow callbacks logged so far.
     *
     * @param loop the loop
     * @return the count
     */
    public static long slowCallbacks(EventLoop loop) {
        AtomicLongArray a = COUNTS.get(loop);
        return a == null ? 0 : a.get(SLOW_CALLBACKS);
    }

    /**
     * The stalls reported so far.
     *
     * @param loop the loop
     * @return the count
     */
    public static long stalls(EventLoop loop) {
        AtomicLongArray a = COUNTS.get(loop);
        return a == null ? 0 : a.get(STALLS);
    }
}
