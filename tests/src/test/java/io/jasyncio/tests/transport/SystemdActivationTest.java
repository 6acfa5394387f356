/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Sock;
import io.jasyncio.tests.ChildJvm;
import io.jasyncio.transport.TransportKind;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket activation end to end: {@code systemd-socket-activate} listens on a Unix path and, on the first connection,
 * starts a child JVM with the socket as descriptor 3 ({@code LISTEN_FDS=1}); the child serves it with
 * {@code createUnixServer(..., withSock(Sock.listenFds().get(0)))} from a task, and the client that triggered it,
 * already waiting in the backlog, is answered (the server accepts only once Netty's acceptor is in place).
 * Descriptor numbers are adopted by epoll loops only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SystemdActivationTest {
    private static final Path ACTIVATE = Path.of("/usr/bin/systemd-socket-activate");

    @TempDir
    Path dir;

    /** Without systemd's variables, no socket was passed. */
    @Test
    void testListenFdsWithoutSystemd() {
        Assumptions.assumeTrue(System.getenv("LISTEN_FDS") == null, "run under socket activation");
        assertTrue(Sock.listenFds().isEmpty());
    }

    /**
     * Connects once systemd-socket-activate listens: its socket file appears at bind(), a moment before listen(), and
     * a connection in between is refused.
     */
    private static SocketChannel connectOnceListening(Path path, Process activator, ByteArrayOutputStream output)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return SocketChannel.open(UnixDomainSocketAddress.of(path));
            } catch (java.net.ConnectException refused) {
                assertTrue(activator.isAlive(), () -> "systemd-socket-activate ended: " + output);
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                Thread.sleep(10);
            }
        }
    }

    @Test
    void testServeSocketPassedBySystemd() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ACTIVATE), "systemd-socket-activate is not installed");
        String asked = System.getProperty("jasyncio.transport");
        TransportKind kind = asked == null || asked.isBlank() ? null : TransportKind.of(asked);
        Assumptions.assumeTrue(kind == null || kind == TransportKind.EPOLL, "descriptors are adopted on epoll");
        Assumptions.assumeTrue(TransportKind.EPOLL.isAvailable(), "epoll is not available");
        Path path = dir.resolve("activated.sock");
        List<String> command = new ArrayList<>(List.of(ACTIVATE.toString(), "--listen=" + path));
        command.addAll(ChildJvm.java(false));
        command.addAll(List.of("-Djasyncio.transport=epoll", "-cp", System.getProperty("java.class.path"),
                SystemdActivationMain.class.getName()));
        Process activator = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofPlatform().daemon().start(() -> copy(activator.getInputStream(), output));
        try {
            while (!Files.exists(path)) { // systemd-socket-activate binds before it waits for a connection
                assertTrue(activator.isAlive(), () -> "systemd-socket-activate ended: " + output);
                Thread.sleep(10);
            }
            try (SocketChannel client = connectOnceListening(path, activator, output)) {
                client.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer echo = ByteBuffer.allocate(4);
                try {
                    while (echo.hasRemaining() && client.read(echo) >= 0) {
                        // the child starts, adopts descriptor 3, accepts this connection and echoes
                    }
                } catch (IOException e) {
                    activator.waitFor(10, TimeUnit.SECONDS);
                    reader.join(5000);
                    throw new AssertionError("no echo: " + e + "; the child said: " + output, e);
                }
                assertEquals("ping", new String(echo.array(), StandardCharsets.US_ASCII), output::toString);
            }
            assertTrue(activator.waitFor(30, TimeUnit.SECONDS), output::toString);
            String out;
            synchronized (output) {
                out = output.toString(StandardCharsets.UTF_8);
            }
            assertTrue(out.contains("listen fds [<socket fd=3>]"), out);
        } finally {
            activator.descendants().forEach(ProcessHandle::destroy);
            activator.destroy();
            reader.join(5000);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0;) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }
}
