/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The child JVM of {@link AcceptExhaustionTest}, run under a small descriptor limit: an echo server on
 * 127.0.0.1, port 0. It prints "port N" once listening, then one line "report MESSAGE | EXCEPTION" for each call of
 * the loop's exception handler, and serves until killed.
 */
public final class AcceptExhaustionMain {
    private AcceptExhaustionMain() {
    }

    /** Echoes what it receives. */
    private static final class Echo implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }
    }

    /**
     * Runs the server.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.setExceptionHandler((l, context) -> {
                System.out.println("report " + context.message() + " | " + context.exception());
                System.out.flush();
            });
            Server server = Asyncio.await(loop.createServer(Echo::new, "127.0.0.1", 0));
            System.out.println("port " + ((InetSocketAddress) server.sockets().get(0)).getPort());
            System.out.flush();
            server.serveForever();
            return null;
        });
    }
}
