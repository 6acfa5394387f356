/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.Objects;

/**
 * {@link Asyncio#openConnection}, {@link Asyncio#startServer} and their Unix twins, after CPython's
 * {@code streams.py}: each makes a {@link StreamReader} and a {@link StreamReaderProtocol} per connection and hands
 * the loop a factory for them, so a connection's reader, protocol and writer are made on the loop's thread.
 */
final class StreamFunctions {

    private StreamFunctions() {
    }

    /** asyncio's open_connection. */
    static Streams openConnection(String host, int port, ConnectionOptions options) {
        Asyncio.requireTask("openConnection");
        Objects.requireNonNull(options, "options");
        EventLoop loop = Asyncio.getRunningLoop();
        StreamReader reader = new StreamReader(loop, options.limit());
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, null, loop);
        Connection<StreamReaderProtocol> c = Asyncio.await(loop.createConnection(() -> protocol, host, port, options));
        return new Streams(reader, new StreamWriter(c.transport(), protocol, reader, loop));
    }

    /** asyncio's start_server. */
    static Server startServer(Streams.ClientConnected clientConnected, String host, int port, ServerOptions options) {
        Asyncio.requireTask("startServer");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clientConnected, "clientConnected");
        EventLoop loop = Asyncio.getRunningLoop();
        int limit = options.limit();
        return Asyncio.await(loop.createServer(() -> new StreamReaderProtocol(new StreamReader(loop, limit),
                clientConnected, loop), host, port, options));
    }

    /** asyncio's open_unix_connection. */
    static Streams openUnixConnection(String path, ConnectionOptions options) {
        Asyncio.requireTask("openUnixConnection");
        Objects.requireNonNull(options, "options");
        EventLoop loop = Asyncio.getRunningLoop();
        StreamReader reader = new StreamReader(loop, options.limit());
        StreamReaderProtocol protocol = new StreamReaderProtocol(reader, null, loop);
        Connection<StreamReaderProtocol> c = Asyncio.await(loop.createUnixConnection(() -> protocol, path, options));
        return new Streams(reader, new StreamWriter(c.transport(), protocol, reader, loop));
    }

    /** asyncio's start_unix_server. */
    static Server startUnixServer(Streams.ClientConnected clientConnected, String path, ServerOptions options) {
        Asyncio.requireTask("startUnixServer");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clientConnected, "clientConnected");
        EventLoop loop = Asyncio.getRunningLoop();
        int limit = options.limit();
        return Asyncio.await(loop.createUnixServer(() -> new StreamReaderProtocol(new StreamReader(loop, limit),
                clientConnected, loop), path, options));
    }
}
