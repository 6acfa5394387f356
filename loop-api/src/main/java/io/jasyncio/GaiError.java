/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * A host name that does not resolve: {@code getaddrinfo} failed, for example
 * {@code [Errno -2] Name or service not known}. The error number is {@code getaddrinfo}'s ({@link Errno#EAI_NONAME},
 * {@link Errno#EAI_AGAIN}, ...), negative.
 *
 * @asyncio socket.gaierror
 */
public class GaiError extends OSError {
    private static final long serialVersionUID = 1L;

    /**
     * An error with an error number: the message is {@code [Errno N] strerror} (just {@code strerror} for 0).
     *
     * @param errno the error number ({@link Errno}), or 0 when unknown
     * @param strerror the error's text
     * @param cause the exception underneath, or {@code null}
     * @asyncio socket.gaierror(errno, strerror)
     */
    public GaiError(int errno, String strerror, Throwable cause) {
        super(errno, strerror, cause);
    }

    /**
     * An error with a message only: no error number, no {@code strerror}.
     *
     * @param message the message
     * @param cause the exception underneath, or {@code null}
     * @asyncio socket.gaierror(message)
     */
    public GaiError(String message, Throwable cause) {
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
    public GaiError(int errno, String strerror, String message, Throwable cause) {
        super(errno, strerror, message, cause);
    }
}
