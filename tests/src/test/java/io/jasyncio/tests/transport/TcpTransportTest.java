/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.BufferedProtocol;
import io.jasyncio.Connection;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Task;
import io.jasyncio.Ticker;
import io.jasyncio.Transport;
import io.jasyncio.tests.LoopTestBase;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * TCP protocols, transports and servers, on the backend under test: ports of CPython's test_events.py network tests
 * and test_selector_events.py transport tests, and the failure cases (a protocol that throws, a peer that resets,
 * a peer that never reads).
 */
class TcpTransportTest extends LoopTestBase {

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system()); // real sockets, real time
    }

    private final List<Recorder> serverSide = new ArrayList<>();

    private Server listen(Supplier<? extends io.jasyncio.BaseProtocol> factory) {
        return loop.runUntilComplete(loop.createServer(factory, "127.0.0.1", 0));
    }

    private Server listenRecording(boolean echo) {
        return listen(() -> {
            Recorder r = new Recorder(loop) {
                @Override
                public void dataReceived(ByteBuffer bytes) {
                    if (echo) {
                        transport.write(bytes);
                    }
                    super.dataReceived(bytes);
                }
            };
            serverSide.add(r);
            return r;
        });
    }

    private static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    private Connection<Recorder> connect(Server server) {
        return loop.runUntilComplete(loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port(server)));
    }

    private void closeServer(Server server) {
        server.close();
        server.abortClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_server: data flows both ways, call order kept. */
    @Test
    void testCreateServer() {
        Server server = listenRecording(true);
        Connection<Recorder> c = connect(server);
        c.transport().write("hello".getBytes(StandardCharsets.UTF_8));
        waitUntil(() -> c.protocol().data.size() == 5);
        assertEquals("hello", c.protocol().text());
        assertEquals("hello", serverSide.get(0).text());
        c.transport().close();
        loop.runUntilComplete(c.protocol().lost);
        loop.runUntilComplete(serverSide.get(0).lost);
        assertEquals(List.of("made", "data", "lost"), c.protocol().calls);
        assertEquals(List.of("made", "data", "eof", "lost"), serverSide.get(0).calls);
        closeServer(server);
    }

    /**
     * Writing back the buffer dataReceived was given (the echo, sent without a copy) sends its remaining bytes: what
     * the protocol read from it first is not sent, and its position is left where the protocol put it.
     */
    @Test
    void testEchoOfTheReceivedBuffer() {
        List<Integer> positionsAfterWrite = new ArrayList<>();
        Server server = listen(() -> new Recorder(loop) {
            @Override
            public void dataReceived(ByteBuffer bytes) {
                bytes.get(); // skip the first byte
                transport.write(bytes);
                positionsAfterWrite.add(bytes.position());
                transport.write(bytes); // and the same bytes again
            }
        });
        Connection<Recorder> c = connect(server);
        c.transport().write("xabc".getBytes(StandardCharsets.UTF_8));
        waitUntil(() -> c.protocol().data.size() == 6);
        assertEquals("abcabc", c.protocol().text());
        assertEquals(List.of(1), positionsAfterWrite);
        c.transport().close();
        loop.runUntilComplete(c.protocol().lost);
        closeServer(server);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_connection: the future gives transport and protocol. */
    @Test
    void testCreateConnection() {
        Server server = listenRecording(false);
        Connection<Recorder> c = connect(server);
        assertSame(c.protocol(), c.transport().getProtocol());
        assertEquals("CONNECTED", c.protocol().state);
        assertEquals(List.of("made"), c.protocol().calls, "connectionMade ran before the future completed");
        c.transport().close();
        loop.runUntilComplete(c.protocol().lost);
        closeServer(server);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_connection_refused... : the future fails. */
    @Test
    void testCreateConnectionRefused() {
        Server server = listenRecording(false);
        int port = port(server);
        closeServer(server);
        Future<Connection<Recorder>> f = loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port);
        Throwable e = assertThrows(Exception.class, () -> loop.runUntilComplete(f));
        assertTrue(e instanceof java.io.IOException || e.getCause() instanceof java.io.IOException, e.toString());
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_server_... getExtraInfo('peername'/'sockname'). */
    @Test
    void testGetExtraInfo() {
        Server server = listenRecording(false);
        Connection<Recorder> c = connect(server);
        InetSocketAddress peer = (InetSocketAddress) c.transport().getExtraInfo("peername");
        InetSocketAddress local = (InetSocketAddress) c.transport().getExtraInfo("sockname");
        assertEquals(port(server), peer.getPort());
        assertNotNull(local);
        assertNotNull(c.transport().getExtraInfo("socket"));
        assertNull(c.transport().getExtraInfo("nonexistent"));
        c.transport().close();
        loop.runUntilComplete(c.protocol().lost);
        closeServer(server);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_server_close: no new connections, waitClosed completes. */
    @Test
    void testServerClose() {
        Server server = listenRecording(false);
        assertTrue(server.isServing());
        int port = port(server);
        server.close();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
        assertFalse(server.isServing());
        assertTrue(server.sockets().isEmpty());
        Future<Connection<Recorder>> f = loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port);
        assertThrows(Exception.class, () -> loop.runUntilComplete(f));
        server.close(); // idempotent
    }

    /** Port of test_server.py: waitClosed waits for the accepted connections too; closeClients ends them. */
    @Test
    void testWaitClosedWaitsForClients() {
        Server server = listenRecording(false);
        Connection<Recorder> c = connect(server);
        waitUntil(() -> serverSide.size() == 1 && serverSide.get(0).transport != null);
        server.close();
        runOnce();
        Task<Void> waiting = loop.createTask(() -> {
            server.waitClosed();
            return null;
        });
        runOnce();
        assertFalse(waiting.done(), "a client is still connected");
        server.closeClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
        loop.runUntilComplete(c.protocol().lost);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_server_... half-close: eofReceived keeps it open. */
    @Test
    void testEofReceivedKeepOpen() {
        Server server = listen(() -> {
            Recorder r = new Recorder(loop) {
                @Override
                public boolean eofReceived() {
                    super.eofReceived();
                    transport.write(("got " + text()).getBytes(StandardCharsets.UTF_8));
                    transport.close();
                    return true;
                }
            };
            serverSide.add(r);
            return r;
        });
        Connection<Recorder> c = connect(server);
        assertTrue(c.transport().canWriteEof());
        c.transport().write("question".getBytes(StandardCharsets.UTF_8));
        c.transport().writeEof();
        loop.runUntilComplete(c.protocol().lost);
        assertEquals("got question", c.protocol().text(), "the half-open connection still carried the reply");
        assertEquals(List.of("made", "data", "eof", "lost"), c.protocol().calls);
        closeServer(server);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_close: close flushes the buffer first. */
    @Test
    void testCloseFlushes() {
        byte[] big = new byte[4 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        Server server = listen(() -> new Protocol() {
            @Override
            public void connectionMade(Transport t) {
                t.write(big);
                t.close();
                assertTrue(t.isClosing());
            }

            @Override
            public void dataReceived(ByteBuffer data) {
            }
        });
        Connection<Recorder> c = connect(server);
        loop.runUntilComplete(c.protocol().lost);
        assertArrayEquals(big, c.protocol().data.toByteArray());
        closeServer(server);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_abort: buffer dropped, connection lost. */
    @Test
    void testAbort() {
        Server server = listenRecording(false);
        Connection<Recorder> c = connect(server);
        c.transport().abort();
        assertTrue(c.transport().isClosing());
        loop.runUntilComplete(c.protocol().lost);
        assertEquals(List.of("made", "lost"), c.protocol().calls);
        closeServer(server);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_write_closing: writes after close dropped. */
    @Test
    void testWriteAfterCloseIsDropped() {
        Server server = listenRecording(false);
        Connection<Recorder> c = connect(server);
        c.transport().close();
        for (int i = 0; i < 6; i++) {
            c.transport().write("late".getBytes(StandardCharsets.UTF_8)); // no exception; warned from the fifth on
        }
        loop.runUntilComplete(c.protocol().lost);
        waitUntil(() -> serverSide.size() == 1 && serverSide.get(0).state.equals("CLOSED"));
        assertEquals("", serverSide.get(0).text());
        closeServer(server);
    }

    /** A protocol that throws: the exception handler hears of it with the transport and protocol; others carry on. */
    @Test
    void testProtocolExceptionIsReportedAndLoopGoesOn() {
        expectExceptions();
        IllegalStateException bug = new IllegalStateException("protocol bug");
        boolean[] first = {true};
        Server server = listen(() -> {
            boolean faulty = first[0];
            first[0] = false;
            Recorder r = new Recorder(loop) {
                @Override
                public void dataReceived(ByteBuffer bytes) {
                    if (faulty) {
                        throw bug;
                    }
                    transport.write(bytes);
                }
            };
            serverSide.add(r);
            return r;
        });
        Connection<Recorder> bad = connect(server);
        bad.transport().write("boom".getBytes(StandardCharsets.UTF_8));
        loop.runUntilComplete(bad.protocol().lost);
        assertEquals(1, handled.size());
        ExceptionContext ctx = handled.get(0);
        assertSame(bug, ctx.exception());
        assertEquals("Fatal error: protocol.data_received() call failed.", ctx.message());
        assertNotNull(ctx.get(ExceptionContext.TRANSPORT));
        assertSame(serverSide.get(0), ctx.get(ExceptionContext.PROTOCOL));
        Connection<Recorder> good = connect(server);
        good.transport().write("fine".getBytes(StandardCharsets.UTF_8));
        waitUntil(() -> good.protocol().data.size() == 4);
        assertEquals("fine", good.protocol().text());
        good.transport().close();
        loop.runUntilComplete(good.protocol().lost);
        closeServer(server);
    }

    /** A peer that resets: connectionLost is called once with the error, and the loop goes on. */
    @Test
    void testPeerReset() throws Exception {
        Server server = listenRecording(false);
        try (Socket peer = new Socket("127.0.0.1", port(server))) {
            waitUntil(() -> serverSide.size() == 1 && serverSide.get(0).transport != null);
            peer.setSoLinger(true, 0); // close sends RST
        }
        Recorder r = serverSide.get(0);
        loop.runUntilComplete(r.lost);
        assertEquals("lost", r.calls.get(r.calls.size() - 1));
        assertEquals(1, r.calls.stream().filter("lost"::equals).count());
        closeServer(server);
    }

    /** A peer that never reads: pauseWriting inside the write that crossed the mark, resumeWriting on drain. */
    @Test
    void testPauseWritingWhenPeerDoesNotRead() throws Exception {
        List<String> flow = new ArrayList<>();
        Transport[] serverTransport = new Transport[1];
        Server server = listen(() -> new Protocol() {
            @Override
            public void connectionMade(Transport t) {
                serverTransport[0] = t;
                t.setWriteBufferLimits(64 * 1024, 16 * 1024);
            }

            @Override
            public void dataReceived(ByteBuffer data) {
            }

            @Override
            public void pauseWriting() {
                flow.add("pause at " + (serverTransport[0].getWriteBufferSize() > 64 * 1024 ? "over high" : "?"));
            }

            @Override
            public void resumeWriting() {
                flow.add("resume at " + (serverTransport[0].getWriteBufferSize() <= 16 * 1024 ? "low" : "?"));
            }
        });
        try (Socket peer = new Socket()) {
            // Shrinking the buffer of a connected socket can stall loopback TCP (no window update ever comes):
            // size it before connecting.
            peer.setReceiveBufferSize(4096);
            peer.connect(new InetSocketAddress("127.0.0.1", port(server)));
            waitUntil(() -> serverTransport[0] != null);
            byte[] chunk = new byte[64 * 1024];
            int written = 0;
            while (written < 64 * 1024 * 1024) {
                serverTransport[0].write(chunk);
                written += chunk.length;
                if (!flow.isEmpty()) {
                    break; // pauseWriting came inside the write that crossed the mark
                }
                runOnce();
            }
            assertEquals(List.of("pause at over high"), flow);
            int total = written;
            Thread reader = new Thread(() -> {
                try {
                    InputStream in = peer.getInputStream();
                    byte[] sink = new byte[65536];
                    int got = 0;
                    while (got < total) {
                        int n = in.read(sink);
                        if (n < 0) {
                            break;
                        }
                        got += n;
                    }
                } catch (java.io.IOException e) {
                    // the test fails on the flow assertion below
                }
            });
            reader.start();
            waitUntil(() -> flow.size() >= 2 && serverTransport[0].getWriteBufferSize() == 0);
            reader.join(10_000);
            assertEquals("resume at low", flow.get(flow.size() - 1));
            for (int i = 0; i < flow.size(); i++) {
                assertEquals(i % 2 == 0 ? "pause at over high" : "resume at low", flow.get(i), "alternating: " + flow);
            }
        }
        closeServer(server);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_pause_resume_reading. */
    @Test
    void testPauseResumeReading() {
        Server server = listenRecording(false);
        Connection<Recorder> c = connect(server);
        waitUntil(() -> serverSide.size() == 1 && serverSide.get(0).transport != null);
        Recorder s = serverSide.get(0);
        s.transport.pauseReading();
        assertFalse(s.transport.isReading());
        c.transport().write("while paused".getBytes(StandardCharsets.UTF_8));
        Future<Void> later = loop.createFuture();
        loop.callLater(0.1, () -> later.setResult(null));
        loop.runUntilComplete(later);
        assertEquals("", s.text(), "no dataReceived while paused");
        s.transport.resumeReading();
        assertTrue(s.transport.isReading());
        waitUntil(() -> s.data.size() == 12);
        assertEquals("while paused", s.text());
        c.transport().close();
        loop.runUntilComplete(c.protocol().lost);
        closeServer(server);
    }

    /** Port of test_selector_events.py ..._set_write_buffer_limits: asyncio's defaults and checks. */
    @Test
    void testSetWriteBufferLimits() {
        Server server = listenRecording(false);
        Connection<Recorder> c = connect(server);
        Transport t = c.transport();
        assertArrayEquals(new int[] {16 * 1024, 64 * 1024}, t.getWriteBufferLimits());
        t.setWriteBufferLimits(-1, 1024);
        assertArrayEquals(new int[] {1024, 4096}, t.getWriteBufferLimits());
        t.setWriteBufferLimits(8000, -1);
        assertArrayEquals(new int[] {2000, 8000}, t.getWriteBufferLimits());
        assertThrows(IllegalArgumentException.class, () -> t.setWriteBufferLimits(10, 20));
        assertEquals(0, t.getWriteBufferSize());
        t.close();
        loop.runUntilComplete(c.protocol().lost);
        closeServer(server);
    }

    /** Port of test_events.py ... BufferedProtocol: data arrives in the protocol's own buffer. */
    @Test
    void testBufferedProtocol() {
        Server server = listenRecording(true);
        ByteBuffer mine = ByteBuffer.allocate(3); // smaller than the message: several getBuffer calls
        StringBuilder got = new StringBuilder();
        Future<Throwable> lost = loop.createFuture();
        Transport[] client = new Transport[1];
        loop.runUntilComplete(loop.createConnection(() -> new BufferedProtocol() {
            @Override
            public void connectionMade(Transport t) {
                client[0] = t;
            }

            @Override
            public ByteBuffer getBuffer(int sizeHint) {
                return mine.clear();
            }

            @Override
            public void bufferUpdated(int nbytes) {
                mine.flip();
                got.append(StandardCharsets.UTF_8.decode(mine));
            }

            @Override
            public void connectionLost(Throwable exc) {
                lost.setResult(exc);
            }
        }, "127.0.0.1", port(server)));
        client[0].write("buffered hello".getBytes(StandardCharsets.UTF_8));
        waitUntil(() -> got.length() == 14);
        assertEquals("buffered hello", got.toString());
        client[0].close();
        loop.runUntilComplete(lost);
        closeServer(server);
    }

    /** Port of test_server.py BaseStartServer.test_start_server_1... : serve_forever ends when its task is cancelled. */
    @Test
    void testServeForeverCancel() {
        Server server = listenRecording(false);
        Task<Object> serving = loop.createTask(() -> {
            server.serveForever();
            return null;
        });
        runOnce();
        serving.cancel();
        assertThrows(io.jasyncio.CancelledError.class, () -> loop.runUntilComplete(serving));
        assertFalse(server.isServing());
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    /** Many clients at once on one loop, each echoed its own bytes. */
    @Test
    void testManyClients() {
        Server server = listenRecording(true);
        List<Connection<Recorder>> clients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            clients.add(connect(server));
        }
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).transport().write(("client-" + i).getBytes(StandardCharsets.UTF_8));
        }
        waitUntil(() -> clients.stream().allMatch(c -> c.protocol().data.size() >= "client-0".length()));
        for (int i = 0; i < clients.size(); i++) {
            assertEquals("client-" + i, clients.get(i).protocol().text());
            clients.get(i).transport().close();
        }
        for (Connection<Recorder> c : clients) {
            loop.runUntilComplete(c.protocol().lost);
        }
        closeServer(server);
    }

    /** createServer on a closed loop raises asyncio's message. */
    @Test
    void testCreateServerOnClosedLoop() {
        loop.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> loop.createServer(() -> new Recorder(loop), "127.0.0.1", 0));
        assertEquals("Event loop is closed", e.getMessage());
        assertInstanceOf(IllegalStateException.class, e);
    }
}
