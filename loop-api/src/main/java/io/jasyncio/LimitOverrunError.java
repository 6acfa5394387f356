/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * The buffer limit was reached while looking for a separator.
 *
 * @asyncio asyncio.LimitOverrunError
 */
public class LimitOverrunError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int consumed;

    /**
     * Creates the error.
     *
     * @param message the message
     * @param consumed how many bytes are to be consumed
     */
    public LimitOverrunError(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /**
     * How many bytes are to be consumed.
     *
     * @return the count
     * @asyncio LimitOverrunError.consumed
     */
    public int consumed() {
        return consumed;
    }
}
