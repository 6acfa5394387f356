/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.DatagramEndpoint;
import io.jasyncio.DatagramProtocol;
import io.jasyncio.DatagramTransport;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Ticker;
import io.jasyncio.tests.LoopTestBase;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UDP endpoints: ports of CPython's test_events.py datagram tests (test_create_datagram_endpoint...). */
class UdpTransportTest extends LoopTestBase {

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
    }

    /** Records datagrams; echoes them when asked. */
    final class Peer implements DatagramProtocol {
        final boolean echo;
        final List<String> received = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();
        final Future<Void> lost = loop.createFuture();
        Future<String> next = loop.createFuture();
        DatagramTransport transport;
        String state = "INITIAL";

        Peer(boolean echo) {
            this.echo = echo;
        }

        @Override
        public void connectionMade(DatagramTransport t) {
            state = "INITIALIZED";
            transport = t;
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress addr) {
            String text = StandardCharsets.UTF_8.decode(data.duplicate()).toString();
            received.add(text);
            if (echo) {
                transport.sendto(data, addr);
            }
            if (!next.done()) {
                next.setResult(text);
            }
        }

        @Override
        public void errorReceived(Throwable exc) {
            errors.add(exc);
            if (!next.done()) {
                next.setException(exc);
            }
        }

        @Override
        public void connectionLost(Throwable exc) {
            state = "CLOSED";
            lost.setResult(null);
        }

        String await() {
            String r = loop.runUntilComplete(next);
            next = loop.createFuture();
            return r;
        }
    }

    private static InetSocketAddress any() {
        return new InetSocketAddress("127.0.0.1", 0);
    }

    private DatagramEndpoint<Peer> endpoint(boolean echo, InetSocketAddress local, InetSocketAddress remote) {
        return loop.runUntilComplete(loop.createDatagramEndpoint(() -> new Peer(echo), local, remote));
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_datagram_endpoint: a ping and its echo. */
    @Test
    void testCreateDatagramEndpoint() {
        DatagramEndpoint<Peer> server = endpoint(true, any(), null);
        InetSocketAddress serverAddr = (InetSocketAddress) server.transport().getExtraInfo("sockname");
        DatagramEndpoint<Peer> client = endpoint(false, null, serverAddr);
        assertEquals("INITIALIZED", client.protocol().state);
        client.transport().sendto(text("xxx"), null);
        assertEquals("xxx", server.protocol().await());
        assertEquals("xxx", client.protocol().await());
        assertEquals(serverAddr, client.transport().getExtraInfo("peername"));
        client.transport().close();
        loop.runUntilComplete(client.protocol().lost);
        assertEquals("CLOSED", client.protocol().state);
        server.transport().close();
        loop.runUntilComplete(server.protocol().lost);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_datagram_endpoint_sock... : unconnected sendto. */
    @Test
    void testSendtoAddress() {
        DatagramEndpoint<Peer> a = endpoint(false, any(), null);
        DatagramEndpoint<Peer> b = endpoint(false, any(), null);
        InetSocketAddress bAddr = (InetSocketAddress) b.transport().getExtraInfo("sockname");
        for (int i = 0; i < 5; i++) {
            a.transport().sendto(text("n" + i), bAddr);
        }
        waitUntil(() -> b.protocol().received.size() >= 5);
        assertEquals(List.of("n0", "n1", "n2", "n3", "n4"), b.protocol().received, "loopback keeps the order");
        a.transport().close();
        b.transport().close();
        loop.runUntilComplete(a.protocol().lost);
        loop.runUntilComplete(b.protocol().lost);
    }

    /** Port of test_selector_events.py SelectorDatagramTransportTests.test_sendto_connected_addr mismatch. */
    @Test
    void testSendtoWrongAddressOnConnected() {
        DatagramEndpoint<Peer> server = endpoint(false, any(), null);
        InetSocketAddress serverAddr = (InetSocketAddress) server.transport().getExtraInfo("sockname");
        DatagramEndpoint<Peer> client = endpoint(false, null, serverAddr);
        assertThrows(IllegalArgumentException.class,
                () -> client.transport().sendto(text("x"), new InetSocketAddress("127.0.0.1", 9)));
        DatagramEndpoint<Peer> unconnected = endpoint(false, any(), null);
        assertThrows(IllegalArgumentException.class, () -> unconnected.transport().sendto(text("x"), null));
        client.transport().close();
        server.transport().close();
        unconnected.transport().close();
        loop.runUntilComplete(unconnected.protocol().lost);
    }

    /** Port of test_events.py ...test_datagram_error_received: a connected endpoint hears ICMP unreachable. */
    @Test
    void testErrorReceivedConnectionRefused() {
        DatagramEndpoint<Peer> gone = endpoint(false, any(), null);
        InetSocketAddress goneAddr = (InetSocketAddress) gone.transport().getExtraInfo("sockname");
        gone.transport().close();
        loop.runUntilComplete(gone.protocol().lost);
        DatagramEndpoint<Peer> client = endpoint(false, null, goneAddr);
        Future<Throwable> error = loop.createFuture();
        client.protocol().next.addDoneCallback(f -> error.setResult(f.cancelled() ? null : f.exception()));
        Future<Void> retry = loop.createFuture();
        Runnable ping = new Runnable() {
            int tries;

            @Override
            public void run() {
                if (error.done() || tries++ > 200) {
                    retry.setResult(null);
                    return;
                }
                client.transport().sendto(text("anyone?"), null);
                loop.callLater(0.01, this);
            }
        };
        loop.callSoon(ping);
        loop.runUntilComplete(retry);
        assertTrue(error.done(), "errorReceived was called");
        io.jasyncio.ConnectionRefusedError refused = org.junit.jupiter.api.Assertions.assertInstanceOf(
                io.jasyncio.ConnectionRefusedError.class, error.result(), "asyncio's error_received gets an OSError");
        assertNotNull(refused.getCause());
        assertFalse(client.transport().isClosing(), "an error does not close a datagram endpoint");
        client.transport().close();
        loop.runUntilComplete(client.protocol().lost);
    }

    /** A protocol that throws in datagramReceived: reported with transport and protocol, the endpoint closed. */
    @Test
    void testProtocolExceptionIsReported() {
        expectExceptions();
        IllegalStateException bug = new IllegalStateException("datagram bug");
        Future<Void> lost = loop.createFuture();
        DatagramProtocol faulty = new DatagramProtocol() {
            @Override
            public void datagramReceived(ByteBuffer data, SocketAddress addr) {
                throw bug;
            }

            @Override
            public void connectionLost(Throwable exc) {
                lost.setResult(null);
            }
        };
        DatagramEndpoint<DatagramProtocol> server = loop.runUntilComplete(
                loop.createDatagramEndpoint(() -> faulty, any(), null));
        DatagramEndpoint<Peer> client = endpoint(false, null,
                (InetSocketAddress) server.transport().getExtraInfo("sockname"));
        client.transport().sendto(text("boom"), null);
        loop.runUntilComplete(lost);
        assertEquals(1, handled.size());
        assertSame(bug, handled.get(0).exception());
        assertSame(faulty, handled.get(0).get(ExceptionContext.PROTOCOL));
        client.transport().close();
        loop.runUntilComplete(client.protocol().lost);
    }
}
