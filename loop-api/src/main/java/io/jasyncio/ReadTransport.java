/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * Interface for read-only transports. Loop thread only.
 *
 * @asyncio asyncio.ReadTransport
 */
public interface ReadTransport extends BaseTransport {

    /**
     * Returns {@code true} if the transport is receiving.
     *
     * @return {@code false} while paused, closing or closed
     * @asyncio ReadTransport.is_reading()
     */
    boolean isReading();

    /**
     * Pauses the receiving end: no data will be passed to the protocol's {@code dataReceived} until
     * {@link #resumeReading()} is called, including data already read from the socket. Does nothing when already
     * paused or closing.
     *
     * @asyncio ReadTransport.pause_reading()
     */
    void pauseReading();

    /**
     * Resumes the receiving end: data held back while paused is delivered first, in order. Does nothing when not
     * paused or closing.
     *
     * @asyncio ReadTransport.resume_reading()
     */
    void resumeReading();
}
