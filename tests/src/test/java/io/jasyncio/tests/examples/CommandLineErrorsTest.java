/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import io.jasyncio.tests.ChildJvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The commands, each in a JVM of its own, refuse a bad argument, a busy port and a host that does not resolve in one
 * line on stderr, with asyncio's words and a non-zero status: no stack trace.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommandLineErrorsTest {
    private static final String ECHO = "io.jasyncio.examples.EchoServer";

    /** What a command printed on stderr and its exit status. */
    private record Run(int status, List<String> stderr) {
        /** The last line, after the loop's INFO lines. */
        String error() {
            return stderr.isEmpty() ? "" : stderr.get(stderr.size() - 1);
        }
    }

    private static Run run(String main, String... args) throws IOException, InterruptedException {
        List<String> command = ChildJvm.java(false);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] err;
        try {
            err = p.getErrorStream().readAllBytes(); // ends when the process does
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command exited");
        } finally {
            p.destroyForcibly();
        }
        List<String> lines = new String(err, StandardCharsets.UTF_8).lines().toList();
        for (String line : lines) {
            assertFalse(line.startsWith("\tat ") || line.contains("Exception"), "no stack trace: " + lines);
        }
        for (String line : lines.subList(0, Math.max(0, lines.size() - 1))) {
            assertTrue(line.contains("INFO"), "only the loop's INFO lines before the error: " + lines);
        }
        return new Run(p.exitValue(), lines);
    }

    @Test
    void testPortOutOfRange() throws Exception {
        Run r = run(ECHO, "--port", "99999");
        assertEquals(2, r.status());
        assertEquals(List.of("jasyncio echo-server: --port must be 0-65535, got 99999 (--help for usage)"),
                r.stderr());
        r = run("io.jasyncio.examples.http.HttpServer", "--port", "99999");
        assertEquals(2, r.status());
        assertEquals(List.of("jasyncio http-server: --port must be 0-65535, got 99999 (--help for usage)"),
                r.stderr());
    }

    /** asyncio's create_server message, on one loop and on a group of loops. */
    @Test
    void testBusyPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            String words = "[Errno 98] error while attempting to bind on address ('127.0.0.1', " + port
                    + "): address already in use";
            Run r = run(ECHO, "--port", String.valueOf(port));
            assertEquals(1, r.status());
            assertEquals("jasyncio echo-server: " + words, r.error());
            r = run("io.jasyncio.examples.redis.RedisServer", "--port", String.valueOf(port), "--loops", "2");
            assertEquals(1, r.status());
            assertEquals("jasyncio redis-server: " + words, r.error());
        }
    }

    /** socket.gaierror's words. */
    @Test
    void testUnresolvableHost() throws Exception {
        Run r = run(ECHO, "--host", "nonexistent.invalid");
        assertEquals(1, r.status());
        assertTrue(r.error().equals("jasyncio echo-server: [Errno -2] Name or service not known")
                || r.error().equals("jasyncio echo-server: [Errno -3] Temporary failure in name resolution"),
                r.error());
    }

    /** The load generator against a closed port: asyncio's ConnectionRefusedError words. */
    @Test
    void testLoadRefused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = closed.getLocalPort();
        }
        Run r = run("io.jasyncio.load.LoadMain", "--target", "127.0.0.1:" + port, "--connections", "1",
                "--duration", "1", "--quiet");
        assertEquals(1, r.status());
        assertEquals("jasyncio load: cannot connect to 127.0.0.1:" + port + ": [Errno 111] Connect call failed "
                + "('127.0.0.1', " + port + ")", r.error());
    }
}
