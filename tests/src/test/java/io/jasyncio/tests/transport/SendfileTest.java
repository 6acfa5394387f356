/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Connection;
import io.jasyncio.Future;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.ConnectionOptions;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loop.sendfile}: ports of CPython's test_asyncio/test_sendfile.py (SendfileMixin) and of the argument checks
 * of test_base_events.py (BaseLoopSendfileTests), on every backend: zero-copy where the channel allows, chunks under
 * TLS.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SendfileTest extends NetTestBase {
    /** test_sendfile.py's DATA is 160 KiB; a larger file crosses several socket buffers and fallback chunks. */
    private static final byte[] DATA = new byte[1024 * 1024 + 123];

    @TempDir
    static Path dir;
    private static Path file;
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    @BeforeAll
    static void makeFile() throws Exception {
        new Random(42).nextBytes(DATA);
        file = dir.resolve("data.bin");
        Files.write(file, DATA);
        TestCertificates certificates = TestCertificates.make(dir);
        serverContext = certificates.server();
        clientContext = certificates.client();
    }

    private byte[] receivedBy(Recorder r, int n) {
        waitUntil(() -> r.data.size() >= n);
        return r.data.toByteArray();
    }

    /** test_sendfile.py: test_sendfile */
    @Test
    void testSendfile() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        long sent = loop.runUntilComplete(loop.sendfile(c.transport(), file));
        assertEquals(DATA.length, sent);
        assertArrayEquals(DATA, receivedBy(accepted(0), DATA.length));
        closeClient(c);
        closeServer(srv);
    }

    /** test_sendfile.py: test_sendfile_zero_size */
    @Test
    void testSendfileZeroSize() throws Exception {
        Path empty = Files.createTempFile(dir, "empty", ".bin");
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        assertEquals(0L, loop.runUntilComplete(loop.sendfile(c.transport(), empty)));
        c.transport().write(bytes("end"));
        assertArrayEquals(bytes("end"), receivedBy(accepted(0), 3));
        closeClient(c);
        closeServer(srv);
    }

    /** test_sendfile.py: test_sendfile_mix_with_regular_send: writes before and after keep their places. */
    @Test
    void testSendfileMixWithRegularSend() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        c.transport().write(bytes("head"));
        Future<Long> sending = loop.sendfile(c.transport(), file);
        assertEquals(DATA.length, loop.runUntilComplete(sending));
        c.transport().write(bytes("tail"));
        byte[] got = receivedBy(accepted(0), DATA.length + 8);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(bytes("head"));
        expected.writeBytes(DATA);
        expected.writeBytes(bytes("tail"));
        assertArrayEquals(expected.toByteArray(), got);
        closeClient(c);
        closeServer(srv);
    }

    /** test_sendfile.py: test_sendfile_prevents_bare_write: asyncio's RuntimeError until the file is sent. */
    @Test
    void testSendfilePreventsBareWrite() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Future<Long> sending = loop.sendfile(c.transport(), file);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.transport().write(bytes("x")));
        assertEquals("unable to write; sendfile is in progress", e.getMessage());
        assertEquals(DATA.length, loop.runUntilComplete(sending));
        c.transport().write(bytes("x"));
        assertEquals(DATA.length + 1, receivedBy(accepted(0), DATA.length + 1).length);
        closeClient(c);
        closeServer(srv);
    }

    /** An offset and a count send that slice; a count past the end stops at the end. */
    @Test
    void testSendfileOffsetAndCount() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        assertEquals(1000L, loop.runUntilComplete(loop.sendfile(c.transport(), file, 5000, 1000)));
        assertEquals(23L, loop.runUntilComplete(loop.sendfile(c.transport(), file, DATA.length - 23, 1000)));
        byte[] got = receivedBy(accepted(0), 1023);
        assertArrayEquals(Arrays.copyOfRange(DATA, 5000, 6000), Arrays.copyOfRange(got, 0, 1000));
        assertArrayEquals(Arrays.copyOfRange(DATA, DATA.length - 23, DATA.length), Arrays.copyOfRange(got, 1000, 1023));
        closeClient(c);
        closeServer(srv);
    }

    /** test_sendfile.py: test_sendfile_ssl: under TLS the bytes go through the encryption, in chunks. */
    @Test
    void testSendfileSsl() {
        Server srv = listenRecording(ServerOptions.defaults().withSsl(serverContext));
        Connection<Recorder> c = loop.runUntilComplete(loop.createConnection(() -> new Recorder(loop), "127.0.0.1",
                port(srv), ConnectionOptions.defaults().withSsl(clientContext)));
        c.transport().write(bytes("head"));
        assertEquals(DATA.length, loop.runUntilComplete(loop.sendfile(c.transport(), file)));
        byte[] got = receivedBy(accepted(0), DATA.length + 4);
        assertArrayEquals(bytes("head"), Arrays.copyOfRange(got, 0, 4));
        assertArrayEquals(DATA, Arrays.copyOfRange(got, 4, got.length));
        closeClient(c);
        closeServer(srv);
    }

    /** test_sendfile.py: test_sendfile_close_peer_in_the_middle_of_receiving: the future fails, the loop goes on. */
    @Test
    void testSendfileClosePeerInTheMiddleOfReceiving() throws Exception {
        Path big = dir.resolve("big.bin");
        byte[] chunk = new byte[1024 * 1024];
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 64; i++) {
                out.write(chunk);
            }
        }
        Server srv = listenRecording();
        try (java.net.Socket peer = stingyPeer(srv)) {
            Recorder s = accepted(0);
            Future<Long> sending = loop.sendfile(s.transport, big);
            peer.setSoLinger(true, 0);
            peer.close(); // a reset, with 64 MiB still to send
            Throwable error = assertThrows(Throwable.class, () -> loop.runUntilComplete(sending));
            assertTrue(error instanceof io.jasyncio.ConnectionError || error instanceof IllegalStateException
                    || error instanceof io.jasyncio.CancelledError, String.valueOf(error));
            loop.runUntilComplete(s.lost);
        }
        closeServer(srv);
    }

    /** test_base_events.py BaseLoopSendfileTests: test_negative_offset, test_negative_count (asyncio's ValueError). */
    @Test
    void testNegativeOffsetAndCount() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        IllegalArgumentException offset = assertThrows(IllegalArgumentException.class,
                () -> loop.sendfile(c.transport(), file, -1, 10));
        assertEquals("offset must be a non-negative integer (got -1)", offset.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> loop.sendfile(c.transport(), file, 0, 0));
        assertEquals("count must be a positive integer (got 0)", count.getMessage());
        closeClient(c);
        closeServer(srv);
    }

    /** base_events.sendfile: "Transport is closing" once close() was called. */
    @Test
    void testSendfileOnClosingTransport() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        c.transport().close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> loop.sendfile(c.transport(), file));
        assertEquals("Transport is closing", e.getMessage());
        loop.runUntilComplete(c.protocol().lost);
        closeServer(srv);
    }

    /** A file that cannot be read fails the future with the I/O error; the connection stays usable. */
    @Test
    void testSendfileMissingFile() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Future<Long> sending = loop.sendfile(c.transport(), dir.resolve("no-such-file"));
        io.jasyncio.OSError e = assertThrows(io.jasyncio.OSError.class, () -> loop.runUntilComplete(sending));
        assertEquals(io.jasyncio.Errno.ENOENT, e.errno());
        assertEquals("[Errno 2] No such file or directory: '" + dir.resolve("no-such-file") + "'", e.getMessage());
        org.junit.jupiter.api.Assertions.assertInstanceOf(java.nio.file.NoSuchFileException.class, e.getCause());
        c.transport().write(bytes("still"));
        assertArrayEquals(bytes("still"), receivedBy(accepted(0), 5));
        closeClient(c);
        closeServer(srv);
    }
}
