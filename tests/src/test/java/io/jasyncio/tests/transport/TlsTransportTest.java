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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Connection;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.Ticker;
import io.jasyncio.tests.LoopTestBase;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS over the TCP transport (netty-handler's SslHandler): ports of CPython's test_sslproto.py and test_events.py SSL
 * tests. The certificate is made for the test with the JDK's keytool: a self-signed one for localhost and 127.0.0.1.
 */
class TlsTransportTest extends LoopTestBase {
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    @TempDir
    static Path keys;

    @BeforeAll
    static void makeCertificate() throws Exception {
        TestCertificates certificates = TestCertificates.make(keys);
        serverContext = certificates.server();
        clientContext = certificates.client();
    }

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
    }

    private Server listen(List<Recorder> serverSide) {
        return loop.runUntilComplete(loop.createServer(() -> {
            Recorder r = new Recorder(loop) {
                @Override
                public void dataReceived(ByteBuffer bytes) {
                    transport.write(bytes);
                    super.dataReceived(bytes);
                }
            };
            serverSide.add(r);
            return r;
        }, "127.0.0.1", 0, ServerOptions.defaults().withSsl(serverContext)));
    }

    private static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_server_ssl: an echo over TLS. */
    @Test
    void testCreateServerSsl() {
        List<Recorder> serverSide = new ArrayList<>();
        Server server = listen(serverSide);
        Connection<Recorder> c = loop.runUntilComplete(
                loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port(server),
                        ConnectionOptions.defaults().withSsl(clientContext)));
        assertEquals(List.of("made"), c.protocol().calls, "connectionMade after the handshake");
        c.transport().write("secret hello".getBytes(StandardCharsets.UTF_8));
        waitUntil(() -> c.protocol().data.size() >= 12);
        assertEquals("secret hello", c.protocol().text());
        assertEquals("secret hello", serverSide.get(0).text());
        c.transport().close();
        loop.runUntilComplete(c.protocol().lost);
        server.close();
        server.closeClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    /** Port of test_sslproto.py ...get_extra_info: the cipher and the peer certificate. */
    @Test
    void testSslExtraInfo() {
        Server server = listen(new ArrayList<>());
        Connection<Recorder> c = loop.runUntilComplete(
                loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port(server),
                        ConnectionOptions.defaults().withSsl(clientContext)));
        assertNotNull(c.transport().getExtraInfo("cipher"));
        X509Certificate cert = (X509Certificate) c.transport().getExtraInfo("peercert");
        assertTrue(cert.getSubjectX500Principal().getName().contains("CN=localhost"));
        assertNotNull(c.transport().getExtraInfo("sslcontext"));
        assertFalse(c.transport().canWriteEof(), "TLS transports cannot write EOF, as asyncio's");
        c.transport().close();
        loop.runUntilComplete(c.protocol().lost);
        server.close();
        server.closeClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_server_ssl_verify_failed: the client refuses. */
    @Test
    void testSslVerifyFailed() throws Exception {
        Server server = listen(new ArrayList<>());
        SSLContext trustsNobody = SSLContext.getInstance("TLS");
        trustsNobody.init(null, null, null); // the JDK's default trust store: our self-signed certificate is unknown
        Recorder client = new Recorder(loop);
        Future<Connection<Recorder>> f = loop.createConnection(() -> client, "127.0.0.1", port(server),
                ConnectionOptions.defaults().withSsl(trustsNobody));
        io.jasyncio.SSLError e = assertThrows(io.jasyncio.SSLError.class, () -> loop.runUntilComplete(f));
        assertTrue(e.getCause() instanceof javax.net.ssl.SSLException
                || e.getCause().getCause() instanceof javax.net.ssl.SSLException, e.getCause().toString());
        assertEquals(List.of(), client.calls, "connectionMade never ran, so neither does connectionLost");
        server.close();
        server.closeClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    /** Port of test_sslproto.py BaseStartTLS.test_start_tls_client_reg_proto / server: STARTTLS on a live connection. */
    @Test
    void testStartTls() {
        List<String> serverSaw = new ArrayList<>();
        Server server = loop.runUntilComplete(loop.createServer(() -> new Recorder(loop) {
            private boolean upgraded;

            @Override
            public void dataReceived(ByteBuffer bytes) {
                ByteBuffer received = bytes.duplicate(); // the recorder consumes its argument
                super.dataReceived(bytes);
                if (!upgraded && text().equals("STARTTLS\n")) {
                    upgraded = true;
                    transport.write("GO\n".getBytes(StandardCharsets.UTF_8)); // still plain: written before the switch
                    loop.startTls(transport, this, serverContext, true, null);
                    data.reset();
                } else if (upgraded) {
                    serverSaw.add(StandardCharsets.UTF_8.decode(received.duplicate()).toString());
                    transport.write(received);
                }
            }
        }, "127.0.0.1", 0));
        Connection<Recorder> c = loop.runUntilComplete(
                loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port(server)));
        c.transport().write("STARTTLS\n".getBytes(StandardCharsets.UTF_8));
        waitUntil(() -> c.protocol().text().equals("GO\n"));
        c.protocol().data.reset();
        io.jasyncio.Transport tls = loop.runUntilComplete(
                loop.startTls(c.transport(), c.protocol(), clientContext, false, "127.0.0.1"));
        assertNotNull(tls.getExtraInfo("cipher"), "encrypted now");
        tls.write("under tls".getBytes(StandardCharsets.UTF_8));
        waitUntil(() -> c.protocol().text().equals("under tls"));
        assertEquals(List.of("under tls"), serverSaw);
        tls.close();
        loop.runUntilComplete(c.protocol().lost);
        server.close();
        server.closeClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }
}
