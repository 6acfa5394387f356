/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.http;

import io.jasyncio.Protocol;
import io.jasyncio.Transport;
import java.nio.ByteBuffer;

/**
 * One HTTP/1.1 connection: bytes are kept until they make a whole request ({@link RequestParser}), each request is
 * answered in order, and the answers to every request of one read leave in one {@code transport.write} (pipelining).
 * {@code GET /} answers "Hello, World!"; {@code /echo} answers the request's body.
 *
 * <p>State machine: {@code connectionMade -> dataReceived* -> connectionLost}. Keep-alive is HTTP/1.1's default;
 * {@code Connection: close}, HTTP/1.0 without {@code Connection: keep-alive}, and every refused request close the
 * connection once the answer is written.
 *
 * <p>Flow control bounds the answers in flight by the server: answers are written out every {@link #FLUSH_BYTES},
 * and once the transport's buffer passes its high-water mark ({@code pauseWriting}) reading stops, and so does the
 * answering of requests already received (they wait in the buffer), until {@code resumeWriting}.
 */
public final class HttpProtocol implements Protocol {
    /** How many bytes of answers are gathered before they are written out, within one read. */
    public static final int FLUSH_BYTES = 64 * 1024;

    // Threading: the connection's loop thread only.
    private final RequestParser parser;
    private final Request request = new Request();
    private final ResponseWriter out = new ResponseWriter();
    private byte[] buf = new byte[8 * 1024];
    private int start; // the first byte not used yet
    private int end;
    private boolean continueSent;
    private boolean writingPaused;
    private Transport transport;

    HttpProtocol(long maxBody) {
        this.parser = new RequestParser(maxBody);
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (transport.isClosing()) {
            return; // after an answer that closes, nothing more is read
        }
        append(data);
        if (!writingPaused) {
            run();
        }
    }

    /** Answers the requests received, as far as the answers' budget lets them. */
    private void run() {
        boolean open = true;
        try {
            while (start < end && !writingPaused) {
                boolean whole = parser.parse(buf, start, end, request);
                start = parser.consumed;
                if (!whole) {
                    if (parser.headDone() && request.expectContinue && request.http11 && !continueSent) {
                        out.raw(ResponseWriter.CONTINUE); // the client waits for this before sending its body
                        continueSent = true;
                    }
                    break;
                }
                continueSent = false;
                handle(request);
                if (out.size() >= FLUSH_BYTES) {
                    flush(); // may pause writing: the rest waits
                }
                if (!request.keepAlive) {
                    open = false;
                    break;
                }
            }
        } catch (HttpError e) {
            out.error(e.status, e.getMessage());
            open = false;
        }
        flush();
        if (!open) {
            transport.close(); // after the answers are flushed
            return;
        }
        if (start == end) {
            start = 0;
            end = 0;
            if (buf.length > 64 * 1024) {
                buf = new byte[8 * 1024]; // let go of a buffer grown for a long pipeline
            }
        }
    }

    private void flush() {
        if (!out.isEmpty()) {
            transport.write(out.buffer());
            out.clear();
        }
    }

    /**
     * Keeps the bytes after those not used yet. The buffer is compacted only when that frees half of it, and grows
     * otherwise, so each byte is moved a bounded number of times however the bytes are split.
     */
    private void append(ByteBuffer data) {
        int n = data.remaining();
        if (end + n > buf.length) {
            int live = end - start;
            int needed = live + n;
            byte[] to = needed <= buf.length / 2 ? buf : new byte[Math.max(needed, 2 * buf.length)];
            System.arraycopy(buf, start, to, 0, live);
            buf = to;
            start = 0;
            end = live;
        }
        data.get(data.position(), buf, end, n);
        end += n;
    }

    /**
     * How many bytes the request parser has looked at or copied on this connection: a measure of its work, which
     * stays proportional to the bytes received however they are split (the tests read it).
     *
     * @return the count
     */
    public long parseWork() {
        return parser.examined();
    }

    private void handle(Request r) {
        if (r.pathIs("/")) {
            if (r.methodIs("GET") || r.methodIs("HEAD")) {
                out.hello(r);
            } else {
                out.respond(r, 405, "Method Not Allowed", "text/plain",
                        ResponseWriter.ascii(r.method() + " is not allowed here\n"), "Allow: GET, HEAD");
            }
        } else if (r.pathIs("/echo")) {
            out.respond(r, 200, "OK", "application/octet-stream", r.body, null);
        } else {
            out.respond(r, 404, "Not Found", "text/plain", ResponseWriter.ascii("Not Found\n"), null);
        }
    }

    @Override
    public void pauseWriting() {
        writingPaused = true;
        transport.pauseReading();
    }

    @Override
    public void resumeWriting() {
        writingPaused = false;
        if (transport.isClosing()) {
            return;
        }
        transport.resumeReading();
        run(); // the requests left waiting
    }
}
