/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal;

import io.jasyncio.DatagramTransport;
import io.jasyncio.ExceptionContext;
import io.jasyncio.WriteTransport;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.FatalErrors;

/**
 * Reports a failure of a protocol callback, or of a transport, to the loop's exception handler with asyncio's keys:
 * {@code message}, {@code exception}, {@code transport}, {@code protocol}. A fatal error (see
 * {@link FatalErrors#isFatal(Throwable)}) is not reported: the transport is aborted, so that its protocol does not
 * fail again on the next read, and the error leaves the loop ({@link BaseEventLoop#raiseFatal(Error)}), since the
 * protocol callbacks run inside Netty's pipeline, which would log and swallow anything thrown to it.
 */
public final class ProtocolFailures {

    private ProtocolFailures() {
    }

    /**
     * Reports one failure; for a fatal error, aborts the transport and lets the error out of the loop instead.
     *
     * @param loop the loop
     * @param message asyncio's message, for example "Fatal error: protocol.data_received() call failed."
     * @param error the failure
     * @param transport the transport
     * @param protocol the protocol
     */
    public static void report(BaseEventLoop loop, String message, Throwable error, Object transport,
            Object protocol) {
        if (FatalErrors.isFatal(error)) {
            try {
                if (transport instanceof WriteTransport t) {
                    t.abort();
                } else if (transport instanceof DatagramTransport t) {
                    t.abort();
                }
            } finally {
                loop.raiseFatal((Error) error);
            }
            return;
        }
        loop.callExceptionHandler(ExceptionContext.builder(message).exception(error)
                .put(ExceptionContext.TRANSPORT, transport).put(ExceptionContext.PROTOCOL, protocol).build());
    }
}
