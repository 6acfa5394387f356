/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Connection;
import io.jasyncio.Future;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fatal-error policy for protocol callbacks (package documentation of {@code io.jasyncio}, "Fatal errors"): an
 * {@link Error} thrown by {@code dataReceived} (an OutOfMemoryError on a huge request, in the field) is not reported
 * and not swallowed by Netty's pipeline: the connection is aborted, so that it does not fail again on every read, and
 * the error leaves runForever; the loop serves again when it is run again.
 */
class FatalProtocolErrorTest extends NetTestBase {

    /** An error of the tests' own, thrown where the JVM would throw an OutOfMemoryError. */
    static final class Fatal extends Error {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message);
        }
    }

    /** A server protocol whose dataReceived throws the error, and that records its connectionLost. */
    static final class Throwing implements Protocol {
        final Fatal fatal;
        final Future<Throwable> lost;
        final AtomicInteger reads = new AtomicInteger();
        Transport transport;

        Throwing(io.jasyncio.EventLoop loop, Fatal fatal) {
            this.fatal = fatal;
            this.lost = loop.createFuture();
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            reads.incrementAndGet();
            throw fatal;
        }

        @Override
        public void connectionLost(Throwable exc) {
            lost.setResult(exc);
        }
    }

    @Test
    void testDataReceivedErrorAbortsTheConnectionAndLeavesTheLoop() {
        Fatal fatal = new Fatal("out of memory, as it were");
        List<Throwing> server = new ArrayList<>();
        Server s = listen(() -> {
            Throwing p = new Throwing(loop, fatal);
            server.add(p);
            return p;
        });
        Connection<Recorder> client = connect(s);
        client.transport().write(ByteBuffer.wrap("SET k <400 MB>".getBytes(StandardCharsets.US_ASCII)));
        assertSame(fatal, assertThrows(Fatal.class, () -> waitUntil(() -> false)));
        assertTrue(handled.isEmpty(), () -> "reported: " + handled);
        assertTrue(server.get(0).transport.isClosing(), "the connection is aborted");
        // Run again: the client hears the connection end, the server's protocol hears connectionLost, once.
        waitUntil(() -> client.protocol().lost.done() && server.get(0).lost.done());
        assertSame(fatal, server.get(0).lost.result());
        client.transport().write(ByteBuffer.wrap("more".getBytes(StandardCharsets.US_ASCII)));
        sleep(0.05);
        assertEquals(1, server.get(0).reads.get(), "the protocol is not called again");
        // The server still accepts and serves a new client.
        Connection<Recorder> second = connect(s);
        second.transport().write(ByteBuffer.wrap("x".getBytes(StandardCharsets.US_ASCII)));
        assertSame(fatal, assertThrows(Fatal.class, () -> waitUntil(() -> false)));
        assertEquals(2, server.size());
        assertEquals(1, server.get(1).reads.get());
        assertEquals(1, server.get(0).reads.get());
        waitUntil(() -> second.protocol().lost.done());
        closeServer(s);
    }

    /** A datagram protocol whose datagramReceived throws the error. */
    static final class ThrowingDatagrams implements io.jasyncio.DatagramProtocol {
        final Fatal fatal;
        final Future<Throwable> lost;
        io.jasyncio.DatagramTransport transport;
        int reads;

        ThrowingDatagrams(io.jasyncio.EventLoop loop, Fatal fatal) {
            this.fatal = fatal;
            this.lost = loop.createFuture();
        }

        @Override
        public void connectionMade(io.jasyncio.DatagramTransport t) {
            transport = t;
        }

        @Override
        public void datagramReceived(ByteBuffer data, java.net.SocketAddress addr) {
            reads++;
            throw fatal;
        }

        @Override
        public void connectionLost(Throwable exc) {
            lost.setResult(exc);
        }
    }

    /** The same policy for datagramReceived: the endpoint is closed, the error leaves the loop, unreported. */
    @Test
    void testDatagramReceivedErrorClosesTheEndpointAndLeavesTheLoop() {
        Fatal fatal = new Fatal("datagram");
        java.net.InetSocketAddress any = new java.net.InetSocketAddress("127.0.0.1", 0);
        io.jasyncio.DatagramEndpoint<ThrowingDatagrams> server = loop.runUntilComplete(
                loop.createDatagramEndpoint(() -> new ThrowingDatagrams(loop, fatal), any, null));
        java.net.InetSocketAddress at = (java.net.InetSocketAddress) server.transport().getExtraInfo("sockname");
        io.jasyncio.DatagramEndpoint<ThrowingDatagrams> client = loop.runUntilComplete(
                loop.createDatagramEndpoint(() -> new ThrowingDatagrams(loop, new Fatal("unused")), any, at));
        client.transport().sendto(ByteBuffer.wrap("x".getBytes(StandardCharsets.US_ASCII)), null);
        assertSame(fatal, assertThrows(Fatal.class, () -> waitUntil(() -> false)));
        assertTrue(handled.isEmpty(), () -> "reported: " + handled);
        assertTrue(server.transport().isClosing());
        waitUntil(() -> server.protocol().lost.done());
        assertEquals(1, server.protocol().reads);
        client.transport().close();
        waitUntil(() -> client.protocol().lost.done());
    }
}
