/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.BufferedProtocol;
import io.jasyncio.Connection;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Future;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BufferedProtocol}: the transport reads into the buffer {@code getBuffer} returns. Ports of CPython's
 * test_buffered_proto.py, plus the cases asyncio's selector transport defines in {@code _read_ready__get_buffer}
 * (EOF, a failing {@code get_buffer}, pausing inside {@code buffer_updated}). Each runs with a heap and a direct
 * buffer: the native backends read a direct buffer in place and copy once into a heap one.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BufferedProtocolTest extends NetTestBase {
    private static final byte[] NOISE = "12345678+".repeat(1024).getBytes(StandardCharsets.US_ASCII);

    /** asyncio's ReceiveStuffProto: a new 100-byte buffer for each read, its bytes handed on. */
    class ReceiveStuffProto implements BufferedProtocol {
        final IntFunction<ByteBuffer> buffers;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final Future<Throwable> conLost = loop.createFuture();
        ByteBuffer buffer;
        Transport transport;
        int positionBefore;
        boolean eof;

        ReceiveStuffProto(IntFunction<ByteBuffer> buffers) {
            this.buffers = buffers;
        }

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            buffer = buffers.apply(100);
            positionBefore = buffer.position();
            return buffer;
        }

        @Override
        public void bufferUpdated(int nbytes) {
            assertEquals(positionBefore + nbytes, buffer.position(), "the position moved past the bytes");
            byte[] b = new byte[nbytes];
            buffer.get(positionBefore, b);
            data.writeBytes(b);
        }

        @Override
        public boolean eofReceived() {
            eof = true;
            return false;
        }

        @Override
        public void connectionLost(Throwable exc) {
            conLost.setResult(exc);
        }
    }

    /** A server whose connections send {@code payload}, then end their side if {@code eof}. */
    private Server sender(byte[] payload, boolean eof) {
        return listen(() -> new Protocol() {
            @Override
            public void connectionMade(Transport t) {
                t.write(payload);
                if (eof) {
                    t.writeEof();
                }
            }

            @Override
            public void dataReceived(ByteBuffer data) {
            }
        });
    }

    private static IntFunction<ByteBuffer> buffers(String kind) {
        return kind.equals("direct") ? ByteBuffer::allocateDirect : ByteBuffer::allocate;
    }

    private ReceiveStuffProto connect(Server server, ReceiveStuffProto proto) {
        Connection<ReceiveStuffProto> c = loop.runUntilComplete(
                loop.createConnection(() -> proto, "127.0.0.1", port(server)));
        return c.protocol();
    }

    /** Port of test_buffered_proto.py test_buffered_proto_create_connection: 9 KiB in 100-byte buffers, then '1'. */
    @ParameterizedTest
    @ValueSource(strings = {"heap", "direct"})
    void testBufferedProtoCreateConnection(String kind) {
        Future<byte[]> echoed = loop.createFuture();
        Server server = listen(() -> new Protocol() {
            @Override
            public void connectionMade(Transport t) {
                t.write(NOISE);
            }

            @Override
            public void dataReceived(ByteBuffer data) {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                echoed.setResult(b);
            }
        });
        ReceiveStuffProto proto = connect(server, new ReceiveStuffProto(buffers(kind)));
        waitUntil(() -> proto.data.size() == NOISE.length);
        assertArrayEquals(NOISE, proto.data.toByteArray());
        proto.transport.write("1".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[] {'1'}, loop.runUntilComplete(echoed));
        proto.transport.close();
        assertNull(loop.runUntilComplete(proto.conLost));
        closeServer(server);
    }

    /** The bytes land at the buffer's position, not at 0: the protocol may fill one buffer over several reads. */
    @ParameterizedTest
    @ValueSource(strings = {"heap", "direct"})
    void testBufferedProtoFillsFromPosition(String kind) {
        // Room to spare: as asyncio's, the read that finds the end asks for a buffer first, and an empty one is an error.
        ByteBuffer one = buffers(kind).apply(NOISE.length + 7 + 100).position(7);
        Server server = sender(NOISE, true);
        ReceiveStuffProto proto = connect(server, new ReceiveStuffProto(n -> one));
        loop.runUntilComplete(proto.conLost);
        assertEquals(NOISE.length + 7, one.position());
        byte[] landed = new byte[NOISE.length];
        one.get(7, landed);
        assertArrayEquals(NOISE, landed);
        closeServer(server);
    }

    /** asyncio's _read_ready__get_buffer at EOF: the data, then eof_received, then connection_lost(None). */
    @ParameterizedTest
    @ValueSource(strings = {"heap", "direct"})
    void testBufferedProtoEof(String kind) {
        Server server = sender(NOISE, true);
        ReceiveStuffProto proto = connect(server, new ReceiveStuffProto(buffers(kind)));
        assertNull(loop.runUntilComplete(proto.conLost));
        assertTrue(proto.eof);
        assertArrayEquals(NOISE, proto.data.toByteArray());
        closeServer(server);
    }

    /** A get_buffer that throws is asyncio's fatal error: reported, and the connection lost with it. */
    @Test
    void testBufferedProtoGetBufferError() {
        expectExceptions();
        IllegalStateException bug = new IllegalStateException("no buffer");
        Server server = sender(NOISE, false);
        ReceiveStuffProto proto = connect(server, new ReceiveStuffProto(n -> {
            throw bug;
        }));
        assertSame(bug, loop.runUntilComplete(proto.conLost));
        assertEquals(1, handled.size());
        assertEquals("Fatal error: protocol.get_buffer() call failed.", handled.get(0).message());
        assertSame(bug, handled.get(0).exception());
        assertSame(proto, handled.get(0).get(ExceptionContext.PROTOCOL));
        closeServer(server);
    }

    /** A protocol that pauses reading inside buffer_updated gets the rest, in order, once it resumes. */
    @ParameterizedTest
    @ValueSource(strings = {"heap", "direct"})
    void testBufferedProtoPauseInBufferUpdated(String kind) {
        Server server = sender(NOISE, true);
        ReceiveStuffProto proto = new ReceiveStuffProto(buffers(kind)) {
            @Override
            public void bufferUpdated(int nbytes) {
                super.bufferUpdated(nbytes);
                transport.pauseReading();
                loop.callLater(0.001, transport::resumeReading);
            }
        };
        connect(server, proto);
        assertNull(loop.runUntilComplete(proto.conLost));
        assertArrayEquals(NOISE, proto.data.toByteArray());
        closeServer(server);
    }
}
