/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Connection;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.Streams;
import io.jasyncio.Ticker;
import io.jasyncio.tests.LoopTestBase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unix sockets: ports of CPython's test_events.py unix tests and test_streams.py's unix stream tests. */
class UnixTransportTest extends LoopTestBase {
    @TempDir
    Path dir;

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_unix_server / test_create_unix_connection. */
    @Test
    void testCreateUnixServer() {
        String path = dir.resolve("echo.sock").toString();
        List<Recorder> serverSide = new ArrayList<>();
        Server server = loop.runUntilComplete(loop.createUnixServer(() -> {
            Recorder r = new Recorder(loop) {
                @Override
                public void dataReceived(ByteBuffer bytes) {
                    transport.write(bytes);
                    super.dataReceived(bytes);
                }
            };
            serverSide.add(r);
            return r;
        }, path));
        assertTrue(Files.exists(Path.of(path)));
        Connection<Recorder> c = loop.runUntilComplete(loop.createUnixConnection(() -> new Recorder(loop), path));
        c.transport().write("over unix".getBytes(StandardCharsets.UTF_8));
        Recorder client = c.protocol();
        waitUntil(() -> client.data.size() >= 9);
        assertEquals("over unix", client.text());
        c.transport().close();
        loop.runUntilComplete(client.lost);
        loop.runUntilComplete(serverSide.get(0).lost);
        // asyncio's order, with eofReceived optional: NIO's domain socket channel does not report a half-close.
        List<String> calls = serverSide.get(0).calls;
        assertTrue(calls.equals(List.of("made", "data", "eof", "lost")) || calls.equals(List.of("made", "data", "lost")),
                calls.toString());
        server.close();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
        assertFalse(Files.exists(Path.of(path)), "the socket file is removed on close");
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_unix_server_existing_path_sock: a stale socket. */
    @Test
    void testExistingPathSock() {
        String path = dir.resolve("stale.sock").toString();
        Server first = loop.runUntilComplete(loop.createUnixServer(() -> new Recorder(loop), path));
        // Leave the file behind, as a crashed server would: close the channel but put a socket file back.
        first.close();
        loop.runUntilComplete(() -> {
            first.waitClosed();
            return null;
        });
        Server second = loop.runUntilComplete(loop.createUnixServer(() -> new Recorder(loop), path));
        Server third;
        second.close();
        loop.runUntilComplete(() -> {
            second.waitClosed();
            return null;
        });
        third = loop.runUntilComplete(loop.createUnixServer(() -> new Recorder(loop), path));
        assertTrue(third.isServing());
        third.close();
        loop.runUntilComplete(() -> {
            third.waitClosed();
            return null;
        });
    }

    /** Port of test_streams.py StreamTests.test_start_unix_server / test_open_unix_connection. */
    @Test
    void testUnixStreams() {
        String path = dir.resolve("streams.sock").toString();
        String reply = loop.runUntilComplete(() -> {
            Server server = Asyncio.startUnixServer((reader, writer) -> {
                byte[] line = reader.readline();
                writer.write(("unix: " + new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                writer.drain();
                writer.close();
            }, path);
            Streams s = Asyncio.openUnixConnection(path);
            s.writer().write("ping\n".getBytes(StandardCharsets.UTF_8));
            byte[] answer = s.reader().read(-1);
            s.writer().close();
            server.close();
            server.waitClosed();
            return new String(answer, StandardCharsets.UTF_8);
        });
        assertEquals("unix: ping\n", reply);
    }

    /** Port of test_events.py EventLoopTestsMixin.test_create_unix_connection_nopath... : a missing path fails. */
    @Test
    void testCreateUnixConnectionNoSuchPath() {
        String path = dir.resolve("nobody-here.sock").toString();
        Throwable e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> loop.runUntilComplete(loop.createUnixConnection(() -> new Recorder(loop), path)));
        assertTrue(e instanceof java.io.IOException || e.getCause() instanceof java.io.IOException, e.toString());
    }

    private Server unixServer(String path, io.jasyncio.ServerOptions options) {
        return loop.runUntilComplete(loop.createUnixServer(() -> new Recorder(loop), path, options));
    }

    private void close(Server server) {
        server.close();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    /** Port of test_unix_events.py SelectorEventLoopUnixSocketTests.test_create_unix_server_cleanup_gone. */
    @Test
    void testCreateUnixServerCleanupGone() throws Exception {
        Path path = dir.resolve("gone.sock");
        Server server = unixServer(path.toString(), io.jasyncio.ServerOptions.defaults());
        Files.delete(path);
        close(server);
        assertFalse(Files.exists(path));
    }

    /**
     * Port of test_unix_events.py SelectorEventLoopUnixSocketTests.test_create_unix_server_cleanup_replaced: another
     * server's socket put at the path is not removed when the first server closes.
     */
    @Test
    void testCreateUnixServerCleanupReplaced() throws Exception {
        Path path = dir.resolve("replaced.sock");
        Server server = unixServer(path.toString(), io.jasyncio.ServerOptions.defaults());
        Files.delete(path);
        try (java.nio.channels.ServerSocketChannel other = java.nio.channels.ServerSocketChannel.open(
                java.net.StandardProtocolFamily.UNIX)) {
            other.bind(java.net.UnixDomainSocketAddress.of(path));
            Object otherFile = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class)
                    .fileKey();
            close(server);
            assertTrue(Files.exists(path), "the other server's socket file stays");
            assertEquals(otherFile, Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class)
                    .fileKey());
        }
    }

    /** Port of test_unix_events.py SelectorEventLoopUnixSocketTests.test_create_unix_server_cleanup_prevented. */
    @Test
    void testCreateUnixServerCleanupPrevented() {
        Path path = dir.resolve("kept.sock");
        Server server = unixServer(path.toString(), io.jasyncio.ServerOptions.defaults().withCleanupSocket(false));
        close(server);
        assertTrue(Files.exists(path), "cleanupSocket=false keeps the socket file");
        Server again = unixServer(path.toString(), io.jasyncio.ServerOptions.defaults());
        assertTrue(again.isServing(), "the file left behind is a stale socket: the next server replaces it");
        close(again);
        assertFalse(Files.exists(path));
    }

    /**
     * Port of test_unix_events.py SelectorEventLoopUnixSocketTests.test_create_unix_server_existing_path_nonsock:
     * a file that is not a socket is neither removed nor bound over, and the error is asyncio's.
     */
    @Test
    void testCreateUnixServerExistingPathNonsock() throws Exception {
        Path path = dir.resolve("not-a-socket");
        Files.writeString(path, "data");
        io.jasyncio.OSError e = org.junit.jupiter.api.Assertions.assertThrows(io.jasyncio.OSError.class,
                () -> unixServer(path.toString(), io.jasyncio.ServerOptions.defaults()));
        assertEquals(io.jasyncio.Errno.EADDRINUSE, e.errno());
        assertEquals("[Errno 98] Address '" + path + "' is already in use", e.getMessage());
        assertEquals("data", Files.readString(path), "the file is left as it was");
    }
}
