/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Connection;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.Transport;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code getWriteBufferSize()} is 0 as soon as {@code abort()} returns, as asyncio's {@code _force_close} clears its
 * buffer before it returns (selector_events.py); the datagram cases are in {@link UdpOptionsTest} and
 * {@link UnixDatagramTest}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AbortWriteBufferTest extends NetTestBase {
    /** More than loopback's socket buffers take while the loop does not run. */
    private static final int CHUNKS = 256;
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

    private void fillThenAbort(Transport t, Recorder client) {
        for (int i = 0; i < CHUNKS; i++) {
            t.write(ByteBuffer.allocate(64 * 1024));
        }
        assertTrue(t.getWriteBufferSize() > 0, "the socket took it all: " + t.getWriteBufferSize());
        t.abort();
        assertEquals(0, t.getWriteBufferSize(), "abort() dropped the buffer");
        loop.runUntilComplete(client.lost);
        assertEquals(0, t.getWriteBufferSize());
    }

    /** Plain TCP. */
    @Test
    void testAbortEmptiesWriteBuffer() {
        Server server = listenRecording();
        Connection<Recorder> c = connect(server);
        fillThenAbort(c.transport(), c.protocol());
        closeServer(server);
    }

    /** Plain TCP, written and aborted inside a callback on the running loop. */
    @Test
    void testAbortEmptiesWriteBufferOnLoop() {
        Server server = listenRecording();
        Connection<Recorder> c = connect(server);
        Transport t = c.transport();
        io.jasyncio.Future<long[]> sizes = loop.createFuture();
        loop.callSoon(() -> {
            for (int i = 0; i < CHUNKS; i++) {
                t.write(ByteBuffer.allocate(64 * 1024));
            }
            long before = t.getWriteBufferSize();
            t.abort();
            sizes.setResult(new long[] {before, t.getWriteBufferSize()});
        });
        long[] got = loop.runUntilComplete(sizes);
        assertTrue(got[0] > 0, "the socket took it all: " + got[0]);
        assertEquals(0, got[1], "abort() dropped the buffer");
        loop.runUntilComplete(c.protocol().lost);
        closeServer(server);
    }

    /** TLS: the SslHandler's pending writes are dropped too. */
    @Test
    void testAbortEmptiesWriteBufferTls() {
        Server server = listenRecording(ServerOptions.defaults().withSsl(serverContext));
        Connection<Recorder> c = loop.runUntilComplete(loop.createConnection(() -> new Recorder(loop), "127.0.0.1",
                port(server), ConnectionOptions.defaults().withSsl(clientContext).withServerHostname("localhost")));
        fillThenAbort(c.transport(), c.protocol());
        closeServer(server);
    }
}
