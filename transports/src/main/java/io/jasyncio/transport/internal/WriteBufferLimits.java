/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal;

/**
 * A write buffer's marks, as asyncio's {@code _set_write_buffer_limits} derives them for every transport that has
 * them (TCP and Unix sockets, UDP, write pipes): a missing mark comes from the other, and both are checked.
 *
 * @param high over it, {@code pauseWriting}
 * @param low at or under it, {@code resumeWriting}
 */
public record WriteBufferLimits(int high, int low) {
    /** asyncio's default high mark, 64 KiB; the default low mark is a quarter of it. */
    public static final int DEFAULT_HIGH = 64 * 1024;

    /**
     * The marks for a {@code set_write_buffer_limits(high, low)} call.
     *
     * @param high the high mark, or a negative number for 4 times {@code low} (64 KiB if both are negative)
     * @param low the low mark, or a negative number for a quarter of the high mark
     * @return the marks
     * @throws IllegalArgumentException "high (h) must be >= low (l) must be >= 0", asyncio's message
     */
    public static WriteBufferLimits of(int high, int low) {
        int h = high < 0 ? (low < 0 ? DEFAULT_HIGH : 4 * low) : high;
        int l = low < 0 ? h / 4 : low;
        if (!(h >= l && l >= 0)) {
            throw new IllegalArgumentException("high (" + h + ") must be >= low (" + l + ") must be >= 0");
        }
        return new WriteBufferLimits(h, l);
    }
}
