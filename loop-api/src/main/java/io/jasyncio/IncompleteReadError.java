/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * The stream ended before the requested bytes were read.
 *
 * @asyncio asyncio.IncompleteReadError
 */
public class IncompleteReadError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final byte[] partial;
    private final int expected;

    /**
     * Creates the error.
     *
     * @param partial the bytes read before the end of the stream
     * @param expected how many were asked for, -1 for "until a separator"
     */
    public IncompleteReadError(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of " + (expected < 0 ? "undefined" : expected)
                + " expected bytes");
        this.partial = partial;
        this.expected = expected;
    }

    /**
     * The bytes read before the end of the stream.
     *
     * @return the bytes
     * @asyncio IncompleteReadError.partial
     */
    public byte[] partial() {
        return partial.clone();
    }

    /**
     * The number of bytes asked for.
     *
     * @return the count, -1 when reading until a separator
     * @asyncio IncompleteReadError.expected
     */
    public int expected() {
        return expected;
    }
}
