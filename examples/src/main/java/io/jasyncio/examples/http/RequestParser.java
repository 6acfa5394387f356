/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.http;

import java.io.ByteArrayOutputStream;

/**
 * Parses one HTTP/1.1 request (RFC 9112) from bytes that may hold less than one request, or several. Called again
 * from the request's first byte when more bytes arrive (picohttpparser's approach); {@link #needed} says how many
 * bytes must be there before that is worth doing, so a large body arriving in many reads is not re-read each time.
 *
 * <p>Refused, with the connection closed after the answer: a malformed request line, header or chunk (400), a head
 * over {@link #MAX_HEAD} bytes (431), a body over the limit (413, sent as soon as the head says so), a version other
 * than 1.0 and 1.1 (505), a transfer coding other than chunked (501). Request smuggling's ambiguities are refused
 * (400): Content-Length beside Transfer-Encoding, two different Content-Lengths, obsolete line folding, a space
 * before a header's colon, a missing or repeated Host in HTTP/1.1.
 */
final class RequestParser {
    static final int MAX_HEAD = 8 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;

    private final long maxBody;
    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    /** How many bytes from the request's start are needed before parsing again is worthwhile. */
    int needed;

    RequestParser(long maxBody) {
        this.maxBody = maxBody;
    }

    /**
     * Parses the request starting at {@code start}.
     *
     * @return {@code true} when {@code r} holds a whole request (ending at {@code r.end}), {@code false} when more
     *     bytes are needed; then {@code r.headEnd > 0} if the head was complete
     * @throws HttpError when the request is refused
     */
    boolean parse(byte[] b, int start, int end, Request r) {
        r.reset();
        r.buf = b;
        r.start = start;
        r.headEnd = 0;
        int i = start;
        while (i < end && (b[i] == '\r' || b[i] == '\n') && i - start < 4) {
            i++; // RFC 9112 2.2: ignore empty lines before the request line
        }
        int le = lineEnd(b, i, end);
        if (le < 0) {
            return incompleteHead(start, end);
        }
        requestLine(b, i, trimCr(b, i, le), r);
        i = le + 1;
        while (true) {
            le = lineEnd(b, i, end);
            if (le < 0) {
                return incompleteHead(start, end);
            }
            int lineStop = trimCr(b, i, le);
            if (le - start > MAX_HEAD) {
                throw new HttpError(431, "Request Header Fields Too Large");
            }
            if (lineStop == i) {
                break;
            }
            header(b, i, lineStop, r);
            i = le + 1;
        }
        r.headEnd = le + 1;
        if (r.http11 && r.hosts != 1) {
            throw new HttpError(400, r.hosts == 0 ? "missing Host header" : "repeated Host header");
        }
        if (r.chunked && r.contentLength >= 0) {
            throw new HttpError(400, "both Content-Length and Transfer-Encoding");
        }
        if (r.contentLength > maxBody) {
            throw new HttpError(413, "Content Too Large");
        }
        return r.chunked ? chunkedBody(b, r.headEnd, end, r) : lengthBody(b, end, r);
    }

    private boolean incompleteHead(int start, int end) {
        if (end - start > MAX_HEAD) {
            throw new HttpError(431, "Request Header Fields Too Large");
        }
        needed = end - start + 1;
        return false;
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

    private boolean lengthBody(byte[] b, int end, Request r) {
        long length = Math.max(0, r.contentLength);
        if (end - r.headEnd < length) {
            needed = (int) (r.headEnd + length - r.start);
            return false;
        }
        r.end = r.headEnd + (int) length;
        if (length > 0) {
            r.body = java.util.Arrays.copyOfRange(b, r.headEnd, r.end);
        }
        return true;
    }

    /** chunk-size [; ext] CRLF data CRLF ... 0 CRLF trailers CRLF. */
    private boolean chunkedBody(byte[] b, int from, int end, Request r) {
        chunks.reset();
        int i = from;
        while (true) {
            int le = lineEnd(b, i, end);
            if (le < 0) {
                if (end - i > MAX_CHUNK_LINE) {
                    throw new HttpError(400, "malformed chunk size");
                }
                needed = end - r.start + 1;
                return false;
            }
            long size = chunkSize(b, i, trimCr(b, i, le));
            if (chunks.size() + size > maxBody) {
                throw new HttpError(413, "Content Too Large");
            }
            i = le + 1;
            if (size == 0) {
                return trailers(b, i, end, r);
            }
            int dataEnd = i + (int) size;
            if (end - i < size + 2) {
                needed = (int) Math.min(Integer.MAX_VALUE, (long) i + size + 2 - r.start);
                return false;
            }
            if (b[dataEnd] != '\r' || b[dataEnd + 1] != '\n') {
                throw new HttpError(400, "chunk data not followed by CRLF");
            }
            chunks.write(b, i, (int) size);
            i = dataEnd + 2;
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

    private boolean trailers(byte[] b, int from, int end, Request r) {
        int i = from;
        while (true) {
            int le = lineEnd(b, i, end);
            if (le < 0) {
                if (end - from > MAX_HEAD) {
                    throw new HttpError(431, "Request Header Fields Too Large");
                }
                needed = end - r.start + 1;
                return false;
            }
            if (trimCr(b, i, le) == i) {
                r.end = le + 1;
                r.body = chunks.toByteArray();
                return true;
            }
            i = le + 1; // trailer fields are read past, not used
        }
    }
}
