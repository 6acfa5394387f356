/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Protocol;
import io.jasyncio.Transport;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.Streams;
import io.jasyncio.Ticker;
import io.jasyncio.examples.EchoServer;
import io.jasyncio.tests.LoopTestBase;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The echo server's three APIs, each driven by a stream client over loopback. */
class EchoServerTest extends LoopTestBase {

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
    }

    private byte[] roundTrip(Server server, byte[] message) {
        int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
        byte[] echoed = loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port);
            s.writer().write(message);
            s.writer().drain();
            byte[] back = s.reader().readexactly(message.length);
            s.writer().close();
            s.writer().waitClosed();
            return back;
        });
        server.close();
        server.closeClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
        return echoed;
    }

    private static byte[] message() {
        byte[] m = new byte[300_000];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (i % 251);
        }
        return m;
    }

    @Test
    void testProtocolApi() {
        Server server = loop.runUntilComplete(loop.createServer(EchoServer.Echo::new, "127.0.0.1", 0));
        assertArrayEquals(message(), roundTrip(server, message()));
    }

    @Test
    void testBufferedApi() {
        Server server = loop.runUntilComplete(loop.createServer(EchoServer.BufferedEcho::new, "127.0.0.1", 0));
        assertArrayEquals(message(), roundTrip(server, message()));
    }

    @Test
    void testStreamsApi() {
        Server server = loop.runUntilComplete(() -> Asyncio.startServer(EchoServer::echoStream, "127.0.0.1", 0));
        assertArrayEquals(message(), roundTrip(server, message()));
    }

    @Test
    void testStreamsApiReadingChunks() {
        Server server = loop.runUntilComplete(() -> Asyncio.startServer(EchoServer::echoChunks, "127.0.0.1", 0));
        assertArrayEquals(message(), roundTrip(server, message()));
    }

    /** Line by line: every line comes back whole, a 100 KiB one too (over asyncio's default limit of 64 KiB). */
    @Test
    void testStreamsApiLineByLine() {
        byte[] lines = new byte[300_000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (byte) ('a' + i % 26);
        }
        lines[99_999] = '\n'; // a line of 100,000 bytes
        lines[lines.length - 1] = '\n';
        Server server = loop.runUntilComplete(() -> Asyncio.startServer(EchoServer::echoLines, "127.0.0.1", 0,
                ServerOptions.defaults().withLimit(1 << 20)));
        assertArrayEquals(lines, roundTrip(server, lines));
    }

    /** A client that does not read until told to, counting what comes back. */
    private static final class SlowReader implements Protocol {
        Transport transport;
        long received;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            t.pauseReading();
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            received += data.remaining();
        }
    }

    /**
     * A client that sends 32 MB and does not read: the server pauses reading once its buffer passes the high-water
     * mark, so what waits there stays under the mark and one read; every byte still comes back once the client reads.
     */
    private void checkClientThatDoesNotRead(Supplier<? extends WatchedProtocol> factory) {
        WatchedProtocol[] watched = new WatchedProtocol[1];
        Server server = loop.runUntilComplete(loop.createServer(() -> watched[0] = factory.get(), "127.0.0.1", 0));
        int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
        SlowReader client = loop.runUntilComplete(loop.createConnection(SlowReader::new, "127.0.0.1", port)).protocol();
        long sent = 32L << 20;
        byte[] piece = new byte[1 << 20];
        for (int i = 0; i < sent / piece.length; i++) {
            client.transport.write(piece);
        }
        long bound = 64 * 1024 + 256 * 1024 + 64 * 1024; // the high-water mark, one read and some slack
        loop.runUntilComplete(() -> {
            while (watched[0] == null || watched[0].transport.isReading()) {
                assertTrue(watched[0] == null || watched[0].transport.getWriteBufferSize() <= bound,
                        () -> watched[0].transport.getWriteBufferSize() + " bytes buffered by the server");
                Asyncio.sleep(0.005);
            }
            for (int i = 0; i < 20; i++) { // it stays paused and bounded while the client would send more
                assertTrue(watched[0].transport.getWriteBufferSize() <= bound,
                        watched[0].transport.getWriteBufferSize() + " bytes buffered by the server");
                Asyncio.sleep(0.005);
            }
            client.transport.resumeReading();
            while (client.received < sent) {
                Asyncio.sleep(0.005);
            }
            return null;
        });
        assertEquals(sent, client.received);
        client.transport.close();
        server.close();
        server.closeClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    @Test
    @Timeout(60)
    void testProtocolApiPausesReadingForAClientThatDoesNotRead() {
        checkClientThatDoesNotRead(() -> new WatchedProtocol.Plain(new EchoServer.Echo()));
    }

    @Test
    @Timeout(60)
    void testBufferedApiPausesReadingForAClientThatDoesNotRead() {
        checkClientThatDoesNotRead(() -> new WatchedProtocol.Buffered(new EchoServer.BufferedEcho()));
    }
}
