/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal;

import io.jasyncio.ExceptionContext;
import io.jasyncio.internal.BaseEventLoop;

/**
 * Reports a failure of a protocol callback, or of a transport, to the loop's exception handler with asyncio's keys:
 * {@code message}, {@code exception}, {@code transport}, {@code protocol}.
 */
public final class ProtocolFailures {

    private ProtocolFailures() {
    }

    /**
     * Reports one failure; rethrows the JVM's fatal errors instead.
     *
     * @param loop the loop
     * @param message asyncio's message, for example "Fatal error: protocol.data_received() call failed."
     * @param error the failure
     * @param transport the transport
     * @param protocol the protocol
     */
    public static void report(BaseEventLoop loop, String message, Throwable error, Object transport,
            Object protocol) {
        BaseEventLoop.rethrowIfFatal(error);
        loop.callExceptionHandler(ExceptionContext.builder(message).exception(error)
                .put(ExceptionContext.TRANSPORT, transport).put(ExceptionContext.PROTOCOL, protocol).build());
    }
}
