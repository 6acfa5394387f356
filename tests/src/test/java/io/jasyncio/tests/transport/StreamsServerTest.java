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

import io.jasyncio.Asyncio;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.Future;
import io.jasyncio.IncompleteReadError;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamReaderProtocol;
import io.jasyncio.StreamWriter;
import io.jasyncio.Streams;
import io.jasyncio.Task;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams over real connections: ports of CPython's test_streams.py StreamTests that open connections (TCP, Unix, TLS,
 * STARTTLS). CPython's threaded HTTP test server becomes {@link #httpServer}: a stream server on the loop under test
 * that answers any request with asyncio's canned "Test message" response and closes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StreamsServerTest extends NetTestBase {
    private static final String RESPONSE = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nTest message";
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificate() throws Exception {
        TestCertificates certificates = TestCertificates.make(keys);
        serverContext = certificates.server();
        clientContext = certificates.client();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Answers one request (up to its blank line) with {@link #RESPONSE}, then closes; a client gone early is fine. */
    private static void serveHttp(StreamReader reader, StreamWriter writer) {
        try {
            reader.readuntil(utf8("\r\n\r\n"));
            writer.write(utf8(RESPONSE));
            writer.drain();
        } catch (IncompleteReadError e) {
            // the client closed without a request
        } finally {
            writer.close();
        }
    }

    private Server httpServer(ServerOptions options) {
        return loop.runUntilComplete(() -> Asyncio.startServer(StreamsServerTest::serveHttp, "127.0.0.1", 0, options));
    }

    private Server httpUnixServer(String path, ServerOptions options) {
        return loop.runUntilComplete(() -> Asyncio.startUnixServer(StreamsServerTest::serveHttp, path,
                options));
    }

    private void stop(Server server) {
        server.close();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    private Streams open(Server server) {
        return loop.runUntilComplete(() -> Asyncio.openConnection("127.0.0.1", port(server)));
    }

    /** test_streams.py's _basetest_open_connection: a request, the status line, then the rest up to EOF. */
    private void basetestOpenConnection(Streams s) {
        s.writer().write(utf8("GET / HTTP/1.0\r\n\r\n"));
        assertEquals("HTTP/1.0 200 OK\r\n", str(loop.runUntilComplete(() -> s.reader().readline())));
        assertTrue(str(loop.runUntilComplete(() -> s.reader().read(-1))).endsWith("\r\n\r\nTest message"));
        s.writer().close();
        loop.runUntilComplete(() -> {
            s.writer().waitClosed();
            return null;
        });
    }

    // test_streams.py: test_open_connection
    @Test
    void testOpenConnection() {
        Server httpd = httpServer(ServerOptions.defaults());
        basetestOpenConnection(open(httpd));
        stop(httpd);
    }

    // test_streams.py: test_open_unix_connection
    @Test
    void testOpenUnixConnection() {
        String path = dir.resolve("http.sock").toString();
        Server httpd = httpUnixServer(path, ServerOptions.defaults());
        basetestOpenConnection(loop.runUntilComplete(() -> Asyncio.openUnixConnection(path)));
        stop(httpd);
    }

    /** test_streams.py's _basetest_open_connection_no_loop_ssl: the same exchange, encrypted. */
    private void basetestOpenConnectionSsl(Streams s) {
        assertInstanceOf(javax.net.ssl.SSLContext.class, s.writer().getExtraInfo("sslcontext"));
        assertInstanceOf(SSLEngine.class, s.writer().getExtraInfo("ssl_object"));
        s.writer().write(utf8("GET / HTTP/1.0\r\n\r\n"));
        assertTrue(str(loop.runUntilComplete(() -> s.reader().read(-1))).endsWith("\r\n\r\nTest message"));
        s.writer().close();
        loop.runUntilComplete(() -> {
            s.writer().waitClosed();
            return null;
        });
    }

    // test_streams.py: test_open_connection_no_loop_ssl
    @Test
    void testOpenConnectionNoLoopSsl() {
        Server httpd = httpServer(ServerOptions.defaults().withSsl(serverContext));
        basetestOpenConnectionSsl(loop.runUntilComplete(() -> Asyncio.openConnection("127.0.0.1", port(httpd),
                ConnectionOptions.defaults().withSsl(clientContext))));
        stop(httpd);
    }

    // test_streams.py: test_open_unix_connection_no_loop_ssl
    @Test
    void testOpenUnixConnectionNoLoopSsl() {
        String path = dir.resolve("https.sock").toString();
        Server httpd = httpUnixServer(path, ServerOptions.defaults().withSsl(serverContext));
        basetestOpenConnectionSsl(loop.runUntilComplete(() -> Asyncio.openUnixConnection(path,
                ConnectionOptions.defaults().withSsl(clientContext)
                        .withServerHostname("localhost"))));
        stop(httpd);
    }

    /** test_streams.py's _basetest_open_connection_error: connectionLost(exc) makes the reader raise exc. */
    private void basetestOpenConnectionError(Streams s) {
        ArithmeticException zero = new ArithmeticException("/ by zero");
        ((StreamReaderProtocol) s.writer().transport().getProtocol()).connectionLost(zero);
        assertSame(zero, assertThrows(ArithmeticException.class,
                () -> loop.runUntilComplete(() -> s.reader().read(-1))));
        s.writer().close();
        runOnce();
    }

    // test_streams.py: test_open_connection_error
    @Test
    void testOpenConnectionError() {
        Server httpd = httpServer(ServerOptions.defaults());
        basetestOpenConnectionError(open(httpd));
        closeServer(httpd);
    }

    // test_streams.py: test_open_unix_connection_error
    @Test
    void testOpenUnixConnectionError() {
        String path = dir.resolve("error.sock").toString();
        Server httpd = httpUnixServer(path, ServerOptions.defaults());
        basetestOpenConnectionError(loop.runUntilComplete(() -> Asyncio.openUnixConnection(path)));
        closeServer(httpd);
    }

    /** test_streams.py's MyServer.handle_client: echo one line, then close. */
    private static void handleClient(StreamReader reader, StreamWriter writer) {
        byte[] data = reader.readline();
        writer.write(data);
        writer.drain();
        writer.close();
        writer.waitClosed();
    }

    /** test_streams.py's client(addr): a line there and back. */
    private static byte[] client(Streams s) {
        s.writer().write(utf8("hello world!\n"));
        byte[] msgback = s.reader().readline();
        s.writer().close();
        s.writer().waitClosed();
        return msgback;
    }

    // test_streams.py: test_start_server
    @Test
    void testStartServer() {
        // The handler runs in the server's task for the client...
        Server server = loop.runUntilComplete(() -> Asyncio.startServer(StreamsServerTest::handleClient,
                "127.0.0.1", 0));
        int port = port(server);
        assertEquals("hello world!\n", str(loop.runUntilComplete(() -> client(Asyncio.openConnection("127.0.0.1",
                port)))));
        stop(server);
        // ...or returns at once, having started a task of its own (CPython's plain-callback variant).
        Server callback = loop.runUntilComplete(() -> Asyncio.startServer((r, w) -> {
            Asyncio.createTask(() -> {
                handleClient(r, w);
                return null;
            });
        }, "127.0.0.1", 0));
        int port2 = port(callback);
        assertEquals("hello world!\n", str(loop.runUntilComplete(() -> client(Asyncio.openConnection("127.0.0.1",
                port2)))));
        stop(callback);
    }

    // test_streams.py: test_start_unix_server
    @Test
    void testStartUnixServer() {
        String path = dir.resolve("coro.sock").toString();
        Server server = loop.runUntilComplete(() -> Asyncio.startUnixServer(StreamsServerTest::handleClient, path));
        assertEquals("hello world!\n", str(loop.runUntilComplete(() -> client(Asyncio.openUnixConnection(path)))));
        stop(server);
        String path2 = dir.resolve("callback.sock").toString();
        Server callback = loop.runUntilComplete(() -> Asyncio.startUnixServer((r, w) -> {
            Asyncio.createTask(() -> {
                handleClient(r, w);
                return null;
            });
        }, path2));
        assertEquals("hello world!\n", str(loop.runUntilComplete(() -> client(Asyncio.openUnixConnection(path2)))));
        stop(callback);
    }

    // test_streams.py: test_start_tls
    @Test
    void testStartTls() {
        Server server = loop.runUntilComplete(() -> Asyncio.startServer((reader, writer) -> {
            byte[] data1 = reader.readline();
            writer.write(data1);
            writer.drain();
            assertNull(writer.getExtraInfo("sslcontext"));
            writer.startTls(serverContext);
            assertNotNull(writer.getExtraInfo("sslcontext"));
            byte[] data2 = reader.readline();
            writer.write(data2);
            writer.drain();
            writer.close();
            writer.waitClosed();
        }, "127.0.0.1", 0));
        int port = port(server);
        List<String> msgs = loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port);
            s.writer().write(utf8("hello world 1!\n"));
            s.writer().drain();
            String msgback1 = str(s.reader().readline());
            assertNull(s.writer().getExtraInfo("sslcontext"));
            s.writer().startTls(clientContext, "localhost");
            assertNotNull(s.writer().getExtraInfo("sslcontext"));
            s.writer().write(utf8("hello world 2!\n"));
            s.writer().drain();
            String msgback2 = str(s.reader().readline());
            s.writer().close();
            s.writer().waitClosed();
            return List.of(msgback1, msgback2);
        });
        stop(server);
        assertEquals(List.of("hello world 1!\n", "hello world 2!\n"), msgs);
    }

    /** STARTTLS against a certificate the client does not trust: startTls raises the handshake's failure. */
    // test_streams.py: test_start_tls, failing handshake
    @Test
    void testStartTlsUntrusted() throws Exception {
        expectExceptions(); // the server's end of the failed handshake may be reported too
        SSLContext trustsNobody = SSLContext.getInstance("TLS");
        trustsNobody.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType)
                    throws java.security.cert.CertificateException {
                throw new java.security.cert.CertificateException("not trusted here");
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        Server server = loop.runUntilComplete(() -> Asyncio.startServer((reader, writer) -> {
            reader.readline();
            writer.write(utf8("go ahead\n")); // STARTTLS: the client starts its handshake after this
            try {
                writer.startTls(serverContext);
            } catch (Exception e) {
                // the client refused the certificate
            }
            writer.close();
        }, "127.0.0.1", 0));
        int port = port(server);
        Throwable failure = loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port);
            s.writer().write(utf8("starttls\n"));
            assertEquals("go ahead\n", str(s.reader().readline()));
            try {
                s.writer().startTls(trustsNobody, "localhost");
                return null;
            } catch (Exception e) {
                return e;
            } finally {
                s.writer().close();
            }
        });
        io.jasyncio.SSLError ssl = assertInstanceOf(io.jasyncio.SSLError.class, failure);
        assertInstanceOf(javax.net.ssl.SSLException.class, ssl.getCause());
        closeServer(server);
    }

    /** StreamWriter.start_tls(ssl_handshake_timeout=...): a peer that never answers the handshake fails it in time. */
    @Test
    void testStartTlsHandshakeTimeout() {
        Server server = loop.runUntilComplete(() -> Asyncio.startServer((reader, writer) -> {
            reader.read(-1); // plain to the end: never answers a ClientHello
            writer.close();
        }, "127.0.0.1", 0));
        int port = port(server);
        Throwable failure = loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port);
            try {
                s.writer().startTls(clientContext, "localhost", 0.2);
                return null;
            } catch (Exception e) {
                return e;
            } finally {
                s.writer().close();
            }
        });
        assertInstanceOf(io.jasyncio.ConnectionAbortedError.class, failure); // asyncio's sslproto
        assertEquals("SSL handshake is taking longer than 0.2 seconds: aborting the connection", failure.getMessage());
        closeServer(server);
    }

    /** A stream echo over TLS: open_connection(ssl=...) to start_server(ssl=...), several round trips. */
    // test_streams.py: test_open_connection_no_loop_ssl, both ends on streams
    @Test
    void testStreamsEchoOverTls() {
        Server server = loop.runUntilComplete(() -> Asyncio.startServer((reader, writer) -> {
            while (true) {
                byte[] line = reader.readline();
                if (line.length == 0) {
                    break;
                }
                writer.write(line);
                writer.drain();
            }
            writer.close();
        }, "127.0.0.1", 0, ServerOptions.defaults().withSsl(serverContext)));
        int port = port(server);
        List<String> got = loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port, ConnectionOptions.defaults().withSsl(clientContext));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                s.writer().write(utf8("line " + i + " " + "x".repeat(i * 10000) + "\n"));
                s.writer().drain();
                lines.add(str(s.reader().readline()));
            }
            s.writer().close();
            s.writer().waitClosed();
            return lines;
        });
        for (int i = 0; i < 5; i++) {
            assertEquals("line " + i + " " + "x".repeat(i * 10000) + "\n", got.get(i));
        }
        stop(server);
    }

    // test_streams.py: test_multiple_drain
    @Test
    void testMultipleDrain() {
        Server server = httpServer(ServerOptions.defaults());
        Streams s = open(server);
        StreamReaderProtocol protocol = (StreamReaderProtocol) s.writer().transport().getProtocol();
        int drained = loop.runUntilComplete(() -> {
            int[] count = new int[1];
            protocol.pauseWriting();
            loop.callLater(0.1, protocol::resumeWriting);
            List<Task<Object>> drainers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                drainers.add(Asyncio.createTask(() -> {
                    s.writer().drain();
                    count[0]++;
                    return null;
                }));
            }
            Asyncio.await(Asyncio.gather(drainers));
            return count[0];
        });
        assertEquals(10, drained);
        s.writer().close();
        closeServer(server);
    }

    // test_streams.py: test_drain_raises
    @Test
    void testDrainRaises() throws Exception {
        // Not an asyncio server: the point is a drain that never yields while the peer is gone.
        try (ServerSocket sock = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket clt = sock.accept()) {
                    // accepted, and closed at once
                } catch (IOException e) {
                    // the test fails on its own
                }
            }, "drain-raises-server");
            server.setDaemon(true);
            server.start();
            int port = sock.getLocalPort();
            Exception e = assertThrows(Exception.class, () -> loop.runUntilComplete(() -> {
                Streams s = Asyncio.openConnection("127.0.0.1", port);
                while (true) {
                    s.writer().write(utf8("foo\n"));
                    s.writer().drain();
                }
            }));
            assertInstanceOf(io.jasyncio.ConnectionError.class, e, "ConnectionResetError or BrokenPipeError: " + e);
            server.join(5000);
        }
    }

    // test_streams.py: test_wait_closed_on_close
    @Test
    void testWaitClosedOnClose() {
        Server httpd = httpServer(ServerOptions.defaults());
        Streams s = open(httpd);
        s.writer().write(utf8("GET / HTTP/1.0\r\n\r\n"));
        assertEquals("HTTP/1.0 200 OK\r\n", str(loop.runUntilComplete(() -> s.reader().readline())));
        assertTrue(str(loop.runUntilComplete(() -> s.reader().read(-1))).endsWith("\r\n\r\nTest message"));
        assertFalse(s.writer().isClosing());
        s.writer().close();
        assertTrue(s.writer().isClosing());
        loop.runUntilComplete(() -> {
            s.writer().waitClosed();
            return null;
        });
        stop(httpd);
    }

    // test_streams.py: test_wait_closed_on_close_with_unread_data
    @Test
    void testWaitClosedOnCloseWithUnreadData() {
        Server httpd = httpServer(ServerOptions.defaults());
        Streams s = open(httpd);
        s.writer().write(utf8("GET / HTTP/1.0\r\n\r\n"));
        assertEquals("HTTP/1.0 200 OK\r\n", str(loop.runUntilComplete(() -> s.reader().readline())));
        s.writer().close();
        loop.runUntilComplete(() -> {
            s.writer().waitClosed();
            return null;
        });
        stop(httpd);
    }

    // test_streams.py: test_async_writer_api
    @Test
    void testAsyncWriterApi() {
        Server httpd = httpServer(ServerOptions.defaults());
        int port = port(httpd);
        loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port);
            s.writer().write(utf8("GET / HTTP/1.0\r\n\r\n"));
            assertEquals("HTTP/1.0 200 OK\r\n", str(s.reader().readline()));
            assertTrue(str(s.reader().read(-1)).endsWith("\r\n\r\nTest message"));
            s.writer().close();
            s.writer().waitClosed();
            return null;
        });
        stop(httpd);
    }

    // test_streams.py: test_async_writer_api_exception_after_close
    @Test
    void testAsyncWriterApiExceptionAfterClose() {
        Server httpd = httpServer(ServerOptions.defaults());
        int port = port(httpd);
        Exception e = loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port);
            s.writer().write(utf8("GET / HTTP/1.0\r\n\r\n"));
            assertEquals("HTTP/1.0 200 OK\r\n", str(s.reader().readline()));
            assertTrue(str(s.reader().read(-1)).endsWith("\r\n\r\nTest message"));
            s.writer().close();
            try {
                s.writer().write(utf8("data"));
                s.writer().drain();
                return null;
            } catch (Exception caught) {
                return caught;
            }
        });
        assertInstanceOf(io.jasyncio.ConnectionResetError.class, e);
        assertEquals("Connection lost", e.getMessage());
        stop(httpd);
    }

    // test_streams.py: test_eof_feed_when_closing_writer
    @Test
    void testEofFeedWhenClosingWriter() {
        Server httpd = httpServer(ServerOptions.defaults());
        Streams s = open(httpd);
        s.writer().close();
        loop.runUntilComplete(() -> {
            s.writer().waitClosed();
            return null;
        });
        assertTrue(s.reader().atEof());
        assertEquals("", str(loop.runUntilComplete(() -> s.reader().read(-1))));
        stop(httpd);
    }

    /** test_streams.py's _basetest_unhandled_exceptions: a client writes and closes; the server closes. */
    private void basetestUnhandledExceptions(Streams.ClientConnected handleEcho) {
        loop.runUntilComplete(() -> {
            Server server = Asyncio.startServer(handleEcho, "127.0.0.1", 0);
            server.startServing();
            Streams s = Asyncio.openConnection("127.0.0.1", port(server));
            s.writer().write(utf8("test msg"));
            s.writer().drain();
            s.writer().close();
            s.writer().waitClosed();
            server.close();
            server.waitClosed();
            return null;
        });
    }

    // test_streams.py: test_unhandled_exception
    @Test
    void testUnhandledException() {
        expectExceptions();
        IllegalStateException boom = new IllegalStateException("test");
        basetestUnhandledExceptions((reader, writer) -> {
            throw boom;
        });
        waitUntil(() -> !handled.isEmpty());
        assertEquals("Unhandled exception in client_connected_cb", handled.get(0).message());
        assertSame(boom, handled.get(0).exception());
    }

    // test_streams.py: test_unhandled_cancel
    @Test
    void testUnhandledCancel() {
        basetestUnhandledExceptions((reader, writer) -> {
            writer.close();
            Asyncio.currentTask().cancel();
        });
        // and nothing reached the exception handler (checked at teardown)
    }

    /** A handler that fails: the server closes the connection, and the client sees EOF. */
    // test_streams.py: test_unhandled_exception, seen from the client
    @Test
    void testUnhandledExceptionClosesConnection() {
        expectExceptions();
        ArithmeticException boom = new ArithmeticException("test");
        Server server = loop.runUntilComplete(() -> Asyncio.startServer((r, w) -> {
            throw boom;
        }, "127.0.0.1", 0));
        int port = port(server);
        Streams s = loop.runUntilComplete(() -> Asyncio.openConnection("127.0.0.1", port));
        waitUntil(() -> !handled.isEmpty());
        assertEquals("Unhandled exception in client_connected_cb", handled.get(0).message());
        assertSame(boom, handled.get(0).exception());
        assertEquals(0, loop.runUntilComplete(() -> s.reader().read(-1)).length);
        s.writer().close();
        stop(server);
    }

    /** A handler's task cancelled while it waits: asyncio 3.12 closes the transport, and nothing is reported. */
    // test_streams.py: test_unhandled_cancel, cancelled from outside while reading
    @Test
    void testClientConnectedCancelledClosesTransport() {
        Future<Task<?>> serving = loop.createFuture();
        Server server = loop.runUntilComplete(() -> Asyncio.startServer((r, w) -> {
            serving.setResult(Asyncio.currentTask());
            r.read(-1);
        }, "127.0.0.1", 0));
        int port = port(server);
        Streams s = loop.runUntilComplete(() -> Asyncio.openConnection("127.0.0.1", port));
        loop.runUntilComplete(serving).cancel();
        assertEquals(0, loop.runUntilComplete(() -> s.reader().read(-1)).length, "EOF: the server closed");
        s.writer().close();
        stop(server);
    }

    /** StreamWriter: get_extra_info with a default, and asyncio's repr. */
    // test_streams.py: StreamWriter.get_extra_info(name, default) and __repr__
    @Test
    void testWriterExtraInfoAndRepr() {
        Server httpd = httpServer(ServerOptions.defaults());
        Streams s = open(httpd);
        assertEquals(port(httpd), ((InetSocketAddress) s.writer().getExtraInfo("peername")).getPort());
        assertEquals("fallback", s.writer().getExtraInfo("no such key", "fallback"));
        assertTrue(s.writer().toString().startsWith("<StreamWriter transport="), s.writer().toString());
        assertTrue(s.writer().toString().contains(" reader=<StreamReader transport="), s.writer().toString());
        assertSame(loop, s.writer().getLoop());
        s.writer().close();
        closeServer(httpd);
    }

    /** The reader's limit reaches open_connection / start_server: a long line is refused on both ends. */
    // test_streams.py: open_connection(limit=...) and start_server(limit=...)
    @Test
    void testLimitOverTheNetwork() {
        CompletableFuture<String> serverSaw = new CompletableFuture<>();
        Server server = loop.runUntilComplete(() -> Asyncio.startServer((r, w) -> {
            try {
                r.readline();
                serverSaw.complete("a line");
            } catch (IllegalArgumentException e) {
                serverSaw.complete(e.getMessage());
            }
            w.write(utf8("0123456789\n"));
            w.close();
        }, "127.0.0.1", 0, ServerOptions.defaults().withLimit(4)));
        int port = port(server);
        String client = loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port, ConnectionOptions.defaults().withLimit(4));
            s.writer().write(utf8("abcdefgh\n"));
            try {
                s.reader().readline();
                return "a line";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            } finally {
                s.writer().close();
            }
        });
        // "Separator is found, but chunk is longer than limit", or "not found" when the line came in pieces.
        assertTrue(client.startsWith("Separator is"), client);
        waitUntil(serverSaw::isDone);
        assertTrue(serverSaw.join().startsWith("Separator is"), serverSaw.join());
        stop(server);
    }

    /** A refused connection fails openConnection with asyncio's ConnectionRefusedError. */
    // test_streams.py: open_connection to a closed port
    @Test
    void testOpenConnectionRefused() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Exception e = assertThrows(Exception.class, () -> loop.runUntilComplete(() -> Asyncio.openConnection(
                "127.0.0.1", port)));
        io.jasyncio.ConnectionRefusedError refused = assertInstanceOf(io.jasyncio.ConnectionRefusedError.class, e);
        assertEquals("[Errno 111] Connect call failed ('127.0.0.1', " + port + ")", refused.getMessage());
        assertInstanceOf(java.net.ConnectException.class, refused.getCause());
    }

    /** The stream helpers need a task; a bad limit is refused before anything binds. */
    // test_streams.py: open_connection / start_server arguments
    @Test
    void testHelpersCheckTheirArguments() {
        IllegalStateException outside = assertThrows(IllegalStateException.class,
                () -> Asyncio.openConnection("127.0.0.1", 1));
        assertTrue(outside.getMessage().startsWith("openConnection outside a task"), outside.getMessage());
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.defaults().withLimit(0));
        assertEquals("Limit cannot be <= 0", limit.getMessage());
        limit = assertThrows(IllegalArgumentException.class, () -> ConnectionOptions.defaults().withLimit(-1));
        assertEquals("Limit cannot be <= 0", limit.getMessage());
    }

    /** STARTTLS on a stream that is encrypted already is refused, and the stream carries on. */
    // test_streams.py: test_start_tls on a TLS stream
    @Test
    void testStartTlsOnTlsStreamRefused() {
        Server server = loop.runUntilComplete(() -> Asyncio.startServer((reader, writer) -> {
            writer.write(reader.readline());
            writer.close();
        }, "127.0.0.1", 0, ServerOptions.defaults().withSsl(serverContext)));
        int port = port(server);
        String echoed = loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port, ConnectionOptions.defaults().withSsl(clientContext));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> s.writer().startTls(clientContext));
            assertTrue(e.getMessage().contains("encrypted already"), e.getMessage());
            s.writer().write(utf8("still here\n"));
            String line = str(s.reader().readline());
            s.writer().close();
            return line;
        });
        assertEquals("still here\n", echoed);
        stop(server);
    }

    /** start_server with a list of hosts: one socket each, every one serving the same handler. */
    // test_streams.py: start_server(host=[...]) (asyncio's multiple hosts)
    @Test
    void testStartServerSeveralHosts() {
        Server server = loop.runUntilComplete(() -> Asyncio.startServer(StreamsServerTest::handleClient, null, 0,
                ServerOptions.defaults().withHosts(List.of("127.0.0.1", "127.0.0.2"))));
        assertEquals(2, server.sockets().size());
        for (java.net.SocketAddress a : server.sockets()) {
            InetSocketAddress addr = (InetSocketAddress) a;
            String host = addr.getAddress().getHostAddress();
            assertEquals("hello world!\n", str(loop.runUntilComplete(() -> client(Asyncio.openConnection(host,
                    addr.getPort())))), host);
        }
        stop(server);
    }
}
