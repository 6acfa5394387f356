/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.net.SocketAddress;
import java.util.List;

/**
 * A listening server, made by {@link EventLoop#createServer}. Loop thread only. Closing stops listening; the
 * connections already accepted stay until they close, or {@link #closeClients()} / {@link #abortClients()}.
 *
 * @asyncio asyncio.Server
 */
public interface Server extends AutoCloseable {

    /**
     * Stops listening. Idempotent.
     *
     * @asyncio Server.close()
     */
    @Override
    void close();

    /**
     * Suspends the current task until the server is closed and every connection it accepted is closed; returns at
     * once when that is so already.
     *
     * @throws IllegalStateException when called outside a task
     * @throws CancelledError when the task is cancelled while it waits (the server is left as it is)
     * @asyncio await Server.wait_closed()
     *     Differences: outside a task, run it as one: {@code loop.runUntilComplete(() -> { server.waitClosed();
     *     return null; })}.
     */
    void waitClosed();

    /**
     * Whether the server accepts connections.
     *
     * @return {@code true} while listening
     * @asyncio Server.is_serving()
     */
    boolean isServing();

    /**
     * The addresses the server listens on.
     *
     * @return the bound addresses; empty once the server is closed
     * @asyncio Server.sockets
     */
    List<SocketAddress> sockets();

    /**
     * Closes every accepted connection (flushing).
     *
     * @asyncio Server.close_clients()
     */
    void closeClients();

    /**
     * Aborts every accepted connection.
     *
     * @asyncio Server.abort_clients()
     */
    void abortClients();

    /**
     * Starts accepting connections, then lets one loop iteration pass (suspending the current task) so that accepting
     * has begun. Starts nothing when serving already; a server made with {@code ServerOptions.withStartServing(false)}
     * waits for this call.
     *
     * @throws IllegalStateException "server ... is closed", or when called outside a task
     * @asyncio await Server.start_serving()
     */
    void startServing();

    /**
     * Starts accepting connections, then suspends the current task until the server is closed; cancelling the task
     * closes the server and waits for it to be closed.
     *
     * @throws IllegalStateException "server ... is already being awaited on serve_forever()", "server ... is closed"
     * @asyncio await Server.serve_forever()
     */
    void serveForever();

    /**
     * The loop the server runs on.
     *
     * @return the loop
     * @asyncio Server.get_loop()
     */
    EventLoop getLoop();
}
