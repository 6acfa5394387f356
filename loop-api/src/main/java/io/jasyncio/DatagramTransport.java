/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * A datagram (UDP) endpoint. Loop thread only.
 *
 * @asyncio asyncio.DatagramTransport
 */
public interface DatagramTransport {

    /**
     * Sends a datagram (copied).
     *
     * @param data the bytes
     * @param addr the destination, or {@code null} for the remote address the endpoint was connected to
     * @asyncio DatagramTransport.sendto(data, addr=None)
     */
    void sendto(ByteBuffer data, SocketAddress addr);

    /**
     * Closes the endpoint; {@code connectionLost(null)} follows.
     *
     * @asyncio BaseTransport.close()
     */
    void close();

    /**
     * Closes the endpoint at once.
     *
     * @asyncio DatagramTransport.abort()
     */
    void abort();

    /**
     * Whether the endpoint is closing or closed.
     *
     * @return {@code true} after close()
     * @asyncio BaseTransport.is_closing()
     */
    boolean isClosing();

    /**
     * {@code sockname}, {@code peername} (when connected), {@code socket}.
     *
     * @param name the key
     * @return the value or {@code null}
     * @asyncio BaseTransport.get_extra_info(name)
     */
    Object getExtraInfo(String name);
}
