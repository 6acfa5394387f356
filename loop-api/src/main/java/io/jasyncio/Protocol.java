/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.ByteBuffer;

/**
 * A stream protocol: {@code connectionMade -> dataReceived* -> eofReceived? -> connectionLost}.
 *
 * <pre>{@code
 * class Echo implements Protocol {
 *     Transport transport;
 *     public void connectionMade(Transport t) { transport = t; }
 *     public void dataReceived(ByteBuffer data) { transport.write(data); }
 * }
 * }</pre>
 *
 * @asyncio asyncio.Protocol
 *     Differences: {@code data} is a read-only view of the loop's receive buffer, valid only during the call (zero
 *     copy); copy what you keep. {@link Transport#write} copies, so echoing it back is safe.
 */
public interface Protocol extends BaseProtocol {

    /**
     * Called when some data is received.
     *
     * @param data the bytes, valid during the call only
     * @asyncio Protocol.data_received(data)
     */
    void dataReceived(ByteBuffer data);

    /**
     * Called when the other end signals it won't send any more data.
     *
     * @return {@code true} to keep the connection half-open (the transport stays open for writing), {@code false} to
     *     close it
     * @asyncio Protocol.eof_received()
     */
    default boolean eofReceived() {
        return false;
    }
}
