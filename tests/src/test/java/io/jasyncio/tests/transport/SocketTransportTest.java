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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.BufferedProtocol;
import io.jasyncio.Connection;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The socket transport's contract over real loopback connections: ports of CPython's test_selector_events.py
 * SelectorTransportTests and SelectorSocketTransportTests (write buffering, write_eof, pause/resume reading,
 * close/abort, writes after close) and of test_transports.py's flow-control tests, and the failure cases of each
 * protocol callback.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketTransportTest extends NetTestBase {

    /** io_uring completes a write in a later poll: until then its bytes count in the write buffer. */
    private static boolean writesCompleteLater() {
        return "io_uring".equals(System.getProperty("jasyncio.transport"));
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_write: the bytes reach the peer. */
    @Test
    void testWrite() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        c.transport().write(bytes("data"));
        assertEquals(4, c.transport().getWriteBufferSize(), "written while the loop is stopped: it waits for a run");
        runOnce();
        if (writesCompleteLater()) {
            waitUntil(() -> c.transport().getWriteBufferSize() == 0);
        }
        assertEquals(0, c.transport().getWriteBufferSize(), "the socket took it at once");
        Transport[] inLoop = new Transport[1];
        loop.callSoon(() -> {
            c.transport().write(bytes("more"));
            if (!writesCompleteLater()) {
                assertEquals(0, c.transport().getWriteBufferSize(), "on the loop, the socket takes it inside write()");
            }
            inLoop[0] = c.transport();
        });
        runOnce();
        assertSame(c.transport(), inLoop[0]);
        Recorder s = accepted(0);
        waitUntil(() -> s.data.size() == 8);
        assertEquals("datamore", s.text());
        closeClient(c);
        closeServer(srv);
    }

    /**
     * Port of test_selector_events.py SelectorSocketTransportTests.test_write_bytearray / test_write_memoryview: the
     * caller's array and buffer are copied, not kept; the buffer's position does not move.
     */
    @Test
    void testWriteBytearray() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        byte[] data = bytes("data");
        c.transport().write(data);
        data[0] = 'X'; // mutating after write changes nothing
        ByteBuffer view = ByteBuffer.wrap(bytes("--view--"), 2, 4);
        c.transport().write(view);
        assertEquals(2, view.position());
        assertEquals(6, view.limit());
        Recorder s = accepted(0);
        waitUntil(() -> s.data.size() == 8);
        assertEquals("dataview", s.text());
        closeClient(c);
        closeServer(srv);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_write_no_data: an empty write is nothing. */
    @Test
    void testWriteNoData() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = stingyPeer(srv)) {
            Transport t = accepted(0).transport;
            fill(t);
            long before = t.getWriteBufferSize();
            t.write(new byte[0]);
            t.write(ByteBuffer.allocate(0));
            assertEquals(before, t.getWriteBufferSize());
        }
        closeServer(srv);
    }

    /**
     * Port of test_selector_events.py SelectorSocketTransportTests.test_write_buffer / test_write_tryagain: when the
     * socket takes nothing more, writes are buffered, counted to the byte, and sent in order once the peer reads.
     */
    @Test
    void testWriteBuffer() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = stingyPeer(srv)) {
            Transport t = accepted(0).transport;
            long written = fill(t);
            long before = t.getWriteBufferSize();
            t.write(bytes("data1"));
            assertEquals(before + 5, t.getWriteBufferSize());
            t.write(bytes("data2"));
            assertEquals(before + 10, t.getWriteBufferSize());
            CompletableFuture<byte[]> got = readOnThread(peer, written + 10);
            waitUntil(got::isDone);
            byte[] all = got.get();
            assertEquals(written + 10, all.length);
            assertEquals("data1data2", new String(all, all.length - 10, 10, StandardCharsets.UTF_8));
            waitUntil(() -> t.getWriteBufferSize() == 0);
        }
        closeServer(srv);
    }

    /**
     * Port of test_selector_events.py SelectorSocketTransportTests.test_write_closing and test_write_exception: after
     * close() writes are dropped without error, and from the fifth on asyncio's warning is logged.
     */
    @Test
    void testWriteClosing() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        PrintStream savedErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            c.transport().close();
            for (int i = 0; i < 4; i++) {
                c.transport().write(bytes("data"));
            }
            assertFalse(log.toString(StandardCharsets.UTF_8).contains("socket.send() raised exception."));
            c.transport().write(bytes("data"));
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("socket.send() raised exception."));
        } finally {
            System.setErr(savedErr);
        }
        loop.runUntilComplete(c.protocol().lost);
        Recorder s = accepted(0);
        waitUntil(() -> "CLOSED".equals(s.state));
        assertEquals("", s.text());
        closeServer(srv);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_write_eof: one shutdown, the peer's EOF. */
    @Test
    void testWriteEof() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        s.keepOpenOnEof = true;
        assertTrue(c.transport().canWriteEof());
        c.transport().writeEof();
        c.transport().writeEof(); // a second call does nothing
        waitUntil(() -> "EOF".equals(s.state));
        assertEquals(List.of("made", "eof"), s.calls);
        s.transport.write(bytes("still open"));
        waitUntil(() -> c.protocol().data.size() == 10);
        assertEquals("still open", c.protocol().text(), "the half-closed connection still reads");
        closeClient(c);
        closeServer(srv);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_write_eof_buffer: EOF after the data. */
    @Test
    void testWriteEofBuffer() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = stingyPeer(srv)) {
            Transport t = accepted(0).transport;
            long written = fill(t);
            t.write(bytes("data"));
            t.writeEof();
            assertTrue(t.getWriteBufferSize() > 0, "the buffered data waits, and the EOF behind it");
            CompletableFuture<byte[]> all = readOnThread(peer, Long.MAX_VALUE); // reads to EOF
            waitUntil(all::isDone);
            byte[] got = all.get();
            assertEquals(written + 4, got.length, "everything, then EOF");
            assertEquals("data", new String(got, got.length - 4, 4, StandardCharsets.UTF_8));
        }
        closeServer(srv);
    }

    /** asyncio's _SelectorSocketTransport.write: writing after write_eof() is a RuntimeError. */
    @Test
    void testWriteAfterWriteEof() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        c.transport().writeEof();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> c.transport().write(bytes("late")));
        assertEquals("Cannot call write() after write_eof()", e.getMessage());
        closeClient(c);
        closeServer(srv);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_pause_resume_reading (3.12: idempotent). */
    @Test
    void testPauseResumeReadingIdempotent() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Transport t = c.transport();
        assertTrue(t.isReading());
        t.pauseReading();
        assertFalse(t.isReading());
        t.pauseReading();
        assertFalse(t.isReading());
        t.resumeReading();
        assertTrue(t.isReading());
        t.resumeReading();
        assertTrue(t.isReading());
        closeClient(c);
        closeServer(srv);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_pause_reading_connection_made. */
    @Test
    void testPauseReadingConnectionMade() {
        Server srv = listen(() -> {
            Recorder r = new Recorder(loop) {
                @Override
                public void connectionMade(Transport t) {
                    super.connectionMade(t);
                    t.pauseReading();
                }
            };
            serverSide.add(r);
            return r;
        });
        Connection<Recorder> c = connect(srv);
        c.transport().write(bytes("hello"));
        Recorder s = accepted(0);
        sleep(0.05);
        assertEquals("", s.text(), "paused from connectionMade on");
        assertFalse(s.transport.isReading());
        s.transport.resumeReading();
        waitUntil(() -> s.data.size() == 5);
        closeClient(c);
        closeServer(srv);
    }

    /** While paused, the peer's data and EOF wait; on resume they come in order, then connectionLost. */
    @Test
    void testPeerClosesWhilePaused() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        s.transport.pauseReading();
        c.transport().write(bytes("last words"));
        closeClient(c);
        sleep(0.05);
        assertEquals(List.of("made"), s.calls, "nothing while paused");
        s.transport.resumeReading();
        loop.runUntilComplete(s.lost);
        assertEquals(List.of("made", "data", "eof", "lost"), s.calls);
        assertEquals("last words", s.text());
        closeServer(srv);
    }

    /** close() while paused with data held back: the data is dropped and connectionLost still comes, once. */
    @Test
    void testCloseWhilePausedWithHeldBackData() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        s.transport.pauseReading();
        c.transport().write(bytes("unread"));
        closeClient(c);
        sleep(0.05);
        s.transport.close();
        loop.runUntilComplete(s.lost);
        assertEquals(List.of("made", "lost"), s.calls);
        s.transport.resumeReading(); // closing: does nothing
        runOnce();
        assertEquals(List.of("made", "lost"), s.calls);
        closeServer(srv);
    }

    /** asyncio removes the reader in close(): data that arrives after close() is not delivered. */
    @Test
    void testNoDataAfterClose() {
        Server srv = listen(() -> {
            Recorder r = new Recorder(loop) {
                @Override
                public void dataReceived(ByteBuffer bytes) {
                    super.dataReceived(bytes);
                    transport.close(); // the first chunk closes
                }
            };
            serverSide.add(r);
            return r;
        });
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        c.transport().write(bytes("first"));
        waitUntil(() -> s.transport.isClosing());
        c.transport().write(bytes("second"));
        loop.runUntilComplete(s.lost);
        assertEquals("first", s.text());
        assertEquals(List.of("made", "data", "lost"), s.calls);
        loop.runUntilComplete(c.protocol().lost);
        closeServer(srv);
    }

    /** Port of test_selector_events.py SelectorTransportTests.test_close: a second close does nothing. */
    @Test
    void testCloseTwice() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        c.transport().close();
        assertTrue(c.transport().isClosing());
        c.transport().close();
        c.transport().abort();
        loop.runUntilComplete(c.protocol().lost);
        sleep(0.02);
        assertEquals(List.of("made", "lost"), c.protocol().calls, "connectionLost once");
        assertNull(c.protocol().lost.result());
        closeServer(srv);
    }

    /**
     * Port of test_selector_events.py SelectorTransportTests.test_close_write_buffer: close with buffered data waits
     * for the buffer to drain before connectionLost.
     */
    @Test
    void testCloseWriteBuffer() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = stingyPeer(srv)) {
            Recorder s = accepted(0);
            long written = fill(s.transport);
            s.transport.close();
            assertTrue(s.transport.isClosing());
            sleep(0.05);
            assertFalse(s.lost.done(), "not before the buffer is flushed");
            CompletableFuture<byte[]> all = readOnThread(peer, Long.MAX_VALUE);
            loop.runUntilComplete(s.lost);
            assertNull(s.lost.result());
            waitUntil(all::isDone);
            assertEquals(written, all.get().length, "everything was flushed before the close");
        }
        closeServer(srv);
    }

    /**
     * Port of test_selector_events.py SelectorTransportTests.test_force_close: abort drops the buffer and ends the
     * connection at once.
     */
    @Test
    void testForceClose() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = stingyPeer(srv)) {
            Recorder s = accepted(0);
            fill(s.transport);
            s.transport.abort();
            assertTrue(s.transport.isClosing());
            loop.runUntilComplete(s.lost);
            assertNull(s.lost.result(), "abort: connectionLost(None)");
            assertEquals(0, s.transport.getWriteBufferSize());
        }
        closeServer(srv);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_read_ready_eof: EOF closes by default. */
    @Test
    void testReadReadyEof() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        c.transport().writeEof();
        loop.runUntilComplete(s.lost);
        assertEquals(List.of("made", "eof", "lost"), s.calls);
        assertNull(s.lost.result());
        loop.runUntilComplete(c.protocol().lost);
        closeServer(srv);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_read_eof_received_error. */
    @Test
    void testReadEofReceivedError() {
        expectExceptions();
        RuntimeException bug = new RuntimeException("eof bug");
        Server srv = listen(() -> {
            Recorder r = new Recorder(loop) {
                @Override
                public boolean eofReceived() {
                    super.eofReceived();
                    throw bug;
                }
            };
            serverSide.add(r);
            return r;
        });
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        c.transport().writeEof();
        loop.runUntilComplete(s.lost);
        assertSame(bug, s.lost.result());
        assertEquals(1, handled.size());
        assertEquals("Fatal error: protocol.eof_received() call failed.", handled.get(0).message());
        assertSame(s.transport, handled.get(0).get(ExceptionContext.TRANSPORT));
        assertSame(s, handled.get(0).get(ExceptionContext.PROTOCOL));
        loop.runUntilComplete(c.protocol().lost);
        closeServer(srv);
    }

    /** Port of test_selector_events.py SelectorSocketTransportTests.test_data_received_error: aborted, reported. */
    @Test
    void testDataReceivedError() {
        expectExceptions();
        Server srv = listen(() -> {
            Recorder r = new Recorder(loop) {
                @Override
                public void dataReceived(ByteBuffer bytes) {
                    throw new IllegalArgumentException("bad data");
                }
            };
            serverSide.add(r);
            return r;
        });
        Connection<Recorder> c = connect(srv);
        c.transport().write(bytes("x"));
        Recorder s = accepted(0);
        loop.runUntilComplete(s.lost);
        assertInstanceOf(IllegalArgumentException.class, s.lost.result());
        assertEquals("Fatal error: protocol.data_received() call failed.", handled.get(0).message());
        loop.runUntilComplete(c.protocol().lost);
        closeServer(srv);
    }

    /** A connectionMade that throws: reported with the transport and protocol, the connection aborted. */
    @Test
    void testConnectionMadeError() {
        expectExceptions();
        Server srv = listen(() -> new Recorder(loop) {
            @Override
            public void connectionMade(Transport t) {
                throw new IllegalStateException("made bug");
            }
        });
        Connection<Recorder> c = connect(srv);
        loop.runUntilComplete(c.protocol().lost);
        waitUntil(() -> !handled.isEmpty());
        assertEquals("Fatal error: protocol.connection_made() call failed.", handled.get(0).message());
        assertInstanceOf(Transport.class, handled.get(0).get(ExceptionContext.TRANSPORT));
        closeServer(srv);
    }

    /** A connectionLost that throws is reported; the server still sees the connection gone. */
    @Test
    void testConnectionLostError() {
        expectExceptions();
        Server srv = listen(() -> new Recorder(loop) {
            @Override
            public void connectionLost(Throwable exc) {
                super.connectionLost(exc);
                throw new IllegalStateException("lost bug");
            }
        });
        Connection<Recorder> c = connect(srv);
        closeClient(c);
        srv.close();
        loop.runUntilComplete(() -> {
            srv.waitClosed();
            return null;
        });
        assertEquals(1, handled.size());
        assertEquals("Fatal error: protocol.connection_lost() call failed.", handled.get(0).message());
    }

    /** asyncio's _read_ready__get_buffer: a getBuffer that throws, or gives an empty buffer, is fatal. */
    @Test
    void testGetBufferError() {
        expectExceptions();
        List<Throwable> lost = new ArrayList<>();
        Server srv = listen(() -> new BufferedProtocol() {
            private int calls;

            @Override
            public ByteBuffer getBuffer(int sizeHint) {
                return calls++ == 0 ? ByteBuffer.allocate(0) : null;
            }

            @Override
            public void bufferUpdated(int nbytes) {
            }

            @Override
            public void connectionLost(Throwable exc) {
                lost.add(exc);
            }
        });
        Connection<Recorder> c = connect(srv);
        c.transport().write(bytes("data"));
        loop.runUntilComplete(c.protocol().lost);
        waitUntil(() -> lost.size() == 1);
        assertEquals("Fatal error: protocol.get_buffer() call failed.", handled.get(0).message());
        assertEquals("get_buffer() returned an empty buffer", lost.get(0).getMessage());
        closeServer(srv);
    }

    /** asyncio's _read_ready__get_buffer: a bufferUpdated that throws is fatal, with its own message. */
    @Test
    void testBufferUpdatedError() {
        expectExceptions();
        Server srv = listen(() -> new BufferedProtocol() {
            @Override
            public ByteBuffer getBuffer(int sizeHint) {
                return ByteBuffer.allocate(16);
            }

            @Override
            public void bufferUpdated(int nbytes) {
                throw new IllegalStateException("updated bug");
            }
        });
        Connection<Recorder> c = connect(srv);
        c.transport().write(bytes("data"));
        loop.runUntilComplete(c.protocol().lost);
        waitUntil(() -> !handled.isEmpty());
        assertEquals("Fatal error: protocol.buffer_updated() call failed.", handled.get(0).message());
        closeServer(srv);
    }

    /** A BufferedProtocol that pauses reading inside bufferUpdated gets the rest of the chunk only on resume. */
    @Test
    void testBufferedProtocolPausesMidChunk() {
        ByteBuffer small = ByteBuffer.allocate(4);
        StringBuilder got = new StringBuilder();
        Transport[] server = new Transport[1];
        Server srv = listen(() -> new BufferedProtocol() {
            @Override
            public void connectionMade(Transport t) {
                server[0] = t;
            }

            @Override
            public ByteBuffer getBuffer(int sizeHint) {
                return small.clear();
            }

            @Override
            public void bufferUpdated(int nbytes) {
                got.append(new String(small.array(), 0, nbytes, StandardCharsets.UTF_8));
                server[0].pauseReading();
            }
        });
        Connection<Recorder> c = connect(srv);
        c.transport().write(bytes("abcdefghij"));
        waitUntil(() -> got.length() >= 4);
        sleep(0.03);
        assertEquals("abcd", got.toString(), "paused after the first buffer");
        server[0].resumeReading();
        // As asyncio's: the rest comes with the next read (from what Netty holds, or from the socket, which the
        // transport reads into the protocol's buffer), one buffer per resume.
        waitUntil(() -> got.length() >= 8);
        sleep(0.03);
        assertEquals("abcdefgh", got.toString(), "one buffer per resume");
        server[0].resumeReading();
        waitUntil(() -> got.length() == 10);
        assertEquals("abcdefghij", got.toString());
        closeClient(c);
        closeServer(srv);
    }

    /** Port of test_selector_events.py set_protocol: the next data goes to the new protocol, Buffered or not. */
    @Test
    void testSetProtocol() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        c.transport().write(bytes("one"));
        waitUntil(() -> s.data.size() == 3);
        StringBuilder second = new StringBuilder();
        ByteBuffer buf = ByteBuffer.allocate(64);
        s.transport.setProtocol(new BufferedProtocol() {
            @Override
            public ByteBuffer getBuffer(int sizeHint) {
                return buf.clear();
            }

            @Override
            public void bufferUpdated(int nbytes) {
                second.append(new String(buf.array(), 0, nbytes, StandardCharsets.UTF_8));
            }
        });
        assertInstanceOf(BufferedProtocol.class, s.transport.getProtocol());
        c.transport().write(bytes("two"));
        waitUntil(() -> second.length() == 3);
        assertEquals("one", s.text());
        assertEquals("two", second.toString());
        closeClient(c);
        closeServer(srv);
    }

    /** Port of test_transports.py test_flowcontrol_mixin_set_write_limits: limits 0/0 pause on any buffered byte. */
    @Test
    void testSetWriteBufferLimitsZero() throws Exception {
        List<String> flow = new ArrayList<>();
        Transport[] server = new Transport[1];
        Server srv = listen(() -> new Protocol() {
            @Override
            public void connectionMade(Transport t) {
                server[0] = t;
                t.setWriteBufferLimits(0, 0);
            }

            @Override
            public void dataReceived(ByteBuffer data) {
            }

            @Override
            public void pauseWriting() {
                flow.add("pause " + server[0].getWriteBufferSize());
            }

            @Override
            public void resumeWriting() {
                flow.add("resume " + server[0].getWriteBufferSize());
            }
        });
        try (Socket peer = stingyPeer(srv)) {
            waitUntil(() -> server[0] != null);
            assertArrayEquals(new int[] {0, 0}, server[0].getWriteBufferLimits());
            long written = 0;
            while (flow.isEmpty()) {
                server[0].write(new byte[65536]);
                written += 65536;
                runOnce();
            }
            assertTrue(flow.get(0).startsWith("pause "), flow.toString());
            CompletableFuture<byte[]> all = readOnThread(peer, written);
            waitUntil(() -> flow.size() == 2);
            assertEquals("resume 0", flow.get(1), "resumed only when empty");
            waitUntil(all::isDone);
        }
        closeServer(srv);
    }

    /**
     * Lowering the limits below what is buffered pauses at once (asyncio's set_write_buffer_limits calls
     * _maybe_pause_protocol), and resumeWriting follows once the buffer drains.
     */
    @Test
    void testSetWriteBufferLimitsPausesAtOnce() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = stingyPeer(srv)) {
            Recorder s = accepted(0);
            List<String> flow = s.flow;
            Transport t = s.transport;
            t.setWriteBufferLimits(64 * 1024 * 1024, -1); // never pauses while filling
            long written = fill(t);
            for (int i = 0; i < 4; i++) {
                t.write(new byte[65536]);
                written += 65536;
            }
            assertEquals(List.of(), flow);
            t.setWriteBufferLimits(1024, 512);
            assertEquals(List.of("pause"), flow, "paused inside setWriteBufferLimits");
            CompletableFuture<byte[]> all = readOnThread(peer, written);
            waitUntil(() -> flow.size() == 2);
            assertEquals(List.of("pause", "resume"), flow);
            assertTrue(t.getWriteBufferSize() <= 512);
            waitUntil(all::isDone);
        }
        closeServer(srv);
    }

    /** A pauseWriting or resumeWriting that throws is reported (asyncio's messages); the connection carries on. */
    @Test
    void testPauseResumeWritingErrors() throws Exception {
        expectExceptions();
        Transport[] server = new Transport[1];
        Server srv = listen(() -> new Protocol() {
            @Override
            public void connectionMade(Transport t) {
                server[0] = t;
            }

            @Override
            public void dataReceived(ByteBuffer data) {
            }

            @Override
            public void pauseWriting() {
                throw new IllegalStateException("pause bug");
            }

            @Override
            public void resumeWriting() {
                throw new IllegalStateException("resume bug");
            }
        });
        try (Socket peer = stingyPeer(srv)) {
            waitUntil(() -> server[0] != null);
            long written = 0;
            while (handled.isEmpty()) {
                server[0].write(new byte[65536]);
                written += 65536;
                runOnce();
            }
            assertEquals("protocol.pause_writing() failed", handled.get(0).message());
            assertSame(server[0], handled.get(0).get(ExceptionContext.TRANSPORT));
            CompletableFuture<byte[]> all = readOnThread(peer, written);
            waitUntil(() -> handled.size() == 2);
            assertEquals("protocol.resume_writing() failed", handled.get(1).message());
            waitUntil(all::isDone);
            assertEquals(written, all.get().length);
            assertFalse(server[0].isClosing(), "the connection carries on");
        }
        closeServer(srv);
    }

    /** A peer that resets while we write: connectionLost(error), no exception-handler call, others unaffected. */
    @Test
    void testPeerResetWhileWriting() throws Exception {
        Server srv = listenRecording();
        Connection<Recorder> other = connect(srv);
        Recorder s;
        try (Socket peer = stingyPeer(srv)) {
            s = accepted(1);
            fill(s.transport);
            peer.setSoLinger(true, 0);
        }
        loop.runUntilComplete(s.lost);
        // A reset peer: connectionLost hears asyncio's ConnectionResetError (a BrokenPipeError if a write met it)
        assertInstanceOf(io.jasyncio.ConnectionError.class, s.lost.result());
        other.transport().write(bytes("still here"));
        Recorder first = accepted(0);
        waitUntil(() -> first.data.size() == 10);
        closeClient(other);
        closeServer(srv);
    }
}
