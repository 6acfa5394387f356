/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.guide;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Close transports and event loops: a transport, a server or a loop nobody closed holds a socket or a thread until
 * the process ends. Debug mode warns when the loop closes with transports or servers still open, and when a loop is
 * collected without being closed. try-with-resources and {@code close()} are the fix.
 */
public final class CloseResources {
    private CloseResources() {
    }

    /** Reads and drops. */
    static final class Sink implements Protocol {
        @Override
        public void dataReceived(ByteBuffer data) {
        }
    }

    private static void forgetALoop() {
        EventLoop forgotten = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true));
        forgotten.runUntilComplete(forgotten.createTask(Asyncio.coroutine("work", () -> "done")));
        // the bug: no forgotten.close()
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true))) {
            Server server = loop.runUntilComplete(loop.createServer(Sink::new, "127.0.0.1", 0));
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            var conn = loop.runUntilComplete(loop.createConnection(Sink::new, "127.0.0.1", port));
            System.out.println("connected: " + conn.transport());
            // the bug: neither conn.transport().close() nor server.close() before the loop closes
        }
        forgetALoop();
        Guide.collectGarbage();
    }
}
