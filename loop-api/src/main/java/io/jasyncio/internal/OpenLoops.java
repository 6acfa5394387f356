/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.EventLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The loops of this process that are not closed, for tools that look at a running process from outside
 * ({@code ./jasyncio ps}). Held weakly: a loop dropped without {@code close()} leaves when it is collected. One
 * synchronized add when a loop is made and one remove when it closes; nothing on the loop's hot path.
 */
public final class OpenLoops {
    private static final Set<EventLoop> LOOPS = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private OpenLoops() {
    }

    static void opened(EventLoop loop) {
        LOOPS.add(loop);
    }

    static void closed(EventLoop loop) {
        LOOPS.remove(loop);
    }

    /**
     * The loops not closed, in no particular order.
     *
     * @return a new list
     */
    public static List<EventLoop> all() {
        synchronized (LOOPS) {
            return new ArrayList<>(LOOPS);
        }
    }
}
