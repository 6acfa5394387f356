/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Interface for write-only transports. Loop thread only.
 *
 * <p>Flow control: when the write buffer goes over the high-water mark (64 KiB by default) the protocol's
 * {@code pauseWriting()} is called inside the {@code write()} that crossed it, and {@code resumeWriting()} once it
 * drains to the low-water mark (16 KiB by default).
 *
 * @asyncio asyncio.WriteTransport
 */
public interface WriteTransport extends BaseTransport {

    /**
     * Writes some data bytes to the transport. This does not block; it buffers the data and arranges for it to be
     * sent out asynchronously. The bytes are copied: the caller keeps its buffer.
     *
     * @param data the bytes, from position to limit; the buffer's position is not moved
     * @throws IllegalStateException "Cannot call write() after write_eof()"
     * @asyncio WriteTransport.write(data)
     * Differences: after the connection is lost or {@code close()} was called, the data is dropped (asyncio still
     * buffers it while a close waits for the buffer to drain); from the fifth such write on, each logs asyncio's
     * warning "socket.send() raised exception.".
     */
    void write(ByteBuffer data);

    /**
     * Writes some data bytes to the transport.
     *
     * @param data the bytes, copied
     * @asyncio WriteTransport.write(data)
     */
    default void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /**
     * Writes a list of data buffers to the transport.
     *
     * @param data the buffers, each from position to limit
     * @asyncio WriteTransport.writelines(list_of_data)
     */
    default void writelines(List<ByteBuffer> data) {
        for (ByteBuffer b : data) {
            write(b);
        }
    }

    /**
     * Closes the write end after flushing buffered data. Data may still be received. Does nothing when closing or
     * when called before.
     *
     * @asyncio WriteTransport.write_eof()
     */
    void writeEof();

    /**
     * Returns {@code true} if this transport supports {@link #writeEof()}.
     *
     * @return {@code true} for TCP and Unix sockets, {@code false} with TLS
     * @asyncio WriteTransport.can_write_eof()
     */
    boolean canWriteEof();

    /**
     * Closes the transport immediately. Buffered data will be lost; no more data will be received. The protocol's
     * {@code connectionLost} is eventually called with {@code null}.
     *
     * @asyncio WriteTransport.abort()
     */
    void abort();

    /**
     * Sets the high- and low-water limits for write flow control: {@code pauseWriting} when the buffer goes over
     * {@code high}, {@code resumeWriting} when it drains to {@code low} or below.
     *
     * @param high the high mark in bytes, or -1 for the default (64 KiB, or 4 x low when low is given)
     * @param low the low mark in bytes, or -1 for the default (high / 4)
     * @throws IllegalArgumentException unless high &gt;= low &gt;= 0
     * @asyncio WriteTransport.set_write_buffer_limits(high=None, low=None)
     */
    void setWriteBufferLimits(int high, int low);

    /**
     * Returns the current size of the output buffer used by the transport.
     *
     * @return the bytes not yet handed to the socket
     * @asyncio WriteTransport.get_write_buffer_size()
     */
    long getWriteBufferSize();

    /**
     * Gets the high and low water limits for write flow control.
     *
     * @return {@code {low, high}}, asyncio's order
     * @asyncio WriteTransport.get_write_buffer_limits()
     */
    int[] getWriteBufferLimits();
}
