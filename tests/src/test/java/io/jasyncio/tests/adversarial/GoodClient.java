/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A well-behaved client beside an attack: every 20 ms one request and its whole answer, timed, on one connection (or a
 * fresh one each time, when the attack is on connections themselves). It records how many were answered, the slowest
 * answer, and the failures.
 */
final class GoodClient implements AutoCloseable {
    /** How long a good client may wait for an answer during an attack: generous, for a shared 2-core machine. */
    static final long BOUND_MILLIS = 2000;

    /** One request and its answer on a socket; throws when the answer is wrong or late. */
    interface Exchange {
        void run(Socket s) throws IOException;
    }

    private final int port;
    private final Exchange exchange;
    private final boolean fresh;
    private final Thread thread;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopping;

    private GoodClient(int port, Exchange exchange, boolean fresh) {
        this.port = port;
        this.exchange = exchange;
        this.fresh = fresh;
        this.thread = Thread.ofPlatform().daemon().name("good-client").start(this::run);
    }

    /** Starts a client that keeps one connection. */
    static GoodClient start(int port, Exchange exchange) {
        return new GoodClient(port, exchange, false);
    }

    /** Starts a client that connects afresh for each request. */
    static GoodClient startFresh(int port, Exchange exchange) {
        return new GoodClient(port, exchange, true);
    }

    private void run() {
        Socket s = null;
        while (!stopping) {
            long start = System.nanoTime();
            try {
                if (s == null) {
                    s = connect(port);
                }
                exchange.run(s);
                long took = System.nanoTime() - start;
                maxNanos.accumulateAndGet(took, Math::max);
                answered.incrementAndGet();
                if (fresh) {
                    s.close();
                    s = null;
                }
                Thread.sleep(20);
            } catch (IOException | RuntimeException | AssertionError e) {
                if (!stopping) {
                    failures.add(e.toString());
                }
                close(s);
                s = null;
            } catch (InterruptedException e) {
                break;
            }
        }
        close(s);
    }

    long answered() {
        return answered.get();
    }

    long maxMillis() {
        return maxNanos.get() / 1_000_000;
    }

    /** Stops, then asserts every request was answered, within the bound. */
    void assertServed() throws InterruptedException {
        close();
        assertTrue(failures.isEmpty(), () -> "the good client failed: " + failures);
        assertTrue(answered() > 0, "the good client was answered");
        assertTrue(maxMillis() < BOUND_MILLIS, () -> "the good client waited " + maxMillis() + " ms");
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(10_000);
    }

    /**
     * A fresh client once the attack is over: it connects and is answered within the bound.
     *
     * @param port the server's
     * @param exchange its request
     */
    static void assertServedAfter(int port, Exchange exchange) throws IOException {
        long start = System.nanoTime();
        try (Socket s = connect(port)) {
            exchange.run(s);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < BOUND_MILLIS, "a fresh client after the attack waited " + millis + " ms");
    }

    // ---- the clients' requests

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        s.setSoTimeout((int) BOUND_MILLIS * 5);
        s.setTcpNoDelay(true);
        return s;
    }

    private static void close(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Gone already.
            }
        }
    }

    /** RESP {@code PING}, {@code +PONG}. */
    static void ping(Socket s) throws IOException {
        s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("+PONG", line(s.getInputStream()));
    }

    /** HTTP {@code GET /}, "Hello, World!". */
    static void get(Socket s) throws IOException {
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String status = line(s.getInputStream());
        assertEquals("HTTP/1.1 200 OK", status);
        assertEquals("Hello, World!", new String(httpBody(s.getInputStream()), StandardCharsets.US_ASCII));
    }

    /** An echo of 5 bytes. */
    static void echo(Socket s) throws IOException {
        byte[] ping = "ping\n".getBytes(StandardCharsets.US_ASCII);
        s.getOutputStream().write(ping);
        assertEquals("ping", line(s.getInputStream()));
    }

    /** Reads the rest of an HTTP answer's head, then its Content-Length body. */
    static byte[] httpBody(InputStream in) throws IOException {
        int length = 0;
        String header;
        while (!(header = line(in)).isEmpty()) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        return in.readNBytes(length);
    }

    /** One line, without its CRLF or LF; throws at EOF. */
    static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("EOF after \"" + b + "\"");
            }
            b.append((char) c);
        }
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
    }

    /** Writes bytes and flushes. */
    static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
