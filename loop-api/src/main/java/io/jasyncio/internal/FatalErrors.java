/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.internal.coro.TaskAbandoned;

/**
 * Which throwables are fatal to the loop, asyncio's {@code (SystemExit, KeyboardInterrupt)}: every {@link Error} except
 * {@link StackOverflowError}, which is the failing code's own fault (asyncio's {@code RecursionError} is an ordinary
 * exception), and the unwinding of a task abandoned by its closing loop ({@link TaskAbandoned}). A fatal error is never
 * reported to the exception handler: it propagates out of {@code runForever} and {@code runUntilComplete}; see the
 * package documentation of {@code io.jasyncio}, "Fatal errors". A loop lets one out of its I/O poll with
 * {@link BaseEventLoop#raiseFatal(Error)}.
 *
 * <p>These run when something has already gone wrong, perhaps with every descriptor in use: a class loaded then for
 * the first time could fail with {@link NoClassDefFoundError}, itself fatal. So this class loads what it tests for as
 * it is loaded, and {@link BaseEventLoop} loads this class as it is loaded.
 */
public final class FatalErrors {
    static {
        if (TaskAbandoned.class.getName().isEmpty()) {
            throw new ExceptionInInitializerError("unreachable: the class literal above is what loads it");
        }
    }

    private FatalErrors() {
    }

    /**
     * Whether a throwable is fatal to the loop; see the class comment.
     *
     * @param t a caught throwable, may be {@code null}
     * @return {@code true} if the loop must let it out
     */
    public static boolean isFatal(Throwable t) {
        return t instanceof Error && !(t instanceof StackOverflowError) && !(t instanceof TaskAbandoned);
    }

    /**
     * Rethrows a fatal error (see {@link #isFatal(Throwable)}) instead of reporting it. asyncio's analogue is
     * re-raising SystemExit and KeyboardInterrupt.
     *
     * @param t a caught throwable
     */
    public static void rethrowIfFatal(Throwable t) {
        if (isFatal(t)) {
            throw (Error) t;
        }
    }
}
