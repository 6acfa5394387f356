/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.http;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Protocol;
import io.jasyncio.TimerHandle;
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
 *
 * <p>Timeouts, nginx's: a request's head must be whole within the header timeout of its first byte (a fresh
 * connection's first head, of the connection; reads do not extend it, so a head sent a byte at a time is cut off),
 * answered 408 and closed; a body must progress within the same time between reads; an idle keep-alive connection
 * is closed after the keep-alive timeout; a client that reads none of its answers for the header timeout is
 * aborted. One timer per connection, armed with the loop's {@code callLater}: activity only moves a deadline, and
 * the timer, when it fires early, re-arms itself for what is left, so a busy connection schedules nothing per
 * request.
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
    private final double headerTimeout;
    private final double keepAliveTimeout;
    private EventLoop loop;
    private TimerHandle timer;
    private Wait waiting = Wait.NONE;
    private double deadline; // on the loop's clock

    /** What the connection waits for, and so which timeout applies. */
    private enum Wait { NONE, HEAD, BODY, IDLE, SEND }

    HttpProtocol(long maxBody, double headerTimeout, double keepAliveTimeout) {
        this.parser = new RequestParser(maxBody);
        this.headerTimeout = headerTimeout;
        this.keepAliveTimeout = keepAliveTimeout;
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        loop = Asyncio.getRunningLoop();
        expect(Wait.HEAD, headerTimeout);
    }

    @Override
    public void connectionLost(Throwable exc) {
        waiting = Wait.NONE;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Sets what the connection waits for and by when; arms the timer only if it would fire too late. */
    private void expect(Wait what, double timeout) {
        waiting = what;
        deadline = loop.time() + timeout;
        if (timer != null && timer.when() > deadline) {
            timer.cancel();
            timer = null;
        }
        if (timer == null) {
            timer = loop.callLater(timeout, this::timedOut);
        }
    }

    private void timedOut() {
        timer = null;
        if (waiting == Wait.NONE || transport.isClosing()) {
            return;
        }
        double left = deadline - loop.time();
        if (left > 0) {
            timer = loop.callLater(left, this::timedOut); // activity moved the deadline
            return;
        }
        switch (waiting) {
            case IDLE -> transport.close();
            case SEND -> transport.abort(); // what waits will never be read
            default -> {
                out.error(408, "Request Timeout");
                flush();
                transport.close();
            }
        }
        waiting = Wait.NONE;
    }

    /** After the bytes at hand are used: what the connection waits for now. */
    private void waitNext() {
        if (writingPaused) {
            return; // SEND, set by pauseWriting
        }
        if (parser.headDone()) {
            expect(Wait.BODY, headerTimeout); // progress between reads
        } else if (start < end) {
            if (waiting != Wait.HEAD) {
                expect(Wait.HEAD, headerTimeout); // a new head: reads do not extend its time
            }
        } else {
            expect(Wait.IDLE, keepAliveTimeout);
        }
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
                waiting = Wait.NONE; // the next request's head gets its own time
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
            waiting = Wait.NONE;
            transport.close(); // after the answers are flushed
            return;
        }
        waitNext();
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
        expect(Wait.SEND, headerTimeout);
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
