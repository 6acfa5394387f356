/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayDeque;

/**
 * A {@link Queue} that returns the most recently added item first.
 *
 * @param <T> the item type
 * @asyncio asyncio.LifoQueue
 */
public final class LifoQueue<T> extends Queue<T> {
    private final ArrayDeque<T> stack = new ArrayDeque<>();

    /** An unbounded LIFO queue. */
    public LifoQueue() {
        super(0);
    }

    /**
     * A bounded LIFO queue.
     *
     * @param maxsize the bound, 0 or less for none
     */
    public LifoQueue(int maxsize) {
        super(maxsize);
    }

    @Override
    protected void putItem(T item) {
        stack.push(item);
    }

    @Override
    protected T getItem() {
        return stack.pop();
    }

    @Override
    public int qsize() {
        return stack.size();
    }
}
