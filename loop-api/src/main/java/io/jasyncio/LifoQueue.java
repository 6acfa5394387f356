/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayDeque;
import java.util.Collections;

/**
 * A subclass of {@link Queue} that retrieves the most recently added items first (last in, first out).
 *
 * <p>Threading: loop thread only, as {@link Queue}.
 *
 * @param <T> the item type
 * @asyncio asyncio.LifoQueue
 *     Differences: {@code toString()} lists the items in the order they would be taken.
 */
public final class LifoQueue<T> extends Queue<T> {

    /** An unbounded LIFO queue. */
    public LifoQueue() {
        this(0);
    }

    /**
     * A LIFO queue of at most {@code maxsize} items.
     *
     * @param maxsize the bound, 0 or less for none
     * @asyncio asyncio.LifoQueue(maxsize=0)
     */
    public LifoQueue(int maxsize) {
        super(maxsize, Collections.asLifoQueue(new ArrayDeque<>()));
    }
}
