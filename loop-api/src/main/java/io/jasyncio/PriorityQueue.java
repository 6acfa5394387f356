/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.Comparator;

/**
 * A subclass of {@link Queue} that retrieves entries in priority order, lowest first: in their natural order
 * ({@link Comparable}), or in a {@link Comparator}'s. Entries that compare equal come out in no particular order.
 *
 * <p>Threading: loop thread only, as {@link Queue}.
 *
 * @param <T> the item type
 * @asyncio asyncio.PriorityQueue
 *     Differences: asyncio compares with {@code <} (entries are often {@code (priority, data)} tuples); here the order
 *     is {@link Comparable} or a {@link Comparator}, and an item that is not {@link Comparable} under natural order
 *     makes {@code put} throw {@link ClassCastException} (asyncio's TypeError), before the item is counted.
 */
public final class PriorityQueue<T> extends Queue<T> {

    /** An unbounded queue in natural order. */
    public PriorityQueue() {
        this(0, null);
    }

    /**
     * A queue in natural order, of at most {@code maxsize} items.
     *
     * @param maxsize the bound, 0 or less for none
     * @asyncio asyncio.PriorityQueue(maxsize=0)
     */
    public PriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /**
     * An unbounded queue in the comparator's order.
     *
     * @param comparator the order, or {@code null} for natural order
     */
    public PriorityQueue(Comparator<? super T> comparator) {
        this(0, comparator);
    }

    /**
     * A queue in the comparator's order, of at most {@code maxsize} items.
     *
     * @param maxsize the bound, 0 or less for none
     * @param comparator the order, or {@code null} for natural order
     */
    public PriorityQueue(int maxsize, Comparator<? super T> comparator) {
        super(maxsize, new java.util.PriorityQueue<>(comparator));
    }
}
