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
 * A datagram (UDP) protocol: {@code connectionMade -> (datagramReceived | errorReceived)* -> connectionLost}.
 *
 * @asyncio asyncio.DatagramProtocol
 *     Differences: {@code data} is a read-only view valid during the call only; copy what you keep.
 */
public interface DatagramProtocol {

    /**
     * Called when the endpoint is ready.
     *
     * @param transport the transport
     * @asyncio BaseProtocol.connection_made(transport)
     */
    default void connectionMade(DatagramTransport transport) {
    }

    /**
     * Called when a datagram is received.
     *
     * @param data the datagram, valid during the call only
     * @param addr the sender
     * @asyncio DatagramProtocol.datagram_received(data, addr)
     */
    void datagramReceived(ByteBuffer data, SocketAddress addr);

    /**
     * Called when a send or receive operation fails (for example ICMP port unreachable on a connected endpoint).
     *
     * @param exc the error
     * @asyncio DatagramProtocol.error_received(exc)
     */
    default void errorReceived(Throwable exc) {
    }

    /**
     * Called when the endpoint is closed.
     *
     * @param exc the error, or {@code null}
     * @asyncio BaseProtocol.connection_lost(exc)
     */
    default void connectionLost(Throwable exc) {
    }

    /**
     * Called when the transport's buffer of datagrams not yet sent goes over the high-water mark, inside the
     * {@code sendto} that crossed it. The datagrams are still sent; stop sending until {@link #resumeWriting()}.
     *
     * @asyncio BaseProtocol.pause_writing()
     */
    default void pauseWriting() {
    }

    /**
     * Called when the transport's buffer of datagrams not yet sent drains to the low-water mark.
     *
     * @asyncio BaseProtocol.resume_writing()
     */
    default void resumeWriting() {
    }
}
