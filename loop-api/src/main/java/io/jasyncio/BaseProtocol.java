/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * The callbacks every protocol has. Called on the loop thread, in this order:
 * {@code connectionMade -> (pauseWriting -> resumeWriting)* -> connectionLost}; nothing after connectionLost.
 * An exception thrown from a callback goes to the loop's exception handler and the transport is aborted.
 *
 * @asyncio asyncio.BaseProtocol
 */
public interface BaseProtocol {

    /**
     * Called when a connection is made.
     *
     * @param transport the transport; keep it to write and close
     * @asyncio BaseProtocol.connection_made(transport)
     */
    default void connectionMade(Transport transport) {
    }

    /**
     * Called when the connection is lost or closed.
     *
     * @param exc the error, or {@code null} for a regular EOF or close
     * @asyncio BaseProtocol.connection_lost(exc)
     */
    default void connectionLost(Throwable exc) {
    }

    /**
     * Called when the transport's write buffer goes over the high-water mark, inside the write() that crossed it.
     *
     * @asyncio BaseProtocol.pause_writing()
     */
    default void pauseWriting() {
    }

    /**
     * Called when the transport's write buffer drains to the low-water mark.
     *
     * @asyncio BaseProtocol.resume_writing()
     */
    default void resumeWriting() {
    }
}
