/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Connection;
import io.jasyncio.ConnectionAbortedError;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.Future;
import io.jasyncio.SSLError;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS with asyncio's options: the handshake timeout on both ends, the server name, TLS over Unix sockets, and the
 * TLS end of a connection (close_notify, no half-close). Ports of CPython's test_events.py SSL tests and
 * test_ssl.py.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsOptionsTest extends NetTestBase {
    private static TestCertificates certificates;

    @TempDir
    static Path keys;

    @TempDir
    Path sockets;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificates = TestCertificates.make(keys);
    }

    private Server listenTls(ServerOptions options) {
        return listenRecording(options.withSsl(certificates.server()));
    }

    private Connection<Recorder> connectTls(Server server, ConnectionOptions options) {
        return loop.runUntilComplete(loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port(server),
                options.withSsl(certificates.client())));
    }

    /**
     * Port of test_ssl.py TestSSL.test_create_connection_ssl_slow_handshake: a server that never answers the
     * handshake; the client gives up after ssl_handshake_timeout with asyncio's message.
     */
    @Test
    void testCreateConnectionSslSlowHandshake() {
        Server plain = listenRecording(); // reads the ClientHello and says nothing
        Future<Connection<Recorder>> f = loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port(plain),
                ConnectionOptions.defaults().withSsl(certificates.client()).withSslHandshakeTimeout(0.2));
        // asyncio's sslproto aborts with a ConnectionAbortedError
        ConnectionAbortedError e = assertThrows(ConnectionAbortedError.class, () -> loop.runUntilComplete(f));
        assertEquals("SSL handshake is taking longer than 0.2 seconds: aborting the connection", e.getMessage());
        Recorder s = accepted(0);
        loop.runUntilComplete(s.lost);
        assertTrue(s.data.size() > 0, "the ClientHello came");
        closeServer(plain);
    }

    /** A TLS server's handshake timeout: a client that never starts the handshake is cut off, unannounced. */
    @Test
    void testServerSslHandshakeTimeout() {
        Server srv = listenTls(ServerOptions.defaults().withSslHandshakeTimeout(0.2));
        Connection<Recorder> silent = connect(srv); // plain TCP: no ClientHello
        loop.runUntilComplete(silent.protocol().lost);
        assertEquals(List.of(), serverSide.get(0).calls, "no connectionMade, so no connectionLost");
        assertEquals(List.of("made", "eof", "lost"), silent.protocol().calls);
        closeServer(srv);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_server_ssl_verified: the name matches; peercert. */
    @Test
    void testCreateServerSslVerified() {
        Server srv = listenTls(ServerOptions.defaults());
        Connection<Recorder> c = connectTls(srv, ConnectionOptions.defaults().withServerHostname("localhost"));
        X509Certificate cert = (X509Certificate) c.transport().getExtraInfo("peercert");
        assertTrue(cert.getSubjectX500Principal().getName().contains("CN=localhost"));
        assertNotNull(c.transport().getExtraInfo("cipher"));
        c.transport().write(bytes("xxx"));
        Recorder s = accepted(0);
        waitUntil(() -> s.data.size() == 3);
        closeClient(c);
        closeServer(srv);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_server_ssl_match_failed: a name not in the cert. */
    @Test
    void testCreateServerSslMatchFailed() {
        Server srv = listenTls(ServerOptions.defaults());
        Recorder client = new Recorder(loop);
        Future<Connection<Recorder>> f = loop.createConnection(() -> client, "127.0.0.1", port(srv),
                ConnectionOptions.defaults().withSsl(certificates.client()).withServerHostname("wrong.example"));
        SSLError e = assertThrows(SSLError.class, () -> loop.runUntilComplete(f));
        assertInstanceOf(SSLException.class, e.getCause());
        assertEquals(List.of(), client.calls, "the handshake failed: connectionMade never ran");
        closeServer(srv);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_unix_server_ssl: TLS over a Unix socket. */
    @Test
    void testCreateUnixServerSsl() {
        String path = sockets.resolve("tls.sock").toString();
        Server srv = loop.runUntilComplete(loop.createUnixServer(() -> {
            Recorder r = new Recorder(loop);
            serverSide.add(r);
            return r;
        }, path, ServerOptions.defaults().withSsl(certificates.server())));
        Connection<Recorder> c = loop.runUntilComplete(loop.createUnixConnection(() -> new Recorder(loop), path,
                ConnectionOptions.defaults().withSsl(certificates.client()).withServerHostname("localhost")));
        assertNotNull(c.transport().getExtraInfo("cipher"));
        c.transport().write(bytes("xxx"));
        Recorder s = accepted(0);
        waitUntil(() -> s.data.size() == 3);
        assertEquals("CONNECTED", s.state);
        s.transport.close();
        loop.runUntilComplete(s.lost);
        assertEquals("CLOSED", s.state);
        loop.runUntilComplete(c.protocol().lost);
        closeServer(srv);
    }

    /**
     * asyncio's SSL protocol: the peer's close_notify calls eof_received, whose true result has no effect (with a
     * warning), and the transport closes.
     */
    @Test
    void testSslEofReceived() {
        Server srv = listenTls(ServerOptions.defaults());
        Connection<Recorder> c = connectTls(srv, ConnectionOptions.defaults());
        Recorder s = accepted(0);
        s.keepOpenOnEof = true;
        c.transport().write(bytes("bye"));
        waitUntil(() -> s.data.size() == 3);
        PrintStream savedErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            c.transport().close();
            loop.runUntilComplete(s.lost);
        } finally {
            System.setErr(savedErr);
        }
        assertEquals(List.of("made", "data", "eof", "lost"), s.calls);
        assertTrue(log.toString(StandardCharsets.UTF_8)
                .contains("returning true from eof_received() has no effect when using ssl"), log::toString);
        loop.runUntilComplete(c.protocol().lost);
        closeServer(srv);
    }

    /** asyncio's SSL transport: no half-close (can_write_eof is False, write_eof raises). */
    @Test
    void testSslWriteEof() {
        Server srv = listenTls(ServerOptions.defaults());
        Connection<Recorder> c = connectTls(srv, ConnectionOptions.defaults());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> c.transport().writeEof());
        assertEquals("SSL doesn't support half-closes", e.getMessage());
        c.transport().write(ByteBuffer.wrap(bytes("still writable")));
        Recorder s = accepted(0);
        waitUntil(() -> s.data.size() == 14);
        closeClient(c);
        closeServer(srv);
    }

    /** loop.start_tls's ssl_handshake_timeout: a peer that never answers fails the upgrade with asyncio's message. */
    @Test
    void testStartTlsHandshakeTimeout() {
        Server server = listenRecording(); // plain: it never answers a ClientHello
        Connection<Recorder> c = connect(server);
        Future<io.jasyncio.Transport> upgrade = loop.startTls(c.transport(), c.protocol(), certificates.client(),
                false, "127.0.0.1", 0.2, null);
        ConnectionAbortedError e = assertThrows(ConnectionAbortedError.class, () -> loop.runUntilComplete(upgrade));
        assertEquals("SSL handshake is taking longer than 0.2 seconds: aborting the connection", e.getMessage());
        closeServer(server);
    }

    /** getExtraInfo: "sslcontext" is the context the connection was made with, "ssl_object" its engine. */
    @Test
    void testSslContextAndObjectExtraInfo() {
        javax.net.ssl.SSLContext serverContext = certificates.server();
        javax.net.ssl.SSLContext clientContext = certificates.client();
        Server server = listenRecording(ServerOptions.defaults().withSsl(serverContext));
        Connection<Recorder> c = loop.runUntilComplete(loop.createConnection(() -> new Recorder(loop), "127.0.0.1",
                port(server), ConnectionOptions.defaults().withSsl(clientContext)));
        assertSame(clientContext, c.transport().getExtraInfo("sslcontext"));
        assertInstanceOf(javax.net.ssl.SSLEngine.class, c.transport().getExtraInfo("ssl_object"));
        assertSame(serverContext, accepted(0).transport.getExtraInfo("sslcontext"));
        assertNull(c.transport().getExtraInfo("nothing"));
        closeClient(c);
        closeServer(server);
    }
}
