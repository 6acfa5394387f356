/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Connection;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import io.jasyncio.netty.NettyEventLoop;
import io.jasyncio.transport.TransportKind;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Choosing the I/O backend: by name, with clear errors for unknown or unusable ones. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BackendChoiceTest {

    @Test
    void testNioByName() {
        try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withTransport("nio"))) {
            assertEquals(TransportKind.NIO, ((NettyEventLoop) loop).transportKind());
        }
    }

    @Test
    void testUnknownBackend() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Asyncio.newEventLoop(LoopOptions.defaults().withTransport("select")));
        assertTrue(e.getMessage().contains("unknown transport 'select'"), e.getMessage());
    }

    /**
     * A loop runs on whichever thread calls runForever(): io_uring's ring must follow it. The loop first runs on this
     * thread, then on another one, and echoes a byte over a socket pair each time.
     */
    @Test
    void testIoUringRunsOnTheCallersThread() throws Exception {
        assumeTrue(TransportKind.IO_URING.isAvailable(), "io_uring is not available here");
        try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withTransport("io_uring"))) {
            assertEquals(TransportKind.IO_URING, ((NettyEventLoop) loop).transportKind());
            Server server = loop.runUntilComplete(loop.createServer(EchoOnce::new, "127.0.0.1", 0));
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            assertEquals("a", roundTrip(loop, port, "a"));
            AtomicReference<Object> other = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    other.set(roundTrip(loop, port, "b"));
                } catch (Throwable e) {
                    other.set(e);
                }
            }, "second-runner");
            thread.start();
            thread.join(TimeUnit.SECONDS.toMillis(20));
            assertEquals("b", other.get());
            server.close();
            loop.runUntilComplete(() -> {
                server.waitClosed();
                return null;
            });
        }
    }

    private static String roundTrip(EventLoop loop, int port, String text) {
        Connection<Collect> connection = loop.runUntilComplete(loop.createConnection(() -> new Collect(loop), "127.0.0.1", port));
        connection.transport().write(text.getBytes(StandardCharsets.US_ASCII));
        return loop.runUntilComplete(connection.protocol().received);
    }

    /** Echoes what it receives. */
    private static final class EchoOnce implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }
    }

    /** Completes with the first bytes it receives, then closes. */
    private static final class Collect implements Protocol {
        private final Future<String> received;
        private Transport transport;

        Collect(EventLoop loop) {
            received = loop.createFuture();
        }

        @Override
        public void connectionMade(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            received.setResult(StandardCharsets.US_ASCII.decode(data).toString());
            transport.close();
        }
    }
}
