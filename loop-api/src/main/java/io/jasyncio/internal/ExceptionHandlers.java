/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.ExceptionHandler;

/**
 * asyncio's {@code call_exception_handler} and {@code default_exception_handler}: the custom handler if any, else the
 * loop's default one; a handler that throws is reported to the default handler, and a default handler that throws is
 * logged. Nothing ever escapes to the caller.
 */
final class ExceptionHandlers {

    /** The message logged for a report without one. */
    static final String DEFAULT_MESSAGE = "Unhandled exception in event loop";

    private ExceptionHandlers() {
    }

    static void call(EventLoop loop, ExceptionHandler handler, ExceptionContext context) {
        if (handler == null) {
            try {
                loop.defaultExceptionHandler(context);
            } catch (Throwable t) {
                BaseEventLoop.rethrowIfFatal(t);
                BaseEventLoop.LOGGER.error("Exception in default exception handler", t);
            }
            return;
        }
        try {
            handler.handle(loop, context);
        } catch (Throwable t) {
            BaseEventLoop.rethrowIfFatal(t);
            try {
                loop.defaultExceptionHandler(ExceptionContext.builder("Unhandled error in exception handler")
                        .exception(t).put(ExceptionContext.CONTEXT, context).build());
            } catch (Throwable t2) {
                BaseEventLoop.rethrowIfFatal(t2);
                BaseEventLoop.LOGGER.error("Exception in default exception handler while handling an unexpected "
                        + "error in custom exception handler", t2);
            }
        }
    }

    /** Logs the message, the other keys and the exception to the {@code asyncio} logger at ERROR. */
    static void logDefault(ExceptionContext context) {
        String message = context.message();
        if (message == null || message.isEmpty()) {
            message = DEFAULT_MESSAGE;
        }
        StringBuilder log = new StringBuilder(message);
        context.asMap().forEach((key, value) -> {
            if (value instanceof StackTraceElement[] frames) {
                // asyncio's default handler prints a traceback value as "Object created at ...": frames follow.
                log.append('\n').append(key).append(": Object created at (most recent call first):");
                for (StackTraceElement f : frames) {
                    log.append("\n\tat ").append(f);
                }
            } else if (!key.equals(ExceptionContext.MESSAGE) && !key.equals(ExceptionContext.EXCEPTION)) {
                log.append('\n').append(key).append(": ").append(value);
            }
        });
        Throwable exception = context.exception();
        if (exception != null) {
            BaseEventLoop.LOGGER.error(log.toString(), exception);
        } else {
            BaseEventLoop.LOGGER.error(log.toString());
        }
    }
}
