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
     * Returns the bytes of the datagrams handed to {@link #sendto} and not yet to the socket, each counted with 8
     * bytes of header as asyncio counts them; 0 once {@link #abort()} has returned.
     *
     * @return the bytes not yet sent
     * @asyncio DatagramTransport.get_write_buffer_size()
     */
    long getWriteBufferSize();

    /**
     * Sets the high- and low-water limits for write flow control: {@code pauseWriting} when the buffer goes over
     * {@code high}, {@code resumeWriting} when it drains to {@code low} or below.
     *
     * @param high the high mark in bytes, or -1 for the default (64 KiB, or 4 x low when low is given)
     * @param low the low mark in bytes, or -1 for the default (high / 4)
     * @throws IllegalArgumentException unless high &gt;= low &gt;= 0
     * @asyncio DatagramTransport.set_write_buffer_limits(high=None, low=None)
     */
    void setWriteBufferLimits(int high, int low);

    /**
     * Gets the high and low water limits for write flow control.
     *
     * @return {@code {low, high}}, asyncio's order
     * @asyncio DatagramTransport.get_write_buffer_limits()
     */
    int[] getWriteBufferLimits();

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
