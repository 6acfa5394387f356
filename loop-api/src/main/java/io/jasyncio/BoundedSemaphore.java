/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * A bounded semaphore: a {@link Semaphore} that refuses to be released above its initial value.
 *
 * @asyncio asyncio.BoundedSemaphore
 *     Differences: asyncio's ValueError on over-release is {@link IllegalStateException} (a ValueError about the
 *     object's state rather than an argument; see the package documentation).
 */
public final class BoundedSemaphore extends Semaphore {
    private final int boundValue;

    /** A bounded semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * A bounded semaphore.
     *
     * @param value the initial and maximum permits
     * @throws IllegalArgumentException "Semaphore initial value must be >= 0"
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.boundValue = value;
    }

    /**
     * Release a semaphore, as {@link Semaphore#release()} does, unless that would raise the counter above the initial
     * value.
     *
     * @throws IllegalStateException "BoundedSemaphore released too many times"
     * @asyncio BoundedSemaphore.release()
     */
    @Override
    public void release() {
        if (value >= boundValue) {
            throw new IllegalStateException("BoundedSemaphore released too many times");
        }
        super.release();
    }
}
