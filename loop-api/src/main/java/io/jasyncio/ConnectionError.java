/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * A connection failed: the base of the refused, reset, aborted and broken-pipe errors.
 *
 * @asyncio ConnectionError
 */
public class ConnectionError extends OSError {
    private static final long serialVersionUID = 1L;

    /**
     * An error with an error number: the message is {@code [Errno N] strerror} (just {@code strerror} for 0).
     *
     * @param errno the error number ({@link Errno}), or 0 when unknown
     * @param strerror the error's text
     * @param cause the exception underneath, or {@code null}
     * @asyncio ConnectionError(errno, strerror)
     */
    public ConnectionError(int errno, String strerror, Throwable cause) {
        super(errno, strerror, cause);
    }

    /**
     * An error with a message only: no error number, no {@code strerror}.
     *
     * @param message the message
     * @param cause the exception underneath, or {@code null}
     * @asyncio ConnectionError(message)
     */
    public ConnectionError(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An error with each part given.
     *
     * @param errno the error number ({@link Errno}), or 0 when unknown
     * @param strerror the error's text, or {@code null}
     * @param message the message ({@code str(exc)})
     * @param cause the exception underneath, or {@code null}
     */
    public ConnectionError(int errno, String strerror, String message, Throwable cause) {
        super(errno, strerror, message, cause);
    }
}
