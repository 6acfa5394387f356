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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.ConnectionRefusedError;
import io.jasyncio.Future;
import io.jasyncio.SocketLoop;
import io.jasyncio.Task;
import io.jasyncio.TimeoutError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The low-level socket API ({@code sock_recv}, {@code sock_sendall}, {@code sock_connect}, {@code sock_accept},
 * {@code sock_recvfrom} ...) on JDK channels: ports of CPython's test_asyncio/test_sock_lowlevel.py
 * (BaseSockTestsMixin), on every backend (the loop's own selector on NIO, the selector thread on epoll and io_uring).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SockLowlevelTest extends NetTestBase {
    private static final byte[] GET = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    private static InetSocketAddress localhost0() {
        return new InetSocketAddress("127.0.0.1", 0);
    }

    /** Port of test_sock_lowlevel.py _basetest_sock_client_ops: blocking sockets refused, then a request. */
    private void basetestSockClientOps(HttpTestServer httpd, SocketChannel sock) throws IOException {
        loop.setDebug(true);
        sock.configureBlocking(true);
        assertThrows(IllegalArgumentException.class, () -> loop.sockConnect(sock, httpd.address()));
        assertThrows(IllegalArgumentException.class, () -> loop.sockSendall(sock, GET));
        assertThrows(IllegalArgumentException.class, () -> loop.sockRecv(sock, 1024));
        assertThrows(IllegalArgumentException.class, () -> loop.sockRecvInto(sock, ByteBuffer.allocate(0)));
        try (ServerSocketChannel blocking = ServerSocketChannel.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.sockAccept(blocking));
            assertEquals("the socket must be non-blocking", e.getMessage());
        }
        loop.setDebug(false);

        sock.configureBlocking(false);
        loop.runUntilComplete(loop.sockConnect(sock, httpd.address()));
        loop.runUntilComplete(loop.sockSendall(sock, GET));
        byte[] data = loop.runUntilComplete(loop.sockRecv(sock, 1024));
        loop.runUntilComplete(loop.sockRecv(sock, 1024)); // consume data
        sock.close();
        assertTrue(text(data).startsWith("HTTP/1.0 200 OK"), text(data));
    }

    /** Port of test_sock_lowlevel.py _basetest_sock_recv_into. */
    private void basetestSockRecvInto(HttpTestServer httpd, SocketChannel sock) throws IOException {
        sock.configureBlocking(false);
        loop.runUntilComplete(loop.sockConnect(sock, httpd.address()));
        loop.runUntilComplete(loop.sockSendall(sock, GET));
        ByteBuffer buf = ByteBuffer.allocate(1024);
        int nbytes = loop.runUntilComplete(loop.sockRecvInto(sock, buf));
        assertEquals(nbytes, buf.position());
        loop.runUntilComplete(loop.sockRecvInto(sock, buf)); // consume data
        sock.close();
        assertTrue(text(buf.array()).startsWith("HTTP/1.0 200 OK"));
    }

    /** Port of test_sock_lowlevel.py test_sock_client_ops. */
    @Test
    void testSockClientOps() throws IOException {
        try (HttpTestServer httpd = new HttpTestServer()) {
            basetestSockClientOps(httpd, SocketChannel.open());
            basetestSockRecvInto(httpd, SocketChannel.open());
        }
    }

    /** Port of test_sock_lowlevel.py test_unix_sock_client_ops: the same on Unix domain sockets. */
    @Test
    void testUnixSockClientOps(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        try (HttpTestServer httpd = new HttpTestServer(dir.resolve("http.sock"))) {
            SocketChannel sock = SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
            sock.configureBlocking(false);
            loop.runUntilComplete(loop.sockConnect(sock, httpd.socketAddress()));
            loop.runUntilComplete(loop.sockSendall(sock, GET));
            byte[] data = loop.runUntilComplete(loop.sockRecv(sock, 1024));
            loop.runUntilComplete(loop.sockRecv(sock, 1024)); // consume data
            sock.close();
            assertTrue(text(data).startsWith("HTTP/1.0 200 OK"), text(data));
        }
    }

    /** Port of test_sock_lowlevel.py _basetest_sock_recv_racing: a cancelled sock_recv leaves the next one be. */
    @Test
    void testSockClientRacing() throws Exception {
        try (HttpTestServer httpd = new HttpTestServer(); SocketChannel sock = SocketChannel.open()) {
            sock.configureBlocking(false);
            String data = loop.runUntilComplete(() -> {
                Asyncio.await(loop.sockConnect(sock, httpd.address()));
                Task<byte[]> task = loop.createTask(() -> Asyncio.await(loop.sockRecv(sock, 1024)));
                Asyncio.sleep(0);
                task.cancel();
                loop.createTask(() -> Asyncio.await(loop.sockSendall(sock, GET)));
                byte[] first = Asyncio.await(loop.sockRecv(sock, 1024));
                Asyncio.await(loop.sockRecv(sock, 1024)); // consume data
                return text(first);
            });
            assertTrue(data.startsWith("HTTP/1.0 200 OK"), data);
        }
        try (ServerSocketChannel listener = ServerSocketChannel.open(); SocketChannel sock = SocketChannel.open()) {
            basetestSockSendRacing(listener, sock);
        }
    }

    /** Port of test_sock_lowlevel.py _basetest_sock_send_racing: a cancelled sock_sendall leaves the next one be. */
    private void basetestSockSendRacing(ServerSocketChannel listener, SocketChannel sock) throws Exception {
        listener.bind(localhost0(), 1);
        sock.setOption(StandardSocketOptions.SO_SNDBUF, 1024);
        sock.configureBlocking(false);
        String data = loop.runUntilComplete(() -> {
            Task<Void> connecting = loop.createTask(() -> Asyncio.await(loop.sockConnect(sock,
                    listener.getLocalAddress())));
            Asyncio.sleep(0);
            try (SocketChannel server = listener.accept()) {
                server.configureBlocking(false);
                Asyncio.await(connecting);
                // fill the buffer until sending 5 chars would block
                for (int size = 8192; size >= 4; size /= 2) {
                    while (sock.write(ByteBuffer.wrap(new byte[size])) > 0) {
                        // the zeros stand for asyncio's spaces
                    }
                }
                Task<Void> blocked = loop.createTask(() -> Asyncio.await(loop.sockSendall(sock,
                        "hello".getBytes(StandardCharsets.US_ASCII))));
                Asyncio.sleep(0);
                blocked.cancel();
                Task<String> receiving = loop.createTask(() -> {
                    ByteArrayOutputStream rv = new ByteArrayOutputStream();
                    for (;;) {
                        byte[] buf = Asyncio.await(loop.sockRecv(server, 8192));
                        if (buf.length == 0) {
                            return new String(rv.toByteArray(), StandardCharsets.US_ASCII);
                        }
                        for (byte b : buf) {
                            if (b != 0) {
                                rv.write(b);
                            }
                        }
                    }
                });
                Asyncio.await(loop.sockSendall(sock, "world".getBytes(StandardCharsets.US_ASCII)));
                sock.shutdownOutput();
                return Asyncio.await(receiving);
            }
        });
        assertTrue(data.endsWith("world"), data);
    }

    /** Port of test_sock_lowlevel.py test_sock_client_fail: a port nobody listens on refuses. */
    @Test
    void testSockClientFail() throws IOException {
        InetSocketAddress address;
        try (ServerSocketChannel s = ServerSocketChannel.open()) {
            s.bind(localhost0());
            address = (InetSocketAddress) s.getLocalAddress();
        }
        try (SocketChannel sock = SocketChannel.open()) {
            sock.configureBlocking(false);
            assertThrows(ConnectionRefusedError.class, () -> loop.runUntilComplete(loop.sockConnect(sock, address)));
        }
    }

    /** Port of test_sock_lowlevel.py test_sock_accept. */
    @Test
    void testSockAccept() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open();
                SocketChannel client = SocketChannel.open()) {
            listener.configureBlocking(false);
            listener.bind(localhost0(), 1);
            client.connect(listener.getLocalAddress());
            SocketChannel conn = loop.runUntilComplete(loop.sockAccept(listener));
            try (conn) {
                assertFalse(conn.isBlocking());
                assertEquals(client.getLocalAddress(), conn.getRemoteAddress());
                assertEquals(listener.getLocalAddress(), client.getRemoteAddress());
            }
        }
    }

    /**
     * Port of test_sock_lowlevel.py test_cancel_sock_accept: a sock_accept cancelled by a timeout stops watching, so
     * the listener closes and a connect is refused. The JDK closes a channel that a selector holds once the selector
     * has dropped its key (at its next poll), so the test waits for the port to refuse before the loop's connect.
     */
    @Test
    void testCancelSockAccept() throws IOException {
        InetSocketAddress sockaddr;
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.configureBlocking(false);
            listener.bind(localhost0(), 1);
            sockaddr = (InetSocketAddress) listener.getLocalAddress();
            assertThrows(TimeoutError.class, () -> loop.runUntilComplete(
                    () -> Asyncio.waitFor(loop.sockAccept(listener), 0.1)));
        }
        waitUntil(() -> refuses(sockaddr));
        try (SocketChannel client = SocketChannel.open()) {
            client.configureBlocking(false);
            assertThrows(ConnectionRefusedError.class, () -> loop.runUntilComplete(loop.sockConnect(client,
                    sockaddr)));
        }
    }

    private static boolean refuses(InetSocketAddress address) {
        try (SocketChannel probe = SocketChannel.open(address)) {
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    /** Port of test_sock_lowlevel.py _basetest_huge_content: 1 MB each way, sent and received at once. */
    @Test
    void testHugeContent() throws IOException {
        try (HttpTestServer httpd = new HttpTestServer(); SocketChannel sock = SocketChannel.open()) {
            sock.configureBlocking(false);
            int dataSize = 1_000_000;
            byte[] chunk = chunk(dataSize);
            ByteArrayOutputStream body = loop.runUntilComplete(() -> {
                Asyncio.await(loop.sockConnect(sock, httpd.address()));
                Asyncio.await(loop.sockSendall(sock, ("POST /loop HTTP/1.0\r\nContent-Length: " + dataSize
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
                Task<Void> task = loop.createTask(() -> Asyncio.await(loop.sockSendall(sock, chunk)));
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (;;) {
                    byte[] data = Asyncio.await(loop.sockRecv(sock, dataSize));
                    if (data.length == 0) {
                        break;
                    }
                    all.write(data);
                }
                Asyncio.await(task);
                return all;
            });
            checkHugeBody(body.toByteArray(), chunk);
        }
    }

    /** Port of test_sock_lowlevel.py _basetest_huge_content_recvinto: as testHugeContent, into one buffer. */
    @Test
    void testHugeContentRecvinto() throws IOException {
        try (HttpTestServer httpd = new HttpTestServer(); SocketChannel sock = SocketChannel.open()) {
            sock.configureBlocking(false);
            int dataSize = 1_000_000;
            byte[] chunk = chunk(dataSize);
            ByteArrayOutputStream body = loop.runUntilComplete(() -> {
                Asyncio.await(loop.sockConnect(sock, httpd.address()));
                Asyncio.await(loop.sockSendall(sock, ("POST /loop HTTP/1.0\r\nContent-Length: " + dataSize
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
                Task<Void> task = loop.createTask(() -> Asyncio.await(loop.sockSendall(sock, chunk)));
                ByteBuffer buf = ByteBuffer.allocate(dataSize);
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (;;) {
                    buf.clear();
                    int nbytes = Asyncio.await(loop.sockRecvInto(sock, buf));
                    if (nbytes == 0) {
                        break;
                    }
                    all.write(buf.array(), 0, nbytes);
                }
                Asyncio.await(task);
                return all;
            });
            checkHugeBody(body.toByteArray(), chunk);
        }
    }

    private static byte[] chunk(int size) {
        byte[] chunk = new byte[size];
        for (int i = 0; i < size; i++) {
            chunk[i] = (byte) ('0' + i % 10);
        }
        return chunk;
    }

    private static void checkHugeBody(byte[] response, byte[] expected) {
        String head = text(Arrays.copyOf(response, Math.min(response.length, 200)));
        assertTrue(head.startsWith("HTTP/1.0 200 OK"), head);
        int end = head.indexOf("\r\n\r\n") + 4;
        assertArrayEquals(expected, Arrays.copyOfRange(response, end, response.length));
    }

    /** CPython's test_utils.run_udp_echo_server: a blocking echo on its own thread. */
    private static final class UdpEcho implements AutoCloseable {
        final DatagramSocket socket;

        UdpEcho() throws IOException {
            socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
            Thread t = new Thread(() -> {
                byte[] buf = new byte[65536];
                while (!socket.isClosed()) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(p);
                        socket.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "udp-echo");
            t.setDaemon(true);
            t.start();
        }

        InetSocketAddress address() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** Port of test_sock_lowlevel.py test_recvfrom. */
    @Test
    void testRecvfrom() throws IOException {
        try (UdpEcho server = new UdpEcho(); DatagramChannel sock = DatagramChannel.open()) {
            sock.configureBlocking(false);
            byte[] data = new byte[4096];
            Arrays.fill(data, (byte) 1);
            assertEquals(4096, loop.runUntilComplete(loop.sockSendto(sock, ByteBuffer.wrap(data), server.address())));
            SocketLoop.Recvfrom received = loop.runUntilComplete(loop.sockRecvfrom(sock, 4096));
            assertArrayEquals(data, received.data());
            assertEquals(server.address(), received.address());
        }
    }

    /** Port of test_sock_lowlevel.py test_recvfrom_into. */
    @Test
    void testRecvfromInto() throws IOException {
        try (UdpEcho server = new UdpEcho(); DatagramChannel sock = DatagramChannel.open()) {
            sock.configureBlocking(false);
            byte[] data = new byte[4096];
            Arrays.fill(data, (byte) 1);
            ByteBuffer buf = ByteBuffer.allocate(4096);
            loop.runUntilComplete(loop.sockSendto(sock, ByteBuffer.wrap(data), server.address()));
            SocketLoop.RecvfromInto r = loop.runUntilComplete(loop.sockRecvfromInto(sock, buf, 0));
            assertEquals(4096, r.nbytes());
            assertArrayEquals(data, buf.array());
            assertEquals(server.address(), r.address());

            buf = ByteBuffer.allocate(8192);
            loop.runUntilComplete(loop.sockSendto(sock, ByteBuffer.wrap(data), server.address()));
            r = loop.runUntilComplete(loop.sockRecvfromInto(sock, buf, 4096));
            assertEquals(4096, r.nbytes());
            assertArrayEquals(data, Arrays.copyOf(buf.array(), 4096));
            assertEquals(server.address(), r.address());
            ByteBuffer small = ByteBuffer.allocate(10);
            assertThrows(IllegalArgumentException.class, () -> loop.sockRecvfromInto(sock, small, 11));
        }
    }

    /** A sock_recv waiting on a socket whose future is cancelled stops watching: a later one gets the data. */
    @Test
    void testCancelledRecvStopsWatching() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(localhost0());
            try (SocketChannel client = SocketChannel.open(listener.getLocalAddress());
                    SocketChannel server = listener.accept()) {
                server.configureBlocking(false);
                Future<byte[]> first = loop.sockRecv(server, 100);
                runOnce();
                assertFalse(first.done());
                first.cancel();
                client.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
                assertEquals("ping", text(loop.runUntilComplete(loop.sockRecv(server, 100))));
                assertTrue(first.cancelled());
            }
        }
    }
}
