/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Server;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A write outside a read, with nothing queued, goes to the socket at once (asyncio's {@code sock.send} before
 * buffering): from a direct buffer on epoll, NIO and io_uring (whose accepted sockets are made non-blocking for it)
 * it is sent without a copy, from a heap one through the loop's scratch buffer (no pooled buffer). Whatever the path,
 * the peer gets every byte in the order written, what the socket did not take is buffered (and counted), and the
 * caller's buffer is not moved.
 * Sockets made elsewhere and adopted ({@code sock=}, {@code connect_accepted_socket}) send at once as well.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ImmediateSendTest extends NetTestBase {

    /** A blocking client of the server, whose reads give up after 10 seconds. */
    private static Socket peer(Server srv) throws java.io.IOException {
        Socket peer = new Socket("127.0.0.1", port(srv));
        peer.setSoTimeout(10_000);
        return peer;
    }

    /** Writes on the loop, as a task's write is, and returns what the transport kept buffered. */
    private long writeOnTheLoop(io.jasyncio.Transport t, ByteBuffer data) {
        return run(() -> {
            t.write(data);
            return t.getWriteBufferSize();
        });
    }

    private static ByteBuffer direct(byte[] content) {
        return ByteBuffer.allocateDirect(content.length).put(content).flip();
    }

    private static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    /** On an idle connection the whole direct buffer is sent at once: nothing is left buffered. */
    @Test
    void testDirectWriteOnAnIdleConnection() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = peer(srv)) {
            Recorder s = accepted(0);
            byte[] content = pattern(1000, 1);
            ByteBuffer data = direct(content);
            data.position(10);
            long left = writeOnTheLoop(s.transport, data);
            assertEquals(10, data.position(), "the caller's position stays");
            assertEquals(0, left, "all of it taken by the socket (on io_uring too: not a ring write in flight)");
            CompletableFuture<byte[]> got = readOnThread(peer, 990);
            waitUntil(got::isDone);
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 10, 1000), got.get());
        }
        closeServer(srv);
    }

    /**
     * A peer that does not read: a large direct write is taken in part, the rest is buffered and counted, and once
     * the peer reads, every byte arrives in order, behind the earlier write and ahead of the later one.
     */
    @Test
    void testPartialSendKeepsTheOrder() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = stingyPeer(srv)) {
            Recorder s = accepted(0);
            byte[] first = pattern(1000, 2);
            byte[] big = pattern(4 << 20, 3);
            byte[] last = pattern(1000, 4);
            ByteBuffer bigBuffer = direct(big);
            long buffered = run(() -> { // on the loop, as a task's writes are
                s.transport.write(first); // a heap buffer: copied and sent
                s.transport.write(bigBuffer);
                long left = s.transport.getWriteBufferSize();
                s.transport.write(direct(last)); // bytes are queued: this one waits its turn
                return left;
            });
            assertEquals(0, bigBuffer.position());
            assertTrue(buffered > 0, "the peer does not read: " + buffered);
            assertTrue(buffered < big.length, "taken in part: " + buffered);
            CompletableFuture<byte[]> got = readOnThread(peer, first.length + big.length + last.length);
            waitUntil(got::isDone);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.writeBytes(first);
            expected.writeBytes(big);
            expected.writeBytes(last);
            assertArrayEquals(expected.toByteArray(), got.get());
        }
        closeServer(srv);
    }

    /** Over TLS a direct buffer is encrypted like any other: it never goes to the socket as it is. */
    @Test
    void testDirectWriteOverTlsIsEncrypted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path keys)
            throws Exception {
        TestCertificates certificates = TestCertificates.make(keys);
        javax.net.ssl.SSLContext serverContext = certificates.server();
        javax.net.ssl.SSLContext clientContext = certificates.client();
        Server srv = loop.runUntilComplete(loop.createServer(() -> {
            Recorder r = new Recorder(loop);
            serverSide.add(r);
            return r;
        }, "127.0.0.1", 0, io.jasyncio.ServerOptions.defaults().withSsl(serverContext)));
        io.jasyncio.Connection<Recorder> c = loop.runUntilComplete(loop.createConnection(() -> new Recorder(loop),
                "127.0.0.1", port(srv), io.jasyncio.ConnectionOptions.defaults().withSsl(clientContext)
                        .withServerHostname("localhost")));
        Recorder s = accepted(0);
        byte[] content = pattern(5000, 5);
        loop.callSoon(() -> s.transport.write(direct(content)));
        Recorder client = c.protocol();
        waitUntil(() -> client.data.size() >= content.length);
        assertArrayEquals(content, client.data.toByteArray());
        closeClient(c);
        closeServer(srv);
    }

    /** A heap buffer on an idle connection is sent at once as well, from its position, which stays. */
    @Test
    void testHeapWriteOnAnIdleConnection() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = peer(srv)) {
            Recorder s = accepted(0);
            byte[] content = pattern(1000, 6);
            ByteBuffer data = ByteBuffer.wrap(content).position(10).limit(900);
            long left = writeOnTheLoop(s.transport, data);
            assertEquals(10, data.position(), "the caller's position stays");
            assertEquals(900, data.limit(), "the caller's limit stays");
            assertEquals(0, left, "all of it taken by the socket");
            CompletableFuture<byte[]> got = readOnThread(peer, 890);
            waitUntil(got::isDone);
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 10, 900), got.get());
        }
        closeServer(srv);
    }

    /**
     * A large heap write to a peer that does not read: the socket takes part of it through the scratch buffer, the
     * rest is queued, and a later heap and direct write arrive behind it, every byte in order.
     */
    @Test
    void testHeapPartialSendKeepsTheOrder() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = stingyPeer(srv)) {
            Recorder s = accepted(0);
            byte[] big = pattern(3 << 20, 7);
            byte[] next = pattern(70_000, 8); // more than one scratch chunk
            byte[] last = pattern(1000, 9);
            ByteBuffer bigBuffer = ByteBuffer.wrap(big);
            long buffered = run(() -> {
                s.transport.write(bigBuffer);
                long left = s.transport.getWriteBufferSize();
                s.transport.write(next);
                s.transport.write(direct(last));
                return left;
            });
            assertEquals(0, bigBuffer.position());
            assertEquals(big.length, bigBuffer.limit());
            assertTrue(buffered > 0, "the peer does not read: " + buffered);
            assertTrue(buffered < big.length, "taken in part: " + buffered);
            CompletableFuture<byte[]> got = readOnThread(peer, big.length + next.length + last.length);
            waitUntil(got::isDone);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.writeBytes(big);
            expected.writeBytes(next);
            expected.writeBytes(last);
            assertArrayEquals(expected.toByteArray(), got.get());
        }
        closeServer(srv);
    }

    /**
     * {@code write(byte[])} takes its own path, with no buffer made for the array: on an idle connection it is sent at
     * once, and the array is the caller's again as soon as the call returns.
     */
    @Test
    void testArrayWriteOnAnIdleConnection() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = new Socket("127.0.0.1", port(srv))) {
            peer.setSoTimeout(10_000);
            Recorder s = accepted(0);
            byte[] content = pattern(1000, 10);
            byte[] data = content.clone();
            long left = run(() -> {
                s.transport.write(data);
                java.util.Arrays.fill(data, (byte) 0); // the caller reuses its array at once
                return s.transport.getWriteBufferSize();
            });
            assertEquals(0, left, "all of it taken by the socket");
            CompletableFuture<byte[]> got = readOnThread(peer, 1000);
            waitUntil(got::isDone);
            assertArrayEquals(content, got.get());
        }
        closeServer(srv);
    }

    /**
     * A large array to a peer that does not read: the socket takes part of it, the rest is queued as a copy (the
     * caller's array changed after the call does not change what is sent), and later writes arrive behind it.
     */
    @Test
    void testArrayPartialSendKeepsTheOrder() throws Exception {
        Server srv = listenRecording();
        try (Socket peer = stingyPeer(srv)) {
            Recorder s = accepted(0);
            byte[] big = pattern(3 << 20, 11);
            byte[] next = pattern(70_000, 12);
            byte[] bigWritten = big.clone();
            byte[] nextWritten = next.clone();
            long buffered = run(() -> {
                s.transport.write(bigWritten);
                long left = s.transport.getWriteBufferSize();
                s.transport.write(nextWritten);
                java.util.Arrays.fill(bigWritten, (byte) 1);
                java.util.Arrays.fill(nextWritten, (byte) 2);
                return left;
            });
            assertTrue(buffered > 0, "the peer does not read: " + buffered);
            assertTrue(buffered < big.length, "taken in part: " + buffered);
            CompletableFuture<byte[]> got = readOnThread(peer, big.length + next.length);
            waitUntil(got::isDone);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.writeBytes(big);
            expected.writeBytes(next);
            assertArrayEquals(expected.toByteArray(), got.get());
        }
        closeServer(srv);
    }

    /**
     * A client connection's writes: heap, direct and large writes reach the server whole and in order, the buffers
     * unmoved.
     */
    @Test
    void testClientWritesArriveInOrder() throws Exception {
        Server srv = listenRecording();
        io.jasyncio.Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        byte[] a = pattern(1000, 10);
        byte[] b = pattern(5000, 11);
        byte[] big = pattern(1 << 20, 12);
        byte[] d = pattern(300, 13);
        ByteBuffer heap = ByteBuffer.wrap(a);
        ByteBuffer off = direct(b);
        run(() -> {
            c.transport().write(heap);
            c.transport().write(off);
            c.transport().write(big);
            c.transport().write(direct(d));
            return null;
        });
        assertEquals(0, heap.position());
        assertEquals(0, off.position());
        int total = a.length + b.length + big.length + d.length;
        waitUntil(() -> s.data.size() >= total);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(a);
        expected.writeBytes(b);
        expected.writeBytes(big);
        expected.writeBytes(d);
        assertArrayEquals(expected.toByteArray(), s.data.toByteArray());
        closeClient(c);
        closeServer(srv);
    }

    /**
     * A write to a peer that reset the connection: the immediate send fails, and the failure still reaches
     * connectionLost, once, with the error (from the write or from the read that sees the reset first).
     */
    @Test
    void testWriteToAResetPeerReportsConnectionLost() throws Exception {
        Server srv = listenRecording();
        io.jasyncio.Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        run(() -> {
            s.transport.pauseReading();
            return null;
        });
        Recorder client = c.protocol();
        client.transport.abort(); // RST: the server's side learns of it on its next send or read
        loop.runUntilComplete(client.lost);
        byte[] heap = pattern(200_000, 14);
        run(() -> {
            s.transport.write(heap);
            s.transport.write(direct(pattern(1000, 15)));
            return null;
        });
        Throwable exc = loop.runUntilComplete(s.lost);
        org.junit.jupiter.api.Assertions.assertInstanceOf(io.jasyncio.OSError.class, exc, String.valueOf(exc));
        assertEquals(1, s.calls.stream().filter("lost"::equals).count());
        closeServer(srv);
    }

    // ---- sockets made elsewhere (asyncio's sock argument): on NIO, JDK channels, sent at once as the loop's own

    private void assumeNio() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.jasyncio.transport.Transports.of(loop) == io.jasyncio.transport.TransportKind.NIO,
                "JDK channels are adopted on NIO");
    }

    /** A connection that a server made from an adopted listening channel accepts sends at once. */
    @Test
    void testAdoptedServerSocketsConnectionsSendAtOnce() throws Exception {
        assumeNio();
        ServerSocketChannel listening = ServerSocketChannel.open();
        listening.bind(new InetSocketAddress("127.0.0.1", 0));
        Server srv = loop.runUntilComplete(loop.createServer(() -> {
            Recorder r = new Recorder(loop);
            serverSide.add(r);
            return r;
        }, null, 0, io.jasyncio.ServerOptions.defaults().withSock(io.jasyncio.Sock.of(listening))));
        try (Socket peer = peer(srv)) {
            Recorder s = accepted(0);
            byte[] content = pattern(1000, 16);
            assertEquals(0, writeOnTheLoop(s.transport, ByteBuffer.wrap(content)), "all of it taken by the socket");
            CompletableFuture<byte[]> got = readOnThread(peer, content.length);
            waitUntil(got::isDone);
            assertArrayEquals(content, got.get());
        }
        closeServer(srv);
    }

    /** A connection made from an adopted connected channel ({@code create_connection(sock=)}) sends at once. */
    @Test
    void testAdoptedConnectionSendsAtOnce() throws Exception {
        assumeNio();
        Server srv = listenRecording();
        SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port(srv)));
        io.jasyncio.Connection<Recorder> c = loop.runUntilComplete(loop.createConnection(() -> new Recorder(loop),
                null, 0, io.jasyncio.ConnectionOptions.defaults().withSock(io.jasyncio.Sock.of(ch))));
        Recorder s = accepted(0);
        byte[] content = pattern(1000, 17);
        assertEquals(0, writeOnTheLoop(c.transport(), direct(content)), "all of it taken by the socket");
        waitUntil(() -> s.data.size() == content.length);
        assertArrayEquals(content, s.data.toByteArray());
        closeClient(c);
        closeServer(srv);
    }

    /** A connection accepted elsewhere and handed over ({@code connect_accepted_socket}) sends at once. */
    @Test
    void testConnectAcceptedSocketSendsAtOnce() throws Exception {
        assumeNio();
        try (ServerSocketChannel listening = ServerSocketChannel.open()) {
            listening.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) listening.getLocalAddress()).getPort();
            try (Socket peer = new Socket("127.0.0.1", port)) {
                peer.setSoTimeout(10_000);
                SocketChannel accepted = listening.accept();
                Recorder proto = new Recorder(loop);
                loop.runUntilComplete(loop.connectAcceptedSocket(() -> proto, io.jasyncio.Sock.of(accepted),
                        io.jasyncio.ConnectionOptions.defaults()));
                byte[] content = pattern(1000, 18);
                assertEquals(0, writeOnTheLoop(proto.transport, ByteBuffer.wrap(content)),
                        "all of it taken by the socket");
                CompletableFuture<byte[]> got = readOnThread(peer, content.length);
                waitUntil(got::isDone);
                assertArrayEquals(content, got.get());
                proto.transport.close();
                loop.runUntilComplete(proto.lost);
            }
        }
    }
}
