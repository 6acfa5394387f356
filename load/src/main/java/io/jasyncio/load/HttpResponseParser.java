/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 responses with a {@code Content-Length} body (or none: 1xx, 204, 304), counted incrementally. A status of
 * 400 or more is a failure; an interim 1xx response is skipped, not counted. A chunked response is refused with a
 * clear error: a load tool for keep-alive servers needs no more.
 *
 * <pre>
 *   STATUS LINE --> HEADER LINE* --> empty line --> BODY (Content-Length bytes) --> STATUS LINE
 * </pre>
 */
public final class HttpResponseParser implements ResponseParser {
    /** Creates a parser at the start of a connection's stream of HTTP/1.1 responses. */
    public HttpResponseParser() {
    }

    private static final int MAX_LINE = 16 * 1024;
    private static final int STATUS = 0;
    private static final int HEADERS = 1;
    private static final int BODY = 2;

    // Threading: the connection's loop only.
    private int state = STATUS;
    private byte[] line = new byte[128];
    private int lineLength;
    private int status;
    private long contentLength = -1;
    private boolean chunked;
    private long bodyLeft;
    private long failures;

    @Override
    public int feed(ByteBuffer data) {
        int done = 0;
        while (data.hasRemaining()) {
            if (state == BODY) {
                int skip = (int) Math.min(bodyLeft, data.remaining());
                data.position(data.position() + skip);
                bodyLeft -= skip;
                if (bodyLeft == 0) {
                    done += responseDone();
                }
                continue;
            }
            byte b = data.get();
            if (b != '\n') {
                if (lineLength == MAX_LINE) {
                    throw new MalformedResponseException("HTTP header line longer than " + MAX_LINE + " bytes");
                }
                if (lineLength == line.length) {
                    line = java.util.Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
                continue;
            }
            if (lineLength > 0 && line[lineLength - 1] == '\r') {
                lineLength--;
            }
            String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
            lineLength = 0;
            if (state == STATUS) {
                statusLine(text);
            } else if (!text.isEmpty()) {
                header(text);
            } else {
                done += headersDone();
            }
        }
        return done;
    }

    @Override
    public long failures() {
        return failures;
    }

    private void statusLine(String text) {
        // HTTP/1.1 200 OK
        if (!text.startsWith("HTTP/1.") || text.length() < 12 || text.charAt(8) != ' '
                || (text.length() > 12 && text.charAt(12) != ' ')) {
            throw new MalformedResponseException("not an HTTP/1.x status line: '" + shorten(text) + "'");
        }
        int code = 0;
        for (int i = 9; i < 12; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedResponseException("bad HTTP status code: '" + shorten(text) + "'");
            }
            code = code * 10 + (c - '0');
        }
        status = code;
        contentLength = -1;
        chunked = false;
        state = HEADERS;
    }

    private void header(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new MalformedResponseException("bad HTTP header line: '" + shorten(text) + "'");
        }
        String name = text.substring(0, colon).trim();
        String value = text.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
            try {
                contentLength = Long.parseLong(value);
            } catch (NumberFormatException e) {
                contentLength = -2;
            }
            if (contentLength < 0) {
                throw new MalformedResponseException("bad Content-Length: '" + shorten(value) + "'");
            }
        } else if (name.equalsIgnoreCase("Transfer-Encoding")
                && value.toLowerCase(Locale.ROOT).contains("chunked")) {
            chunked = true;
        }
    }

    /** The empty line after the headers: the body's length is known now. */
    private int headersDone() {
        if (status < 200) {
            state = STATUS; // 100 Continue and friends: a final response follows
            return 0;
        }
        if (chunked) {
            throw new MalformedResponseException("chunked HTTP responses are not supported; the server must send"
                    + " Content-Length");
        }
        if (status == 204 || status == 304) {
            return responseDone();
        }
        if (contentLength < 0) {
            throw new MalformedResponseException("HTTP response " + status + " without Content-Length");
        }
        if (contentLength == 0) {
            return responseDone();
        }
        bodyLeft = contentLength;
        state = BODY;
        return 0;
    }

    private int responseDone() {
        if (status >= 400) {
            failures++;
        }
        state = STATUS;
        return 1;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
