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
 * The writing side of a stream connection: {@link #write} buffers at once, {@link #drain()} suspends the current
 * task while the transport's write buffer is over its high-water mark. Loop thread only.
 *
 * @asyncio asyncio.StreamWriter
 */
public final class StreamWriter {
    private final Transport transport;
    private final StreamReaderProtocol protocol;
    private final StreamReader reader;
    private final EventLoop loop;

    StreamWriter(Transport transport, StreamReaderProtocol protocol, StreamReader reader, EventLoop loop) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
        this.loop = loop;
    }

    /**
     * The transport.
     *
     * @return the transport
     * @asyncio StreamWriter.transport
     */
    public Transport transport() {
        return transport;
    }

    /**
     * Writes bytes (copied); call {@link #drain()} after.
     *
     * @param data the bytes
     * @asyncio StreamWriter.write(data)
     */
    public void write(byte[] data) {
        transport.write(data);
    }

    /**
     * Writes bytes (copied).
     *
     * @param data the bytes
     * @asyncio StreamWriter.write(data)
     */
    public void write(ByteBuffer data) {
        transport.write(data);
    }

    /**
     * Writes several buffers.
     *
     * @param data the buffers
     * @asyncio StreamWriter.writelines(data)
     */
    public void writelines(List<ByteBuffer> data) {
        transport.writelines(data);
    }

    /**
     * Waits until it is appropriate to write more: returns at once unless writing is paused.
     *
     * @throws IllegalStateException if the connection was lost (with the cause), or the reader's exception
     * @asyncio await StreamWriter.drain()
     */
    public void drain() {
        Throwable exc = reader.exception();
        if (exc != null) {
            throw Asyncio.<RuntimeException>sneaky(exc);
        }
        if (transport.isClosing()) {
            // Yield so that connectionLost can run, as asyncio does, then report it.
            Asyncio.sleep(0);
        }
        protocol.drainHelper();
    }

    /**
     * Whether {@link #writeEof()} is supported.
     *
     * @return {@code true} for TCP
     * @asyncio StreamWriter.can_write_eof()
     */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /**
     * Closes the write end after flushing.
     *
     * @asyncio StreamWriter.write_eof()
     */
    public void writeEof() {
        transport.writeEof();
    }

    /**
     * Closes the stream (flushing); {@link #waitClosed()} waits for the end.
     *
     * @asyncio StreamWriter.close()
     */
    public void close() {
        transport.close();
    }

    /**
     * Whether the stream is closing or closed.
     *
     * @return the transport's state
     * @asyncio StreamWriter.is_closing()
     */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * Suspends the current task until the connection is closed.
     *
     * @asyncio await StreamWriter.wait_closed()
     */
    public void waitClosed() {
        Asyncio.await(protocol.closedFuture());
    }

    /**
     * Information about the connection, as {@link Transport#getExtraInfo}.
     *
     * @param name the key
     * @return the value or {@code null}
     * @asyncio StreamWriter.get_extra_info(name)
     */
    public Object getExtraInfo(String name) {
        return transport.getExtraInfo(name);
    }

    /**
     * The loop.
     *
     * @return the loop
     */
    public EventLoop getLoop() {
        return loop;
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + " reader=" + reader + ">";
    }
}
