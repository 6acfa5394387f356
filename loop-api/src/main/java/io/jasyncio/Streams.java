/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * A stream pair: the reader and the writer of one connection, from {@link Asyncio#openConnection}.
 *
 * @param reader the reading side
 * @param writer the writing side
 * @asyncio the (reader, writer) tuple of asyncio.open_connection
 */
public record Streams(StreamReader reader, StreamWriter writer) {

    /**
     * What a stream server runs, in a new task, for each client.
     *
     * @asyncio the client_connected_cb of asyncio.start_server
     */
    @FunctionalInterface
    public interface ClientConnected {
        /**
         * Serves one client.
         *
         * @param reader the client's reader
         * @param writer the client's writer
         * @throws Exception whatever the handler throws (reported to the exception handler; the connection closes)
         */
        void handle(StreamReader reader, StreamWriter writer) throws Exception;
    }
}
