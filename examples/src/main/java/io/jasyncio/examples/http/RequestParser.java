/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.http;

import java.io.ByteArrayOutputStream;

/**
 * Parses HTTP/1.1 requests (RFC 9112) from bytes that may hold less than one request, or several. The parse state
 * survives between reads: the head is searched for its end from where the last search stopped and parsed once,
 * when whole; a body is then read in phases (the bytes of a Content-Length body, or chunk-size line, chunk data,
 * its CRLF, trailers), each byte once, straight into the body. {@link #examined} counts the bytes looked at: it stays
 * proportional to the bytes received however they are split.
 *
 * <p>Refused, with the connection closed after the answer: a malformed request line, header or chunk (400), a head
 * over {@link #MAX_HEAD} bytes (431), a body over the limit (413, sent as soon as the head or a chunk size says so;
 * with the chunked coding every byte of the body as sent counts, chunk-size lines, extensions and trailers too), a
 * version other than 1.0 and 1.1 (505), a transfer coding other than chunked (501). Request smuggling's ambiguities
 * are refused (400): Content-Length beside Transfer-Encoding, two different Content-Lengths, obsolete line folding,
 * a space before a header's colon, a missing or repeated Host in HTTP/1.1, a NUL or a bare CR in a header value.
 */
final class RequestParser {
    static final int MAX_HEAD = 8 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;

    private enum Phase { HEAD, LENGTH_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_CRLF, TRAILERS }

    // Threading: the connection's loop thread only.
    private final long maxBody;
    private ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private Phase phase = Phase.HEAD;
    private int scanned; // bytes from the current head or line's start already searched for its end
    private int lineStart; // in the head: where the line being searched starts, from the head's start
    private int emptyLines;
    private int trailerBytes;
    private long bodyBytes; // every byte of the body as sent
    private long remaining; // of a Content-Length body or of a chunk
    private byte[] body;
    private int filled;
    private long examined;
    /** After {@link #parse}: the first byte still needed; the bytes before it are used. */
    int consumed;

    RequestParser(long maxBody) {
        this.maxBody = maxBody;
    }

    /** How many bytes the parser has looked at or copied: its work, linear in the bytes received. */
    long examined() {
        return examined;
    }

    /** Whether the current request's head is read (its body is not, yet). */
    boolean headDone() {
        return phase != Phase.HEAD;
    }

    /**
     * Goes on parsing with the bytes {@code b[start, end)}, which follow those {@link #consumed} before.
     *
     * @return {@code true} when {@code r} holds a whole request, {@code false} when more bytes are needed; either
     *     way {@link #consumed} says where the bytes still needed start
     * @throws HttpError when the request is refused
     */
    boolean parse(byte[] b, int start, int end, Request r) {
        consumed = start;
        if (phase == Phase.HEAD && !head(b, end, r)) {
            return false;
        }
        if (!body(b, end, r)) {
            r.detach(); // the head's bytes may move before the body is whole
            return false;
        }
        r.end = consumed;
        phase = Phase.HEAD;
        scanned = 0;
        lineStart = 0;
        emptyLines = 0;
        trailerBytes = 0;
        bodyBytes = 0;
        body = null;
        return true;
    }

    /** Searches for the head's end; parses the head once it is whole. */
    private boolean head(byte[] b, int end, Request r) {
        while (scanned == 0 && consumed < end && (b[consumed] == '\r' || b[consumed] == '\n') && emptyLines < 4) {
            consumed++; // RFC 9112 2.2: ignore empty lines before the request line
            emptyLines++;
            examined++;
        }
        int from = consumed;
        int headEnd = -1;
        for (int i = from + scanned; i < end; i++) {
            examined++;
            if (b[i] == '\n') {
                int ls = from + lineStart;
                if (i == ls || (i == ls + 1 && b[ls] == '\r')) {
                    headEnd = i + 1;
                    break;
                }
                lineStart = i + 1 - from;
            }
        }
        if (headEnd < 0) {
            scanned = end - from;
            if (scanned > MAX_HEAD) {
                throw new HttpError(431, "Request Header Fields Too Large");
            }
            return false;
        }
        if (headEnd - from > MAX_HEAD) {
            throw new HttpError(431, "Request Header Fields Too Large");
        }
        examined += headEnd - from;
        parseHead(b, from, headEnd, r);
        consumed = headEnd;
        scanned = 0;
        if (r.chunked) {
            phase = Phase.CHUNK_SIZE;
        } else {
            phase = Phase.LENGTH_BODY;
            remaining = Math.max(0, r.contentLength);
            body = remaining == 0 ? Request.EMPTY : new byte[(int) remaining];
            filled = 0;
        }
        return true;
    }

    /** The request line and the header fields of a whole head, {@code b[from, headEnd)}. */
    private void parseHead(byte[] b, int from, int headEnd, Request r) {
        r.reset();
        r.buf = b;
        int le = lineEnd(b, from, headEnd);
        requestLine(b, from, trimCr(b, from, le), r);
        int i = le + 1;
        while (true) {
            le = lineEnd(b, i, headEnd);
            int lineStop = trimCr(b, i, le);
            if (lineStop == i) {
                break;
            }
            header(b, i, lineStop, r);
            i = le + 1;
        }
        if (r.http11 && r.hosts != 1) {
            throw new HttpError(400, r.hosts == 0 ? "missing Host header" : "repeated Host header");
        }
        if (r.chunked && r.contentLength >= 0) {
            throw new HttpError(400, "both Content-Length and Transfer-Encoding");
        }
        if (r.contentLength > maxBody) {
            throw new HttpError(413, "Content Too Large");
        }
    }

    private static int lineEnd(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int trimCr(byte[] b, int from, int lf) {
        return lf > from && b[lf - 1] == '\r' ? lf - 1 : lf;
    }

    /** method SP request-target SP HTTP-version. */
    private static void requestLine(byte[] b, int from, int to, Request r) {
        int i = from;
        while (i < to && Bytes.isToken(b[i])) {
            i++;
        }
        if (i == from || i == to || b[i] != ' ') {
            throw new HttpError(400, "malformed request line");
        }
        r.methodStart = from;
        r.methodEnd = i;
        int targetStart = ++i;
        while (i < to && b[i] != ' ') {
            if (b[i] < 33 || b[i] == 127) {
                throw new HttpError(400, "malformed request target");
            }
            i++;
        }
        if (i == targetStart || i == to) {
            throw new HttpError(400, "malformed request line");
        }
        r.pathStart = targetStart;
        r.pathEnd = targetStart;
        while (r.pathEnd < i && b[r.pathEnd] != '?' && b[r.pathEnd] != '#') {
            r.pathEnd++;
        }
        i++;
        if (Bytes.equals(b, i, to, "HTTP/1.1")) {
            r.http11 = true;
        } else if (Bytes.equals(b, i, to, "HTTP/1.0")) {
            r.http11 = false;
            r.keepAlive = false;
        } else if (to - i == 8 && Bytes.equals(b, i, i + 5, "HTTP/") && Character.isDigit(b[i + 5])
                && b[i + 6] == '.' && Character.isDigit(b[i + 7])) {
            throw new HttpError(505, "HTTP Version Not Supported");
        } else {
            throw new HttpError(400, "malformed HTTP version");
        }
    }

    /** field-name ":" OWS field-value OWS, acting on the fields that frame the message. */
    private static void header(byte[] b, int from, int to, Request r) {
        if (b[from] == ' ' || b[from] == '\t') {
            throw new HttpError(400, "obsolete line folding");
        }
        int colon = from;
        while (colon < to && Bytes.isToken(b[colon])) {
            colon++;
        }
        if (colon == from || colon == to || b[colon] != ':') {
            throw new HttpError(400, "malformed header");
        }
        int vs = colon + 1;
        int ve = to;
        while (vs < ve && (b[vs] == ' ' || b[vs] == '\t')) {
            vs++;
        }
        while (ve > vs && (b[ve - 1] == ' ' || b[ve - 1] == '\t')) {
            ve--;
        }
        for (int i = vs; i < ve; i++) {
            if (b[i] == 0 || b[i] == '\r') { // RFC 9110 5.5, RFC 9112 2.2: NUL and a bare CR are refused
                throw new HttpError(400, "invalid character in header value");
            }
        }
        if (Bytes.equalsIgnoreCase(b, from, colon, "content-length")) {
            long n = digits(b, vs, ve);
            if (n < 0 || (r.contentLength >= 0 && r.contentLength != n)) {
                throw new HttpError(400, "bad Content-Length");
            }
            r.contentLength = n;
        } else if (Bytes.equalsIgnoreCase(b, from, colon, "transfer-encoding")) {
            int last = ve;
            while (last > vs && b[last - 1] != ',') {
                last--;
            }
            if (!Bytes.hasToken(b, last, ve, "chunked")) {
                throw new HttpError(400, "the final transfer coding is not chunked");
            }
            if (!Bytes.equalsIgnoreCase(b, vs, ve, "chunked") || r.chunked) {
                throw new HttpError(501, "Not Implemented: only the chunked transfer coding");
            }
            r.chunked = true;
        } else if (Bytes.equalsIgnoreCase(b, from, colon, "connection")) {
            if (Bytes.hasToken(b, vs, ve, "close")) {
                r.keepAlive = false;
            } else if (Bytes.hasToken(b, vs, ve, "keep-alive")) {
                r.keepAlive = true; // HTTP/1.0's opt-in
            }
        } else if (Bytes.equalsIgnoreCase(b, from, colon, "expect")) {
            r.expectContinue = Bytes.equalsIgnoreCase(b, vs, ve, "100-continue");
        } else if (Bytes.equalsIgnoreCase(b, from, colon, "host")) {
            r.hosts++;
        }
    }

    /** A decimal Content-Length; -1 if malformed; more than any limit if too long to hold. */
    private static long digits(byte[] b, int from, int to) {
        if (from == to) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            n = i - from >= 18 ? Long.MAX_VALUE : n * 10 + (b[i] - '0');
        }
        return n;
    }

    /** Reads the body's phases as far as the bytes go; {@code true} when the request is whole. */
    private boolean body(byte[] b, int end, Request r) {
        while (true) {
            int i = consumed;
            switch (phase) {
                case LENGTH_BODY, CHUNK_DATA -> {
                    int take = (int) Math.min(end - i, remaining);
                    if (phase == Phase.LENGTH_BODY) {
                        System.arraycopy(b, i, body, filled, take);
                        filled += take;
                    } else {
                        chunks.write(b, i, take);
                    }
                    examined += take;
                    consumed += take;
                    remaining -= take;
                    if (remaining > 0) {
                        return false;
                    }
                    if (phase == Phase.LENGTH_BODY) {
                        r.body = body;
                        return true;
                    }
                    phase = Phase.CHUNK_CRLF;
                }
                case CHUNK_CRLF -> {
                    if (end - i < 2) {
                        return false;
                    }
                    examined += 2;
                    if (b[i] != '\r' || b[i + 1] != '\n') {
                        throw new HttpError(400, "chunk data not followed by CRLF");
                    }
                    consumed += 2;
                    phase = Phase.CHUNK_SIZE;
                }
                case CHUNK_SIZE, TRAILERS -> {
                    int le = -1;
                    for (int k = i + scanned; k < end; k++) {
                        examined++;
                        if (b[k] == '\n') {
                            le = k;
                            break;
                        }
                    }
                    if (le < 0) {
                        scanned = end - i;
                        if (phase == Phase.CHUNK_SIZE && scanned > MAX_CHUNK_LINE) {
                            throw new HttpError(400, "malformed chunk size");
                        }
                        if (phase == Phase.TRAILERS && trailerBytes + scanned > MAX_HEAD) {
                            throw new HttpError(431, "Request Header Fields Too Large");
                        }
                        if (bodyBytes + scanned > maxBody) {
                            throw new HttpError(413, "Content Too Large");
                        }
                        return false;
                    }
                    scanned = 0;
                    int line = le + 1 - i;
                    bodyBytes += line;
                    consumed = le + 1;
                    examined += line;
                    if (phase == Phase.TRAILERS) {
                        trailerBytes += line;
                        if (trimCr(b, i, le) == i) {
                            r.body = chunks.toByteArray();
                            // a large body's buffer is not kept for the connection's life
                            chunks = r.body.length > 64 * 1024 ? new ByteArrayOutputStream() : chunks;
                            chunks.reset();
                            return true;
                        }
                        if (trailerBytes > MAX_HEAD) {
                            throw new HttpError(431, "Request Header Fields Too Large");
                        }
                        if (bodyBytes > maxBody) {
                            throw new HttpError(413, "Content Too Large");
                        }
                        continue; // trailer fields are read past, not used
                    }
                    long size = chunkSize(b, i, trimCr(b, i, le));
                    if (bodyBytes + size + (size == 0 ? 0 : 2) > maxBody) {
                        throw new HttpError(413, "Content Too Large");
                    }
                    if (size == 0) {
                        phase = Phase.TRAILERS;
                    } else {
                        remaining = size;
                        bodyBytes += size + 2;
                        phase = Phase.CHUNK_DATA;
                    }
                }
                default -> throw new IllegalStateException(phase.toString());
            }
        }
    }

    private static long chunkSize(byte[] b, int from, int to) {
        long n = 0;
        int i = from;
        for (; i < to && Character.digit(b[i], 16) >= 0; i++) {
            if (i - from >= 15) {
                throw new HttpError(400, "chunk size too long");
            }
            n = n * 16 + Character.digit(b[i], 16);
        }
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i == from || (i < to && b[i] != ';')) {
            throw new HttpError(400, "malformed chunk size");
        }
        return n;
    }
}
