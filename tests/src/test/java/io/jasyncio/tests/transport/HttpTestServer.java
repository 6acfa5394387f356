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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * CPython's {@code test_utils.run_test_server}: a blocking HTTP/1.0 server on its own thread, on 127.0.0.1 port 0.
 * {@code GET} answers "Test message"; {@code POST /loop} streams the request body back as it arrives. Each response
 * ends with the connection closed.
 */
final class HttpTestServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    HttpTestServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        thread = new Thread(this::serve, "http-test-server");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void serve() {
        while (!server.isClosed()) {
            Socket s;
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

    private static void handle(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
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
