/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * CPython's {@code test_utils.run_test_server} and {@code run_test_unix_server}: a blocking HTTP/1.0 server on its own
 * thread, on 127.0.0.1 port 0 or on a Unix socket path.
 * {@code GET} answers "Test message"; {@code POST /loop} streams the request body back as it arrives. Each response
 * ends with the connection closed.
 */
final class HttpTestServer implements AutoCloseable {
    private final ServerSocketChannel server;
    private final SocketAddress address;

    HttpTestServer() throws IOException {
        this(ServerSocketChannel.open(), new InetSocketAddress("127.0.0.1", 0));
    }

    HttpTestServer(Path path) throws IOException {
        this(ServerSocketChannel.open(StandardProtocolFamily.UNIX), UnixDomainSocketAddress.of(path));
    }

    private HttpTestServer(ServerSocketChannel server, SocketAddress bindTo) throws IOException {
        this.server = server;
        server.bind(bindTo, 50);
        this.address = server.getLocalAddress();
        Thread thread = new Thread(this::serve, "http-test-server");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) address;
    }

    SocketAddress socketAddress() {
        return address;
    }

    private void serve() {
        while (server.isOpen()) {
            SocketChannel s;
            try {
                s = server.accept();
            } catch (IOException closed) {
                return;
            }
            Thread t = new Thread(() -> handle(s), "http-test-connection");
            t.setDaemon(true);
            t.start();
        }
    }

    private static void handle(SocketChannel s) {
        try (s; InputStream in = Channels.newInputStream(s); OutputStream out = Channels.newOutputStream(s)) {
            String head = readHead(in);
            if (head == null) {
                return;
            }
            out.write("HTTP/1.0 200 OK\r\nContent-type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (head.startsWith("POST /loop ")) {
                long size = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        size = Long.parseLong(line.substring(15).trim());
                    }
                }
                byte[] chunk = new byte[0x10000];
                while (size > 0) {
                    int n = in.read(chunk, 0, (int) Math.min(chunk.length, size));
                    if (n < 0) {
                        break;
                    }
                    out.write(chunk, 0, n);
                    size -= n;
                }
            } else {
                out.write("Test message".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // the client went away: as the WSGI server, say nothing
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        for (int b; (b = in.read()) >= 0;) {
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) ? state + 1
                    : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
