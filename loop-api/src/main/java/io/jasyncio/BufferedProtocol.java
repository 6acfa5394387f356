/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.ByteBuffer;

/**
 * A stream protocol that receives into its own buffer: the transport asks for a buffer, fills it, and says how much
 * it wrote. {@code connectionMade -> (getBuffer -> bufferUpdated)* -> eofReceived? -> connectionLost}.
 *
 * @asyncio asyncio.BufferedProtocol
 */
public interface BufferedProtocol extends BaseProtocol {

    /**
     * Called to get a buffer to receive into.
     *
     * @param sizeHint the recommended minimum size, or -1 for any
     * @return a buffer with room (position to limit); must not be empty
     * @asyncio BufferedProtocol.get_buffer(sizehint)
     */
    ByteBuffer getBuffer(int sizeHint);

    /**
     * Called when the buffer was filled: {@code nbytes} bytes were written at its position, which has moved past them.
     *
     * @param nbytes how many bytes
     * @asyncio BufferedProtocol.buffer_updated(nbytes)
     */
    void bufferUpdated(int nbytes);

    /**
     * Called when the other end signals it won't send any more data.
     *
     * @return {@code true} to keep the connection half-open
     * @asyncio BufferedProtocol.eof_received()
     */
    default boolean eofReceived() {
        return false;
    }
}
