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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.BrokenPipeError;
import io.jasyncio.ConnectionError;
import io.jasyncio.ConnectionRefusedError;
import io.jasyncio.ConnectionResetError;
import io.jasyncio.Errno;
import io.jasyncio.Future;
import io.jasyncio.GaiError;
import io.jasyncio.OSError;
import io.jasyncio.SSLError;
import io.jasyncio.Server;
import io.jasyncio.StreamWriter;
import io.jasyncio.Streams;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every awaited network operation fails with asyncio's {@link OSError} family, which Java code catches by type around
 * the await: a refused connect, a reset peer on a read and on a drain, a busy address, a name that does not resolve,
 * a failed TLS handshake.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OsErrorTest extends NetTestBase {
    @TempDir
    static Path keys;

    /** A port nothing listens on: bound, then closed. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Port of test_base_events.py BaseEventLoopWithSelectorTests.test_create_connection_connect_err, with a real
     * socket: the refusal is a {@link ConnectionRefusedError} with asyncio's words, Netty's exception as its cause.
     */
    @Test
    void testCreateConnectionRefusedIsCaughtByType() throws Exception {
        int port = closedPort();
        ConnectionRefusedError caught = loop.runUntilComplete(() -> {
            try {
                Asyncio.await(loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port));
                return null;
            } catch (ConnectionRefusedError e) {
                return e;
            }
        });
        assertNotNull(caught, "the connect was refused");
        assertEquals(Errno.ECONNREFUSED, caught.errno());
        assertEquals("Connect call failed ('127.0.0.1', " + port + ")", caught.strerror());
        assertEquals("[Errno 111] Connect call failed ('127.0.0.1', " + port + ")", caught.getMessage());
        assertInstanceOf(java.net.ConnectException.class, caught.getCause());
    }

    /** test_streams.py: open_connection to a closed port raises ConnectionRefusedError. */
    @Test
    void testOpenConnectionRefusedIsCaughtByType() throws Exception {
        int port = closedPort();
        OSError caught = loop.runUntilComplete(() -> {
            try {
                Asyncio.openConnection("127.0.0.1", port);
                return null;
            } catch (ConnectionRefusedError e) {
                return e;
            }
        });
        assertInstanceOf(ConnectionError.class, caught);
        assertInstanceOf(java.io.UncheckedIOException.class, caught);
    }

    /**
     * A Unix socket connects at once, so the error is the system's (asyncio's sock_connect raises it as it is):
     * FileNotFoundError for a path that does not exist, ConnectionRefusedError for a socket file nobody listens on.
     */
    @Test
    void testOpenUnixConnectionErrors(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("missing.sock").toString();
        OSError e = loop.runUntilComplete(() -> {
            try {
                Asyncio.openUnixConnection(missing);
                return null;
            } catch (OSError caught) {
                return caught;
            }
        });
        assertNotNull(e, "nothing to connect to");
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals("[Errno 2] No such file or directory", e.getMessage());
        Path stale = dir.resolve("stale.sock");
        try (java.nio.channels.ServerSocketChannel s = java.nio.channels.ServerSocketChannel.open(
                java.net.StandardProtocolFamily.UNIX)) {
            s.bind(java.net.UnixDomainSocketAddress.of(stale)); // closed below: the file stays, nobody listens
        }
        ConnectionRefusedError refused = loop.runUntilComplete(() -> {
            try {
                Asyncio.openUnixConnection(stale.toString());
                return null;
            } catch (ConnectionRefusedError caught) {
                return caught;
            }
        });
        assertNotNull(refused, "refused");
        assertEquals("[Errno 111] Connection refused", refused.getMessage());
    }

    /** A reset peer (an RST, no FIN): a pending read fails with a ConnectionResetError. */
    @Test
    void testReadAfterResetIsConnectionResetError() throws Exception {
        Future<Throwable> readFailed = loop.createFuture();
        boolean[] reading = {false};
        Server srv = loop.runUntilComplete(() -> Asyncio.startServer((reader, writer) -> {
            reading[0] = true;
            try {
                reader.read(-1);
                readFailed.setResult(null);
            } catch (ConnectionResetError e) {
                readFailed.setResult(e);
            }
        }, "127.0.0.1", 0));
        try (Socket peer = new Socket("127.0.0.1", port(srv))) {
            waitUntil(() -> reading[0]);
            peer.setSoLinger(true, 0); // close sends an RST
        }
        Throwable e = loop.runUntilComplete(readFailed);
        ConnectionResetError reset = assertInstanceOf(ConnectionResetError.class, e, "the read failed");
        assertEquals(Errno.ECONNRESET, reset.errno());
        assertEquals("[Errno 104] Connection reset by peer", reset.getMessage());
        closeServer(srv);
    }

    /**
     * test_streams.py test_drain_raises, on the server's end: a writer blocked in drain (the peer reads nothing) fails
     * once the peer resets: ConnectionResetError, or BrokenPipeError when a write met the reset first.
     */
    @Test
    void testDrainAfterResetIsConnectionError() throws Exception {
        Future<Throwable> drainFailed = loop.createFuture();
        StreamWriter[] writer = {null};
        Server srv = loop.runUntilComplete(() -> Asyncio.startServer((r, w) -> {
            writer[0] = w;
            byte[] chunk = new byte[65536];
            try {
                while (true) {
                    w.write(chunk);
                    w.drain();
                }
            } catch (ConnectionResetError | BrokenPipeError e) {
                drainFailed.setResult(e);
            }
        }, "127.0.0.1", 0));
        try (Socket peer = stingyPeer(srv)) {
            waitUntil(() -> writer[0] != null && writer[0].transport().getWriteBufferSize()
                    > writer[0].transport().getWriteBufferLimits()[0]); // blocked in drain
            peer.setSoLinger(true, 0);
        }
        Throwable e = loop.runUntilComplete(drainFailed);
        ConnectionError c = assertInstanceOf(ConnectionError.class, e);
        assertTrue(c.errno() == Errno.ECONNRESET || c.errno() == Errno.EPIPE, c.toString());
        closeServer(srv);
    }

    /** The client's end of test_drain_raises: writes and drains to a peer that resets. */
    @Test
    void testClientDrainAfterResetIsConnectionError() throws Exception {
        try (ServerSocket sock = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket clt = sock.accept()) {
                    clt.getInputStream().read(); // connected: the client's first write came
                    clt.setSoLinger(true, 0);
                } catch (java.io.IOException e) {
                    // the test fails on its own
                }
            }, "resetting-server");
            server.setDaemon(true);
            server.start();
            int port = sock.getLocalPort();
            ConnectionError e = loop.runUntilComplete(() -> {
                Streams s = Asyncio.openConnection("127.0.0.1", port);
                try {
                    while (true) {
                        s.writer().write(bytes("foo\n"));
                        s.writer().drain();
                    }
                } catch (ConnectionError caught) {
                    return caught;
                }
            });
            assertTrue(e instanceof ConnectionResetError || e instanceof BrokenPipeError, e.toString());
            server.join(5000);
        }
    }

    /**
     * Port of test_events.py EventLoopTestsMixin.test_create_server_addr_in_use (asyncio's message, from
     * base_events.create_server), with the port held by a plain socket.
     */
    @Test
    void testStartServerAddrInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            OSError e = loop.runUntilComplete(() -> {
                try {
                    Asyncio.startServer((r, w) -> { }, "127.0.0.1", port);
                    return null;
                } catch (OSError caught) {
                    return caught;
                }
            });
            assertNotNull(e, "the bind failed");
            assertEquals(Errno.EADDRINUSE, e.errno());
            assertEquals("[Errno 98] error while attempting to bind on address ('127.0.0.1', " + port
                    + "): address already in use", e.getMessage());
            assertEquals(OSError.class, e.getClass(), "EADDRINUSE is a plain OSError, as Python's");
        }
    }

    /** A host name that does not resolve: socket.gaierror, for a connect and for a bind. */
    @Test
    void testUnresolvableHostIsGaiError() {
        GaiError connect = loop.runUntilComplete(() -> {
            try {
                Asyncio.openConnection("nonexistent.invalid", 80);
                return null;
            } catch (GaiError e) {
                return e;
            }
        });
        assertNotNull(connect, "the name did not resolve");
        assertTrue(connect.errno() == Errno.EAI_NONAME || connect.errno() == Errno.EAI_AGAIN, connect.toString());
        assertTrue(connect.getMessage().startsWith("[Errno " + connect.errno() + "] "), connect.getMessage());
        GaiError bind = loop.runUntilComplete(() -> {
            try {
                Asyncio.startServer((r, w) -> { }, "nonexistent.invalid", 0);
                return null;
            } catch (GaiError e) {
                return e;
            }
        });
        assertNotNull(bind, "the name did not resolve");
    }

    /**
     * Port of test_events.py EventLoopTestsMixin.test_create_server_ssl_verify_failed, on streams: a certificate the
     * client does not trust fails the handshake with an SSLError.
     */
    @Test
    void testTlsHandshakeFailureIsSslError() throws Exception {
        TestCertificates certificates = TestCertificates.make(keys);
        Server srv = loop.runUntilComplete(loop.createServer(() -> new Recorder(loop), "127.0.0.1", 0,
                io.jasyncio.ServerOptions.defaults().withSsl(certificates.server())));
        SSLContext trustsNobody = SSLContext.getInstance("TLS");
        trustsNobody.init(null, null, null); // the JDK's trust store: the self-signed certificate is unknown
        SSLError e = loop.runUntilComplete(() -> {
            try {
                Asyncio.await(loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port(srv),
                        io.jasyncio.ConnectionOptions.defaults().withSsl(trustsNobody)));
                return null;
            } catch (SSLError caught) {
                return caught;
            }
        });
        assertNotNull(e, "the handshake failed");
        assertInstanceOf(OSError.class, e, "asyncio's ssl.SSLError is an OSError");
        assertTrue(e.getCause() instanceof javax.net.ssl.SSLException
                || e.getCause().getCause() instanceof javax.net.ssl.SSLException, e.getCause().toString());
        srv.close();
        srv.closeClients();
        loop.runUntilComplete(() -> {
            srv.waitClosed();
            return null;
        });
    }
}
