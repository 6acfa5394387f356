/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * Base class for transports: what every transport can do, whatever it carries. Loop thread only.
 *
 * @asyncio asyncio.BaseTransport
 * Differences: {@code get_protocol}/{@code set_protocol} are on {@link Transport} and {@link DatagramTransport}, typed
 * by the protocol each takes ({@link BaseProtocol} or {@link DatagramProtocol}, which are not related in Java).
 */
public interface BaseTransport {

    /**
     * Closes the transport. Buffered data will be flushed asynchronously; no more data will be received. After all
     * buffered data is flushed, the protocol's {@code connectionLost} is called with {@code null}. Idempotent.
     *
     * @asyncio BaseTransport.close()
     */
    void close();

    /**
     * Returns {@code true} if the transport is closing or closed.
     *
     * @return {@code true} after {@code close()} or {@code abort()}, or once the connection is lost
     * @asyncio BaseTransport.is_closing()
     */
    boolean isClosing();

    /**
     * Gets optional transport information: {@code peername} and {@code sockname} (socket addresses), {@code socket}
     * (the Netty channel), and with TLS {@code sslcontext}, {@code ssl_object} (the {@code SSLEngine}),
     * {@code peercert}, {@code cipher}.
     *
     * @param name the key
     * @return the value, or {@code null} when there is none
     * @asyncio BaseTransport.get_extra_info(name, default=None)
     */
    Object getExtraInfo(String name);
}
