/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * Raised when {@code getNowait()} is called on an empty queue.
 *
 * @asyncio asyncio.QueueEmpty
 */
public class QueueEmpty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with no message. */
    public QueueEmpty() {
        super();
    }

    /**
     * Creates the exception with a message.
     *
     * @param message the detail message, may be {@code null}
     */
    public QueueEmpty(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and a cause.
     *
     * @param message the detail message, may be {@code null}
     * @param cause the cause, may be {@code null}
     */
    public QueueEmpty(String message, Throwable cause) {
        super(message, cause);
    }
}
