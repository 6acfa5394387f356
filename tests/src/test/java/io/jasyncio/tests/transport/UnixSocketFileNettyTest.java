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

import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.Ticker;
import io.jasyncio.tests.LoopTestBase;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Netty removes a domain-socket server's file on close, whatever is there, and has no option to keep it; the
 * transports keep it from doing so where asyncio's {@code cleanup_socket} says the file stays (see
 * {@code io.jasyncio.transport.internal.tcp.UnixSocketFile}). These tests fail, naming the Netty version, as soon as
 * that stops working on the Netty in use: each backend's server channel, closed from inside and from outside a run
 * of the loop.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnixSocketFileNettyTest extends LoopTestBase {
    @TempDir
    Path dir;

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
    }

    @Test
    void testKeptFileSurvivesCloseOutsideARun() {
        Path path = dir.resolve("kept.sock");
        Server server = listen(path, ServerOptions.defaults().withCleanupSocket(false));
        Object bound = fileKey(path);
        server.close(); // queued to the Netty loop, which runs the close in the next run
        waitClosed(server);
        assertNettyKept(path, bound, "its own file, with cleanupSocket=false");
    }

    @Test
    void testKeptFileSurvivesCloseInsideARun() {
        Path path = dir.resolve("kept-in-run.sock");
        Server server = listen(path, ServerOptions.defaults().withCleanupSocket(false));
        Object bound = fileKey(path);
        loop.runUntilComplete(() -> {
            server.close(); // on the loop's thread: Netty closes the channel at once
            server.waitClosed();
            return null;
        });
        assertNettyKept(path, bound, "its own file, with cleanupSocket=false, closed inside a run");
    }

    @Test
    void testReplacedFileSurvivesClose() throws IOException {
        Path path = dir.resolve("replaced.sock");
        Server server = listen(path, ServerOptions.defaults());
        Files.delete(path);
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            other.bind(UnixDomainSocketAddress.of(path));
            Object othersFile = fileKey(path);
            server.close();
            waitClosed(server);
            assertNettyKept(path, othersFile, "another server's file put at its path");
        }
    }

    /** The removal asked for still happens, and the server reports its path, not the one Netty is left with. */
    @Test
    void testOwnFileRemovedAndPathReported() {
        Path path = dir.resolve("own.sock");
        Server server = listen(path, ServerOptions.defaults());
        List<SocketAddress> sockets = server.sockets();
        assertEquals(1, sockets.size(), sockets.toString());
        assertEquals(path.toString(), pathOf(sockets.get(0)), "the server's socket names its path");
        server.close();
        waitClosed(server);
        assertFalse(Files.exists(path), "cleanupSocket=true removes the server's own file");
        assertEquals(List.of(), filesIn(dir), "nothing left in the directory");
    }

    private Server listen(Path path, ServerOptions options) {
        return loop.runUntilComplete(loop.createUnixServer(() -> new Recorder(loop), path.toString(), options));
    }

    private void waitClosed(Server server) {
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    /** Fails loudly when the file at {@code path} is not {@code expected} any more. */
    private void assertNettyKept(Path path, Object expected, String what) {
        String broken = "Netty " + nettyVersion() + " removed a Unix server's socket file on close (" + what + ") on "
                + System.getProperty("jasyncio.transport", "the default backend") + ": the workaround in "
                + "io.jasyncio.transport.internal.tcp.UnixSocketFile no longer holds on this Netty; see its javadoc";
        assertTrue(Files.exists(path), broken);
        assertEquals(expected, fileKey(path), broken);
        assertEquals(List.of(path), filesIn(path.getParent()), "only the socket file is left in the directory");
    }

    private static String nettyVersion() {
        io.netty.util.Version v = io.netty.util.Version.identify().get("netty-transport");
        return v == null ? "(version unknown)" : v.artifactVersion();
    }

    private static String pathOf(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress u) {
            return u.getPath().toString();
        }
        return ((io.netty.channel.unix.DomainSocketAddress) address).path();
    }

    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
