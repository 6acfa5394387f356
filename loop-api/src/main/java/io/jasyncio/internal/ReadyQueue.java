/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Handle;

/**
 * The loop's ready queue, asyncio's {@code _ready} deque: a growable power-of-two ring of handles. Adding and
 * polling allocate nothing once the ring has grown to the loop's working size.
 *
 * <p>Threading: loop thread only (or any single thread while the loop is not running).
 */
final class ReadyQueue {
    private static final int INITIAL_CAPACITY = 256;

    private Handle[] ring = new Handle[INITIAL_CAPACITY];
    private int head;
    private int size;

    void add(Handle handle) {
        Handle[] r = ring;
        if (size == r.length) {
            r = grow();
        }
        r[(head + size) & (r.length - 1)] = handle;
        size++;
    }

    /**
     * Removes and returns the first handle.
     *
     * @return the first handle, or {@code null} when empty
     */
    Handle poll() {
        if (size == 0) {
            return null;
        }
        Handle[] r = ring;
        int h = head;
        Handle handle = r[h];
        r[h] = null;
        head = (h + 1) & (r.length - 1);
        size--;
        return handle;
    }

    /** The ring index of the next callback: moves with every poll; read racily by diagnostics. */
    int headIndex() {
        return head;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        while (poll() != null) {
            // drop
        }
    }

    private Handle[] grow() {
        Handle[] old = ring;
        Handle[] bigger = new Handle[old.length << 1];
        for (int i = 0; i < size; i++) {
            bigger[i] = old[(head + i) & (old.length - 1)];
        }
        ring = bigger;
        head = 0;
        return bigger;
    }
}
