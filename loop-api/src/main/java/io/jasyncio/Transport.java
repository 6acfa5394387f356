/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * Interface representing a bidirectional transport: a TCP or Unix socket connection, with or without TLS. Loop thread
 * only.
 *
 * <p>The protocol hears {@code connectionMade -> dataReceived* -> eofReceived? -> connectionLost}, and nothing after
 * {@code connectionLost}. A protocol callback that throws is reported to the loop's exception handler (with the
 * transport and the protocol) and the transport is aborted; an I/O error (a reset, a broken pipe) closes it and is
 * passed to {@code connectionLost}. A callback that throws a {@link java.lang.Error} aborts the transport too, but the
 * error is not reported: it leaves the loop (see "Fatal errors" in the package documentation).
 *
 * @asyncio asyncio.Transport (ReadTransport + WriteTransport)
 */
public interface Transport extends ReadTransport, WriteTransport {

    /**
     * Returns the current protocol.
     *
     * @return the protocol
     * @asyncio BaseTransport.get_protocol()
     */
    BaseProtocol getProtocol();

    /**
     * Sets a new protocol: the next callbacks go to it. Switching between {@link Protocol} and
     * {@link BufferedProtocol} is allowed.
     *
     * @param protocol the new protocol
     * @asyncio BaseTransport.set_protocol(protocol)
     */
    void setProtocol(BaseProtocol protocol);
}
