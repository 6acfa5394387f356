/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.Comparator;

/**
 * A {@link Queue} that returns the smallest item first (natural order, or a comparator).
 *
 * @param <T> the item type
 * @asyncio asyncio.PriorityQueue
 */
public final class PriorityQueue<T> extends Queue<T> {
    private final java.util.PriorityQueue<T> heap;

    /** An unbounded queue in natural order. */
    public PriorityQueue() {
        this(0, null);
    }

    /**
     * A bounded queue.
     *
     * @param maxsize the bound, 0 or less for none
     * @param comparator the order, or {@code null} for natural order
     */
    public PriorityQueue(int maxsize, Comparator<? super T> comparator) {
        super(maxsize);
        this.heap = new java.util.PriorityQueue<>(comparator);
    }

    @Override
    protected void putItem(T item) {
        heap.add(item);
    }

    @Override
    protected T getItem() {
        return heap.poll();
    }

    @Override
    public int qsize() {
        return heap.size();
    }
}
