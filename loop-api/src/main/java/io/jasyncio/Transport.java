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
 * A bidirectional stream connection. Loop thread only.
 *
 * <p>Flow control as asyncio: when the write buffer goes over the high-water mark (64 KiB by default) the protocol's
 * {@code pauseWriting()} is called inside the {@code write()} that crossed it, and {@code resumeWriting()} when it
 * drains to the low-water mark (16 KiB). Writes after {@link #close()} are dropped, with a warning from the fifth on.
 *
 * @asyncio asyncio.Transport (ReadTransport + WriteTransport)
 */
public interface Transport {

    /**
     * Writes bytes; never blocks, buffers what the socket does not take now. The bytes are copied.
     *
     * @param data the bytes, from position to limit; the buffer's position is not moved
     * @asyncio WriteTransport.write(data)
     */
    void write(ByteBuffer data);

    /**
     * Writes bytes.
     *
     * @param data the bytes, copied
     * @asyncio WriteTransport.write(data)
     */
    default void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /**
     * Writes several buffers.
     *
     * @param data the buffers
     * @asyncio WriteTransport.writelines(list_of_data)
     */
    default void writelines(List<ByteBuffer> data) {
        for (ByteBuffer b : data) {
            write(b);
        }
    }

    /**
     * Closes the write end after flushing the buffer; the read end stays open.
     *
     * @asyncio WriteTransport.write_eof()
     */
    void writeEof();

    /**
     * Whether {@link #writeEof()} is supported.
     *
     * @return {@code true} for TCP
     * @asyncio WriteTransport.can_write_eof()
     */
    boolean canWriteEof();

    /**
     * Closes the transport: buffered data is flushed, then the connection closed, then {@code connectionLost(null)}.
     *
     * @asyncio BaseTransport.close()
     */
    void close();

    /**
     * Closes the transport at once, dropping buffered data; {@code connectionLost(null)} follows.
     *
     * @asyncio WriteTransport.abort()
     */
    void abort();

    /**
     * Whether the transport is closing or closed.
     *
     * @return {@code true} after close() or abort()
     * @asyncio BaseTransport.is_closing()
     */
    boolean isClosing();

    /**
     * Information about the connection: {@code peername}, {@code sockname} (socket addresses), {@code socket} (the
     * Netty channel).
     *
     * @param name the key
     * @return the value, or {@code null}
     * @asyncio BaseTransport.get_extra_info(name, default=None)
     */
    Object getExtraInfo(String name);

    /**
     * Stops receiving: no {@code dataReceived} until {@link #resumeReading()}, including data already read.
     *
     * @asyncio ReadTransport.pause_reading()
     */
    void pauseReading();

    /**
     * Resumes receiving.
     *
     * @asyncio ReadTransport.resume_reading()
     */
    void resumeReading();

    /**
     * Whether the transport is receiving.
     *
     * @return {@code false} while paused or closing
     * @asyncio ReadTransport.is_reading()
     */
    boolean isReading();

    /**
     * Sets the write buffer's high- and low-water marks.
     *
     * @param high the high mark in bytes, or -1 for the default (64 KiB, or 4x low)
     * @param low the low mark in bytes, or -1 for the default (high / 4)
     * @asyncio WriteTransport.set_write_buffer_limits(high=None, low=None)
     */
    void setWriteBufferLimits(int high, int low);

    /**
     * The bytes waiting in the write buffer.
     *
     * @return the size
     * @asyncio WriteTransport.get_write_buffer_size()
     */
    long getWriteBufferSize();

    /**
     * The water marks.
     *
     * @return {@code {low, high}}
     * @asyncio WriteTransport.get_write_buffer_limits()
     */
    int[] getWriteBufferLimits();

    /**
     * The protocol.
     *
     * @return the protocol
     * @asyncio BaseTransport.get_protocol()
     */
    BaseProtocol getProtocol();

    /**
     * Switches the protocol.
     *
     * @param protocol the new protocol
     * @asyncio BaseTransport.set_protocol(protocol)
     */
    void setProtocol(BaseProtocol protocol);
}
