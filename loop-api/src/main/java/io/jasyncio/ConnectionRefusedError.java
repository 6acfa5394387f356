/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * The peer refused the connection ({@link Errno#ECONNREFUSED}): nothing listens there. An awaited connect to a
 * closed port fails with {@code [Errno 111] Connect call failed ('127.0.0.1', 1)}.
 *
 * @asyncio ConnectionRefusedError
 */
public class ConnectionRefusedError extends ConnectionError {
    private static final long serialVersionUID = 1L;

    /**
     * An error with an error number: the message is {@code [Errno N] strerror} (just {@code strerror} for 0).
     *
     * @param errno the error number ({@link Errno}), or 0 when unknown
     * @param strerror the error's text
     * @param cause the exception underneath, or {@code null}
     * @asyncio ConnectionRefusedError(errno, strerror)
     */
    public ConnectionRefusedError(int errno, String strerror, Throwable cause) {
        super(errno, strerror, cause);
    }

    /**
     * An error with a message only: no error number, no {@code strerror}.
     *
     * @param message the message
     * @param cause the exception underneath, or {@code null}
     * @asyncio ConnectionRefusedError(message)
     */
    public ConnectionRefusedError(String message, Throwable cause) {
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
    public ConnectionRefusedError(int errno, String strerror, String message, Throwable cause) {
        super(errno, strerror, message, cause);
    }
}
