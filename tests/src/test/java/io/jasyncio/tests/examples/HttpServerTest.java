/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.Streams;
import io.jasyncio.Ticker;
import io.jasyncio.examples.http.HttpServer;
import io.jasyncio.tests.LoopTestBase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTTP server over TCP: keep-alive with a client of our own, and driven by curl and wrk. */
class HttpServerTest extends LoopTestBase {
    private static final int MAX_BODY = 64 * 1024;

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
    }

    private Server start() {
        return loop.runUntilComplete(loop.createServer(HttpServer.factory(MAX_BODY), "127.0.0.1", 0));
    }

    private static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    private void stop(Server server) {
        server.close();
        server.closeClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    private ExternalTool.Result runTool(int timeoutSeconds, String... command) {
        return loop.runUntilComplete(loop.runInExecutor(null, () -> ExternalTool.run(timeoutSeconds, command)));
    }

    @Test
    void testKeepAliveThenClose() {
        Server server = start();
        String all = loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port(server));
            StringBuilder got = new StringBuilder();
            for (String request : List.of("GET / HTTP/1.1\r\nHost: t\r\n\r\n",
                    "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc",
                    "GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")) {
                s.writer().write(request.getBytes(StandardCharsets.ISO_8859_1));
                String head = new String(s.reader().readuntil("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)),
                        StandardCharsets.ISO_8859_1);
                Matcher m = Pattern.compile("Content-Length: (\\d+)").matcher(head);
                assertTrue(m.find(), head);
                got.append(head, 0, 15).append(' ')
                        .append(new String(s.reader().readexactly(Integer.parseInt(m.group(1))),
                                StandardCharsets.ISO_8859_1)).append('|');
            }
            assertEquals(0, s.reader().read(10).length, "closed after Connection: close");
            s.writer().close();
            return got.toString();
        });
        assertEquals("HTTP/1.1 200 OK Hello, World!|HTTP/1.1 200 OK abc|HTTP/1.1 200 OK Hello, World!|", all);
        stop(server);
    }

    @Test
    void testCurl() throws IOException {
        ExternalTool.assumeInstalled("curl");
        Server server = start();
        String base = "http://127.0.0.1:" + port(server);
        assertEquals("Hello, World!", runTool(10, "curl", "-sS", base + "/").output());
        assertEquals("some data", runTool(10, "curl", "-sS", "--data-binary", "some data", base + "/echo").output());
        Path body = Files.createTempFile("jasyncio-http", ".bin");
        try {
            byte[] bytes = new byte[40_000];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ('a' + i % 26);
            }
            Files.write(body, bytes);
            assertEquals(new String(bytes, StandardCharsets.ISO_8859_1), runTool(10, "curl", "-sS",
                    "-H", "Transfer-Encoding: chunked", "--data-binary", "@" + body, base + "/echo").output(),
                    "a chunked upload comes back whole");
            Files.write(body, new byte[MAX_BODY + 1]);
            assertEquals("413", runTool(10, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                    "--data-binary", "@" + body, base + "/echo").output());
        } finally {
            Files.delete(body);
        }
        assertEquals("404 405", runTool(10, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code} ", base + "/none")
                .output() + runTool(10, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT",
                base + "/").output());
        assertEquals("Hello, World!Hello, World!", runTool(10, "curl", "-sS", "--http1.0", base + "/", base + "/")
                .output(), "HTTP/1.0");
        stop(server);
    }

    @Test
    void testWrk() {
        ExternalTool.assumeInstalled("wrk");
        Server server = start();
        // One request first, so that a slow first answer (class loading on a busy machine) is not wrk's second.
        assertEquals("HTTP/1.1 200 OK", loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port(server));
            s.writer().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String line = new String(s.reader().readline(), StandardCharsets.ISO_8859_1).strip();
            s.writer().close();
            return line;
        }));
        ExternalTool.Result r = runTool(30, "wrk", "-t1", "-c8", "-d1s", "http://127.0.0.1:" + port(server) + "/");
        assertEquals(0, r.exit(), r.output());
        Matcher m = Pattern.compile("(\\d+) requests in").matcher(r.output());
        assertTrue(m.find() && Long.parseLong(m.group(1)) > 0, r.output());
        assertTrue(!r.output().contains("Non-2xx") && !r.output().contains("Socket errors"), r.output());
        stop(server);
    }

    @Test
    void testLargeBodyOverTcpIsRefusedBeforeItIsSent() {
        Server server = start();
        String answer = loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port(server));
            s.writer().write(("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] all = s.reader().read(-1);
            s.writer().close();
            return new String(all, StandardCharsets.ISO_8859_1);
        });
        assertTrue(answer.startsWith("HTTP/1.1 413 Content Too Large\r\n"), answer);
        stop(server);
    }
}
