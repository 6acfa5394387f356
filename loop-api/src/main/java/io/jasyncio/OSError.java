/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A failed system call or network operation: Python's {@code OSError}, unchecked. {@link #errno()} is the Linux error
 * number ({@link Errno}), 0 when there is none; {@link #getMessage()} is Python's {@code str(exc)}, for example
 * {@code [Errno 111] Connect call failed ('127.0.0.1', 1)}.
 *
 * <p>The cause is the {@code java.net}, {@code javax.net.ssl} or Netty exception that was thrown underneath. Since
 * {@link UncheckedIOException} holds an {@link IOException}, a cause of another type (or none) is wrapped in an
 * {@code IOException} with the same message whose own cause is the original.
 *
 * <p>{@link #of(int, String, Throwable)} picks the subclass for an error number, as Python's {@code OSError(errno,
 * strerror)} constructor does: {@code ECONNREFUSED} gives a {@link ConnectionRefusedError}.
 *
 * @asyncio OSError
 */
public class OSError extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /** The error number, 0 when unknown. */
    private final int errno;
    /** The error's text, or {@code null}. */
    private final String strerror;

    /**
     * An error with an error number: the message is {@code [Errno N] strerror} (just {@code strerror} for 0).
     *
     * @param errno the error number ({@link Errno}), or 0 when unknown
     * @param strerror the error's text
     * @param cause the exception underneath, or {@code null}
     * @asyncio OSError(errno, strerror)
     */
    public OSError(int errno, String strerror, Throwable cause) {
        this(errno, strerror, format(errno, strerror), cause);
    }

    /**
     * An error with a message only: no error number, no {@code strerror}.
     *
     * @param message the message
     * @param cause the exception underneath, or {@code null}
     * @asyncio OSError(message)
     */
    public OSError(String message, Throwable cause) {
        this(0, null, message, cause);
    }

    /**
     * An error with each part given.
     *
     * @param errno the error number ({@link Errno}), or 0 when unknown
     * @param strerror the error's text, or {@code null}
     * @param message the message ({@code str(exc)})
     * @param cause the exception underneath, or {@code null}
     */
    public OSError(int errno, String strerror, String message, Throwable cause) {
        super(message, ioCause(message, cause));
        this.errno = errno;
        this.strerror = strerror;
    }

    /**
     * An error of the subclass Python picks for {@code errno}: {@link ConnectionRefusedError} for
     * {@link Errno#ECONNREFUSED}, {@link ConnectionResetError} for {@link Errno#ECONNRESET},
     * {@link ConnectionAbortedError} for {@link Errno#ECONNABORTED}, {@link BrokenPipeError} for {@link Errno#EPIPE}
     * and {@link Errno#ESHUTDOWN}, else {@code OSError}.
     *
     * @param errno the error number
     * @param strerror the error's text
     * @param cause the exception underneath, or {@code null}
     * @return the error
     * @asyncio OSError(errno, strerror)
     */
    public static OSError of(int errno, String strerror, Throwable cause) {
        return switch (errno) {
            case Errno.ECONNREFUSED -> new ConnectionRefusedError(errno, strerror, cause);
            case Errno.ECONNRESET -> new ConnectionResetError(errno, strerror, cause);
            case Errno.ECONNABORTED -> new ConnectionAbortedError(errno, strerror, cause);
            case Errno.EPIPE, Errno.ESHUTDOWN -> new BrokenPipeError(errno, strerror, cause);
            default -> new OSError(errno, strerror, cause);
        };
    }

    /**
     * The error number.
     *
     * @return a Linux error number ({@link Errno}), negative for a {@link GaiError}, 0 when unknown
     * @asyncio OSError.errno
     */
    public int errno() {
        return errno;
    }

    /**
     * The error's text, without the error number.
     *
     * @return the text, or {@code null} for an error made from a message only
     * @asyncio OSError.strerror
     */
    public String strerror() {
        return strerror;
    }

    private static String format(int errno, String strerror) {
        return errno == 0 ? strerror : "[Errno " + errno + "] " + strerror;
    }

    private static IOException ioCause(String message, Throwable cause) {
        return cause instanceof IOException io ? io : new IOException(message, cause);
    }
}
