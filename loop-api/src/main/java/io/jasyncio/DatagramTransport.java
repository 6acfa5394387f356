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
public interface DatagramTransport extends BaseTransport {

    /**
     * Sends a datagram (copied).
     *
     * @param data the bytes
     * @param addr the destination, or {@code null} for the remote address the endpoint was connected to
     * @asyncio DatagramTransport.sendto(data, addr=None)
     */
    void sendto(ByteBuffer data, SocketAddress addr);

    /**
     * Closes the endpoint at once.
     *
     * @asyncio DatagramTransport.abort()
     */
    void abort();

    /**
     * Returns the current protocol.
     *
     * @return the protocol
     * @asyncio BaseTransport.get_protocol()
     */
    DatagramProtocol getProtocol();

    /**
     * Sets a new protocol: the next callbacks go to it.
     *
     * @param protocol the new protocol
     * @asyncio BaseTransport.set_protocol(protocol)
     */
    void setProtocol(DatagramProtocol protocol);
}
