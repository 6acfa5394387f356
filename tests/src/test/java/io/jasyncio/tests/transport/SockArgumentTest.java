/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.AddrInfo;
import io.jasyncio.Connection;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.Sock;
import io.jasyncio.Transport;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.Transports;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * asyncio's {@code sock} argument and {@code connect_accepted_socket}: ports of the sock tests of CPython's
 * test_asyncio/test_events.py, test_base_events.py and test_unix_events.py. A socket made elsewhere is a JDK channel
 * on NIO and a descriptor number on epoll (made here with Netty's own socket calls, as systemd would pass one); io_uring
 * takes neither, and says so.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SockArgumentTest extends NetTestBase {
    @TempDir
    Path dir;

    private TransportKind kind() {
        return Transports.of(loop);
    }

    /** A socket listening on 127.0.0.1, port 0, in the form this backend adopts, or the test is skipped. */
    private Sock listeningSock() throws IOException {
        if (kind() == TransportKind.NIO) {
            ServerSocketChannel ch = ServerSocketChannel.open();
            ch.bind(new InetSocketAddress("127.0.0.1", 0));
            return Sock.of(ch);
        }
        assumeTrue(kind() == TransportKind.EPOLL, "no sock adoption on " + kind());
        io.netty.channel.unix.Socket s = io.netty.channel.unix.Socket.newSocketStream();
        s.bind(new InetSocketAddress("127.0.0.1", 0));
        s.listen(10);
        return Sock.ofFd(s.intValue());
    }

    /** A socket connected to {@code address}, in the form this backend adopts, or the test is skipped. */
    private Sock connectedSock(InetSocketAddress address) throws IOException {
        if (kind() == TransportKind.NIO) {
            SocketChannel ch = SocketChannel.open(address);
            ch.configureBlocking(false);
            return Sock.of(ch);
        }
        assumeTrue(kind() == TransportKind.EPOLL, "no sock adoption on " + kind());
        io.netty.channel.unix.Socket s = io.netty.channel.unix.Socket.newSocketStream();
        boolean connected = s.connect(address);
        while (!connected) {
            Thread.onSpinWait(); // loopback: the handshake is over in microseconds
            connected = s.finishConnect();
        }
        return Sock.ofFd(s.intValue());
    }

    /** Port of test_events.py test_create_server_sock: the server serves the socket it was given. */
    @Test
    void testCreateServerSock() throws IOException {
        Sock sockOb = listeningSock();
        Server server = loop.runUntilComplete(loop.createServer(() -> {
            Recorder r = new Recorder(loop);
            serverSide.add(r);
            return r;
        }, null, 0, ServerOptions.defaults().withSock(sockOb)));
        InetSocketAddress bound = (InetSocketAddress) server.sockets().get(0);
        assertEquals("127.0.0.1", bound.getAddress().getHostAddress());
        try (Socket client = new Socket("127.0.0.1", bound.getPort())) {
            client.getOutputStream().write("xxx".getBytes(StandardCharsets.US_ASCII));
            Recorder accepted = accepted(0);
            waitUntil(() -> accepted.data.size() == 3);
        }
        server.close();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    /**
     * A socket that listens already, with a client waiting in its backlog, adopted from inside a task (where the
     * channel registers at once): the waiting client is served, not dropped before Netty's acceptor is in place.
     */
    @Test
    void testCreateServerSockWithWaitingClientFromTask() throws Exception {
        Sock sockOb = listeningSock();
        InetSocketAddress addr = sockOb.channel() != null ? (InetSocketAddress) sockOb.channel().getLocalAddress()
                : new io.netty.channel.unix.Socket(sockOb.fd()).localAddress();
        try (SocketChannel early = SocketChannel.open(addr)) {
            early.write(ByteBuffer.wrap("early".getBytes(StandardCharsets.US_ASCII)));
            Server server = loop.runUntilComplete(() -> io.jasyncio.Asyncio.await(loop.createServer(() -> {
                Recorder r = new Recorder(loop);
                serverSide.add(r);
                return r;
            }, null, 0, ServerOptions.defaults().withSock(sockOb))));
            Recorder peer = accepted(0);
            waitUntil(() -> peer.data.size() == 5);
            server.close();
        }
    }

    /** Port of test_events.py test_create_connection_sock: getaddrinfo, sock_connect, then create_connection(sock=). */
    @Test
    void testCreateConnectionSock() throws IOException {
        Server server = listenRecording();
        Sock sock;
        if (kind() == TransportKind.NIO) {
            List<AddrInfo> infos = loop.runUntilComplete(loop.getaddrinfo("127.0.0.1", port(server),
                    AddrInfo.AF_UNSPEC, AddrInfo.SOCK_STREAM, 0, 0));
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            loop.runUntilComplete(loop.sockConnect(ch, infos.get(0).sockaddr()));
            sock = Sock.of(ch);
        } else {
            sock = connectedSock(new InetSocketAddress("127.0.0.1", port(server)));
        }
        Connection<Recorder> c = loop.runUntilComplete(loop.createConnection(() -> new Recorder(loop), null, 0,
                ConnectionOptions.defaults().withSock(sock)));
        assertTrue(c.transport() instanceof Transport);
        c.transport().write("hello".getBytes(StandardCharsets.US_ASCII));
        Recorder peer = accepted(0);
        waitUntil(() -> peer.data.size() == 5);
        peer.transport.write("back".getBytes(StandardCharsets.US_ASCII));
        waitUntil(() -> c.protocol().data.size() == 4);
        c.transport().close();
        waitUntil(() -> peer.lost.done());
        server.close();
    }

    /** Port of test_events.py test_connect_accepted_socket: a connection accepted elsewhere, served by the loop. */
    @Test
    void testConnectAcceptedSocket() throws Exception {
        basetestConnectAcceptedSocket(null, null);
    }

    /** Port of test_events.py test_ssl_connect_accepted_socket: the same with TLS, the loop on the server's side. */
    @Test
    void testSslConnectAcceptedSocket() throws Exception {
        TestCertificates certificates = TestCertificates.make(dir);
        basetestConnectAcceptedSocket(certificates.server(), certificates.client());
    }

    private void basetestConnectAcceptedSocket(javax.net.ssl.SSLContext serverSsl,
            javax.net.ssl.SSLContext clientSsl) throws Exception {
        byte[] message = "test data".getBytes(StandardCharsets.US_ASCII);
        byte[] expectedResponse = "roger".getBytes(StandardCharsets.US_ASCII);
        byte[][] response = new byte[1][];
        Sock conn;
        Thread thread;
        Sock lsock = listeningSock();
        InetSocketAddress addr;
        if (lsock.channel() != null) {
            addr = (InetSocketAddress) lsock.channel().getLocalAddress();
        } else {
            addr = new io.netty.channel.unix.Socket(lsock.fd()).localAddress();
        }
        thread = new Thread(() -> {
            try (Socket csock = clientSsl == null ? new Socket(addr.getAddress(), addr.getPort())
                    : clientSsl.getSocketFactory().createSocket(addr.getAddress(), addr.getPort())) {
                csock.getOutputStream().write(message);
                InputStream in = csock.getInputStream();
                byte[] buf = new byte[99];
                int n = in.read(buf);
                response[0] = java.util.Arrays.copyOf(buf, Math.max(n, 0));
            } catch (IOException e) {
                response[0] = new byte[0];
            }
        }, "client");
        thread.setDaemon(true);
        thread.start();
        if (lsock.channel() != null) {
            SocketChannel accepted = ((ServerSocketChannel) lsock.channel()).accept();
            conn = Sock.of(accepted);
        } else {
            io.netty.channel.unix.Socket listener = new io.netty.channel.unix.Socket(lsock.fd());
            int fd;
            byte[] remote = new byte[64];
            while ((fd = listener.accept(remote)) < 0) {
                Thread.onSpinWait(); // the client's connect is on its way
            }
            conn = Sock.ofFd(fd);
        }
        Recorder proto = new Recorder(loop) {
            @Override
            public void dataReceived(ByteBuffer data) {
                super.dataReceived(data);
                transport.write(expectedResponse);
            }
        };
        loop.runUntilComplete(loop.connectAcceptedSocket(() -> proto, conn,
                ConnectionOptions.defaults().withSsl(serverSsl)));
        waitUntil(() -> proto.lost.done());
        thread.join();
        assertEquals(message.length, proto.data.size());
        assertEquals(new String(expectedResponse, StandardCharsets.US_ASCII),
                new String(response[0], StandardCharsets.US_ASCII));
        if (lsock.channel() != null) {
            lsock.channel().close();
        } else {
            new io.netty.channel.unix.Socket(lsock.fd()).close();
        }
    }

    /** Port of test_events.py test_connect_accepted_socket_ssl_timeout_for_plain_socket. */
    @Test
    void testConnectAcceptedSocketSslTimeoutForPlainSocket() throws IOException {
        try (SocketChannel sock = SocketChannel.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.connectAcceptedSocket(() -> new Recorder(loop), Sock.of(sock),
                            ConnectionOptions.defaults().withSslHandshakeTimeout(1.0)));
            assertEquals("ssl_handshake_timeout is only meaningful with ssl", e.getMessage());
        }
    }

    /** Port of test_base_events.py test_create_connection_host_port_sock. */
    @Test
    void testCreateConnectionHostPortSock() throws IOException {
        try (SocketChannel sock = SocketChannel.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.createConnection(() -> new Recorder(loop), "example.com", 80,
                            ConnectionOptions.defaults().withSock(sock)));
            assertEquals("host/port and sock can not be specified at the same time", e.getMessage());
        }
    }

    /** Port of test_base_events.py test_create_connection_no_host_port_sock. */
    @Test
    void testCreateConnectionNoHostPortSock() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.createConnection(() -> new Recorder(loop), null, 0, ConnectionOptions.defaults()));
        assertEquals("host and port was not specified and no sock specified", e.getMessage());
    }

    /** Port of test_base_events.py test_create_server_sock (the ValueError of host and sock together). */
    @Test
    void testCreateServerHostPortSock() throws IOException {
        try (ServerSocketChannel sock = ServerSocketChannel.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.createServer(() -> new Recorder(loop), "0.0.0.0", 0, ServerOptions.defaults().withSock(sock)));
            assertEquals("host/port and sock can not be specified at the same time", e.getMessage());
        }
    }

    /** Port of test_base_events.py test_create_connection_wrong_sock. */
    @Test
    void testCreateConnectionWrongSock() throws IOException {
        try (DatagramChannel sock = DatagramChannel.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.createConnection(() -> new Recorder(loop), null, 0, ConnectionOptions.defaults().withSock(sock)));
            assertTrue(e.getMessage().startsWith("A Stream Socket was expected, got "), e.getMessage());
        }
    }

    /** Port of test_base_events.py test_create_server_wrong_sock. */
    @Test
    void testCreateServerWrongSock() throws IOException {
        try (DatagramChannel sock = DatagramChannel.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.createServer(() -> new Recorder(loop), null, 0, ServerOptions.defaults().withSock(sock)));
            assertTrue(e.getMessage().startsWith("A Stream Socket was expected, got "), e.getMessage());
        }
    }

    /** Port of test_base_events.py test_connect_accepted_socket's check of the socket type (wrong sock). */
    @Test
    void testConnectAcceptedSocketWrongSock() throws IOException {
        try (ServerSocketChannel sock = ServerSocketChannel.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.connectAcceptedSocket(() -> new Recorder(loop), Sock.of(sock), ConnectionOptions.defaults()));
            assertTrue(e.getMessage().startsWith("A Stream Socket was expected, got "), e.getMessage());
        }
    }

    /** Port of test_events.py test_create_unix_server_path_socket_error. */
    @Test
    void testCreateUnixServerPathSocketError() throws IOException {
        try (ServerSocketChannel sock = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.createUnixServer(() -> new Recorder(loop), "/test", ServerOptions.defaults().withSock(sock)));
            assertEquals("path and sock can not be specified at the same time", e.getMessage());
        }
    }

    /** Port of test_unix_events.py test_create_unix_server_path_inetsock. */
    @Test
    void testCreateUnixServerPathInetsock() throws IOException {
        try (ServerSocketChannel sock = ServerSocketChannel.open()) {
            sock.bind(new InetSocketAddress("127.0.0.1", 0));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.createUnixServer(() -> new Recorder(loop), null, ServerOptions.defaults().withSock(sock)));
            assertTrue(e.getMessage().startsWith("A UNIX Domain Stream Socket was expected, got "), e.getMessage());
        }
    }

    /** Port of test_unix_events.py test_create_unix_server_nopath_nosock. */
    @Test
    void testCreateUnixServerNopathNosock() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.createUnixServer(() -> new Recorder(loop), null, ServerOptions.defaults()));
        assertEquals("path was not specified, and no sock specified", e.getMessage());
    }

    /** Port of test_unix_events.py test_create_unix_connection_path_sock. */
    @Test
    void testCreateUnixConnectionPathSock() throws IOException {
        try (SocketChannel sock = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.createUnixConnection(() -> new Recorder(loop), dir.resolve("s").toString(),
                            ConnectionOptions.defaults().withSock(sock)));
            assertEquals("path and sock can not be specified at the same time", e.getMessage());
        }
    }

    /** Port of test_unix_events.py test_create_unix_connection_nopath_nosock. */
    @Test
    void testCreateUnixConnectionNopathNosock() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.createUnixConnection(() -> new Recorder(loop), null, ConnectionOptions.defaults()));
        assertEquals("no path and sock were specified", e.getMessage());
    }

    /** A Unix server and a Unix connection, each over a JDK channel made elsewhere. */
    @Test
    void testCreateUnixServerAndConnectionSock() throws IOException {
        assumeTrue(kind() == TransportKind.NIO, "JDK channels are adopted on NIO");
        Path path = dir.resolve("sock");
        ServerSocketChannel ssc = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ssc.bind(UnixDomainSocketAddress.of(path));
        Server server = loop.runUntilComplete(loop.createUnixServer(() -> {
            Recorder r = new Recorder(loop);
            serverSide.add(r);
            return r;
        }, null, ServerOptions.defaults().withSock(ssc)));
        SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path));
        Connection<Recorder> c = loop.runUntilComplete(loop.createUnixConnection(() -> new Recorder(loop), null,
                ConnectionOptions.defaults().withSock(client)));
        c.transport().write("unix".getBytes(StandardCharsets.US_ASCII));
        Recorder peer = accepted(0);
        waitUntil(() -> peer.data.size() == 4);
        c.transport().close();
        server.close();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    /** A Unix server over a listening descriptor, with a client already waiting in its backlog (epoll). */
    @Test
    void testCreateUnixServerFd() throws IOException {
        assumeTrue(kind() == TransportKind.EPOLL, "descriptors are adopted on epoll");
        Path path = dir.resolve("fd.sock");
        io.netty.channel.unix.Socket s = io.netty.channel.unix.Socket.newSocketDomain();
        s.bind(new io.netty.channel.unix.DomainSocketAddress(path.toString()));
        s.listen(10);
        try (SocketChannel early = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            early.write(ByteBuffer.wrap("early".getBytes(StandardCharsets.US_ASCII)));
            Server server = loop.runUntilComplete(loop.createUnixServer(() -> {
                Recorder r = new Recorder(loop);
                serverSide.add(r);
                return r;
            }, null, ServerOptions.defaults().withSock(s.intValue())));
            assertEquals(path.toString(), server.sockets().get(0).toString());
            Recorder peer = accepted(0);
            waitUntil(() -> peer.data.size() == 5);
            server.close();
        }
    }

    /** Each backend refuses, with a message that says why, the kind of sock it cannot adopt. */
    @Test
    void testUnadoptableSockIsRefused() throws IOException {
        if (kind() == TransportKind.NIO) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.createServer(() -> new Recorder(loop), null, 0, ServerOptions.defaults().withSock(3)));
            assertTrue(e.getMessage().contains("needs the epoll transport"), e.getMessage());
        } else {
            try (ServerSocketChannel sock = ServerSocketChannel.open()) {
                sock.bind(new InetSocketAddress("127.0.0.1", 0));
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> loop.createServer(() -> new Recorder(loop), null, 0, ServerOptions.defaults().withSock(sock)));
                assertTrue(e.getMessage().contains("needs the nio transport"), e.getMessage());
            }
        }
    }

    /** A descriptor that is not a stream socket is refused as asyncio refuses it (epoll). */
    @Test
    void testCreateServerWrongFd() throws IOException {
        assumeTrue(kind() == TransportKind.EPOLL, "descriptors are adopted on epoll");
        io.netty.channel.unix.Socket dgram = io.netty.channel.unix.Socket.newSocketDgram();
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.createServer(() -> new Recorder(loop), null, 0,
                            ServerOptions.defaults().withSock(dgram.intValue())));
            assertTrue(e.getMessage().startsWith("A Stream Socket was expected, got <socket fd="), e.getMessage());
        } finally {
            dgram.close();
        }
    }
}
