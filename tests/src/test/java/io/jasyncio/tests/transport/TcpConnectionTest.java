/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.BaseProtocol;
import io.jasyncio.BufferedProtocol;
import io.jasyncio.Connection;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.Future;
import io.jasyncio.Protocol;
import io.jasyncio.ReadTransport;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import io.jasyncio.WriteTransport;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Client connections and the protocol state machine: ports of the create_connection tests of CPython's
 * test_events.py (with MyProto's state checks), of test_protocols.py and of test_transports.py.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpConnectionTest extends NetTestBase {

    /** test_events.py's MyProto: writes a request on connectionMade; states INITIAL, CONNECTED, EOF, CLOSED. */
    private static final class MyProto extends Recorder {
        MyProto(io.jasyncio.EventLoop loop) {
            super(loop);
        }

        @Override
        public void connectionMade(Transport t) {
            super.connectionMade(t);
            t.write(bytes("GET / HTTP/1.0\r\nHost: example.com\r\n\r\n"));
        }
    }

    /** A server that answers each request with a response and closes, as run_test_server's HTTP server. */
    private Server httpd() {
        return listen(() -> new Recorder(loop) {
            @Override
            public void dataReceived(ByteBuffer bytes) {
                super.dataReceived(bytes);
                if (text().endsWith("\r\n\r\n")) {
                    transport.write(bytes("HTTP/1.0 200 OK\r\n\r\nTest message"));
                    transport.close();
                }
            }
        });
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_connection (and _basetest_create_connection). */
    @Test
    void testCreateConnection() {
        Server srv = httpd();
        Connection<MyProto> c = loop.runUntilComplete(loop.createConnection(() -> new MyProto(loop), "127.0.0.1",
                port(srv)));
        assertInstanceOf(Transport.class, c.transport());
        assertInstanceOf(Protocol.class, c.protocol());
        assertSame(c.transport(), c.protocol().transport);
        assertNotNull(c.transport().getExtraInfo("sockname"));
        loop.runUntilComplete(c.protocol().lost);
        assertTrue(c.protocol().data.size() > 0);
        assertEquals("CLOSED", c.protocol().state);
        assertEquals(List.of("made", "data", "eof", "lost"), c.protocol().calls);
        c.transport().close();
        closeServer(srv);
    }

    /**
     * asyncio's _create_connection_transport calls protocol_factory() once the socket is connected, inside the
     * running loop: the factory may ask for the running loop; a refused connection never calls it.
     */
    @Test
    void testCreateConnectionCallsFactoryOnceConnected() throws Exception {
        Server srv = httpd();
        java.util.List<Thread> calledOn = new java.util.ArrayList<>();
        Future<Connection<MyProto>> f = loop.createConnection(() -> {
            calledOn.add(Thread.currentThread());
            return new MyProto(io.jasyncio.Asyncio.getRunningLoop());
        }, "127.0.0.1", port(srv));
        assertEquals(List.of(), calledOn, "not before the loop runs");
        Connection<MyProto> c = loop.runUntilComplete(f);
        assertEquals(List.of(Thread.currentThread()), calledOn);
        loop.runUntilComplete(c.protocol().lost);
        int unused;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            unused = probe.getLocalPort();
        }
        Future<Connection<MyProto>> refused = loop.createConnection(() -> {
            calledOn.add(Thread.currentThread());
            return new MyProto(loop);
        }, "127.0.0.1", unused);
        assertThrows(io.jasyncio.ConnectionRefusedError.class, () -> loop.runUntilComplete(refused));
        assertEquals(1, calledOn.size(), "a refused connection makes no protocol");
        closeServer(srv);
    }

    /** A factory that throws fails the connection's future with its exception, and the socket is closed. */
    @Test
    void testCreateConnectionFactoryRaises() {
        Server srv = listenRecording();
        IllegalStateException boom = new IllegalStateException("boom");
        Future<Connection<MyProto>> f = loop.createConnection(() -> {
            throw boom;
        }, "127.0.0.1", port(srv));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(f));
        assertSame(boom, e);
        Recorder server = accepted(0);
        loop.runUntilComplete(server.lost);
        closeServer(srv);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_connection_local_addr: the given port is used. */
    @Test
    void testCreateConnectionLocalAddr() throws Exception {
        Server srv = httpd();
        int localPort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            localPort = probe.getLocalPort(); // free now; asyncio's find_unused_port
        }
        Connection<MyProto> c = loop.runUntilComplete(loop.createConnection(() -> new MyProto(loop), "127.0.0.1",
                port(srv), ConnectionOptions.defaults().withLocalAddr(new InetSocketAddress("127.0.0.1", localPort))));
        assertEquals(localPort, ((InetSocketAddress) c.transport().getExtraInfo("sockname")).getPort());
        loop.runUntilComplete(c.protocol().lost);
        closeServer(srv);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_connection_local_addr_in_use: EADDRINUSE. */
    @Test
    void testCreateConnectionLocalAddrInUse() {
        Server srv = httpd();
        InetSocketAddress address = (InetSocketAddress) srv.sockets().get(0);
        Future<Connection<MyProto>> f = loop.createConnection(() -> new MyProto(loop), "127.0.0.1", port(srv),
                ConnectionOptions.defaults().withLocalAddr(address));
        io.jasyncio.OSError e = assertThrows(io.jasyncio.OSError.class, () -> loop.runUntilComplete(f));
        assertEquals(io.jasyncio.Errno.EADDRINUSE, e.errno());
        assertEquals("[Errno 98] error while attempting to bind on address ('127.0.0.1', " + address.getPort()
                + "): address already in use", e.getMessage());
        closeServer(srv);
    }

    /** Port of test_base_events.py test_create_connection_server_hostname_errors: asyncio's ValueErrors. */
    @Test
    void testCreateConnectionServerHostnameErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loop.createConnection(
                () -> new Recorder(loop), "127.0.0.1", 1, ConnectionOptions.defaults().withServerHostname("x")));
        assertEquals("server_hostname is only meaningful with ssl", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> loop.createUnixConnection(() -> new Recorder(loop),
                "/tmp/nowhere.sock", ConnectionOptions.defaults().withSsl(dummySslContext())));
        assertEquals("You must set server_hostname when using ssl without a host", e.getMessage());
    }

    /** Port of test_base_events.py test_create_connection_ssl_timeout_for_plain_socket: asyncio's ValueError. */
    @Test
    void testCreateConnectionSslTimeoutForPlainSocket() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loop.createConnection(
                () -> new Recorder(loop), "127.0.0.1", 1, ConnectionOptions.defaults().withSslHandshakeTimeout(1.0)));
        assertEquals("ssl_handshake_timeout is only meaningful with ssl", e.getMessage());
    }

    /** A refused connection fails the future with a ConnectionRefusedError and makes no protocol at all. */
    @Test
    void testCreateConnectionRefusedIsConnectionRefusedError() {
        Server srv = httpd();
        int port = port(srv);
        closeServer(srv);
        MyProto[] made = new MyProto[1];
        Future<Connection<MyProto>> f = loop.createConnection(() -> made[0] = new MyProto(loop), "127.0.0.1", port);
        io.jasyncio.ConnectionRefusedError e = assertThrows(io.jasyncio.ConnectionRefusedError.class,
                () -> loop.runUntilComplete(f));
        assertEquals(io.jasyncio.Errno.ECONNREFUSED, e.errno());
        assertInstanceOf(ConnectException.class, e.getCause());
        assertNull(made[0], "asyncio calls protocol_factory() only once connected");
    }

    /** Cancelling the connect future closes the half-made connection; the protocol hears nothing more. */
    @Test
    void testCreateConnectionCancelled() {
        Server srv = listenRecording();
        MyProto[] made = new MyProto[1];
        Future<Connection<MyProto>> f = loop.createConnection(() -> made[0] = new MyProto(loop), "127.0.0.1",
                port(srv));
        f.cancel();
        sleep(0.05);
        assertTrue(f.cancelled());
        for (Recorder s : serverSide) {
            waitUntil(() -> "CLOSED".equals(s.state));
        }
        closeServer(srv);
    }

    /** Port of test_protocols.py ProtocolsAbsTests.test_base_protocol / test_protocol / test_buffered_protocol. */
    @Test
    void testProtocolDefaults() {
        BaseProtocol base = new BaseProtocol() {
        };
        base.connectionMade(null);
        base.connectionLost(null);
        base.pauseWriting();
        base.resumeWriting();
        Protocol p = data -> {
        };
        assertFalse(p.eofReceived(), "eof_received returns None: the transport closes");
        BufferedProtocol bp = new BufferedProtocol() {
            @Override
            public ByteBuffer getBuffer(int sizeHint) {
                return ByteBuffer.allocate(1);
            }

            @Override
            public void bufferUpdated(int nbytes) {
            }
        };
        assertFalse(bp.eofReceived());
    }

    /** Port of test_transports.py TransportTests.test_writelines: each buffer is written, in order. */
    @Test
    void testWritelines() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        c.transport().writelines(List.of(ByteBuffer.wrap(bytes("line1")), ByteBuffer.wrap(bytes("line2")),
                ByteBuffer.wrap(bytes("line3"))));
        Recorder s = accepted(0);
        waitUntil(() -> s.data.size() == 15);
        assertEquals("line1line2line3", s.text());
        closeClient(c);
        closeServer(srv);
    }

    /** Port of test_transports.py TransportTests.test_get_extra_info: unknown keys give null, known ones agree. */
    @Test
    void testGetExtraInfoBothEnds() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Transport server = accepted(0).transport;
        assertEquals(c.transport().getExtraInfo("sockname"), server.getExtraInfo("peername"));
        assertEquals(c.transport().getExtraInfo("peername"), server.getExtraInfo("sockname"));
        assertNull(c.transport().getExtraInfo("peercert"), "no TLS");
        assertNull(c.transport().getExtraInfo("cipher"), "no TLS");
        closeClient(c);
        closeServer(srv);
    }

    /** The transport is asyncio's Transport: a ReadTransport and a WriteTransport. */
    @Test
    void testTransportIsReadAndWriteTransport() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        assertInstanceOf(ReadTransport.class, c.transport());
        assertInstanceOf(WriteTransport.class, c.transport());
        assertTrue(c.transport().isReading());
        assertFalse(c.transport().isClosing());
        closeClient(c);
        assertTrue(c.transport().isClosing());
        assertFalse(c.transport().isReading());
        closeServer(srv);
    }

    /** MyProto's state machine on the server side of a connection the client half-closes and the server ends. */
    @Test
    void testServerProtocolStates() {
        Server srv = listenRecording();
        Connection<MyProto> c = loop.runUntilComplete(loop.createConnection(() -> new MyProto(loop), "127.0.0.1",
                port(srv)));
        Recorder s = accepted(0);
        assertEquals("CONNECTED", s.state);
        waitUntil(() -> s.text().endsWith("\r\n\r\n"));
        c.transport().writeEof();
        loop.runUntilComplete(s.lost);
        assertEquals("CLOSED", s.state);
        assertEquals(List.of("made", "data", "eof", "lost"), s.calls);
        loop.runUntilComplete(c.protocol().lost);
        assertEquals(List.of("made", "eof", "lost"), c.protocol().calls);
        closeServer(srv);
    }

    private static javax.net.ssl.SSLContext dummySslContext() {
        try {
            return javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
