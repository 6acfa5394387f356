/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.nio.ByteBuffer;

/**
 * RESP2 replies, counted incrementally: simple strings ({@code +}), errors ({@code -}, counted as failures), integers
 * ({@code :}), bulk strings ({@code $}, null included) and arrays ({@code *}, nested, null included). A reply is
 * complete when its last element is; bulk payloads are skipped, not kept.
 *
 * <pre>
 *   LINE --'$n'--> BULK (n bytes) --> CRLF --> LINE
 *     '*n' pushes n on the stack of open arrays; each value done pops what it completes
 * </pre>
 */
public final class RespParser implements ResponseParser {
    /** Creates a parser at the start of a connection's stream of RESP replies. */
    public RespParser() {
    }

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_DEPTH = 64;
    private static final int LINE = 0;
    private static final int BULK = 1;
    private static final int CRLF = 2;

    // Threading: the connection's loop only.
    private int state = LINE;
    private byte[] line = new byte[64];
    private int lineLength;
    private long bulkLeft;
    private int crlfSeen;
    private final long[] open = new long[MAX_DEPTH];
    private int depth;
    private long failures;

    @Override
    public int feed(ByteBuffer data) {
        int done = 0;
        while (data.hasRemaining()) {
            switch (state) {
                case LINE -> {
                    byte b = data.get();
                    if (b != '\n') {
                        if (lineLength == MAX_LINE) {
                            throw new MalformedResponseException("RESP line longer than " + MAX_LINE + " bytes");
                        }
                        if (lineLength == line.length) {
                            line = java.util.Arrays.copyOf(line, line.length * 2);
                        }
                        line[lineLength++] = b;
                        continue;
                    }
                    if (lineLength == 0 || line[lineLength - 1] != '\r') {
                        throw new MalformedResponseException("RESP line not ended by CRLF: " + text());
                    }
                    lineLength--;
                    done += line();
                    lineLength = 0;
                }
                case BULK -> {
                    int skip = (int) Math.min(bulkLeft, data.remaining());
                    data.position(data.position() + skip);
                    bulkLeft -= skip;
                    if (bulkLeft == 0) {
                        state = CRLF;
                        crlfSeen = 0;
                    }
                }
                default -> {
                    byte b = data.get();
                    if (b != (crlfSeen == 0 ? '\r' : '\n')) {
                        throw new MalformedResponseException("RESP bulk string not followed by CRLF");
                    }
                    if (++crlfSeen == 2) {
                        state = LINE;
                        done += valueDone();
                    }
                }
            }
        }
        return done;
    }

    @Override
    public long failures() {
        return failures;
    }

    /** A whole line, CRLF removed: the replies it completes (0 or 1). */
    private int line() {
        if (lineLength == 0) {
            throw new MalformedResponseException("empty RESP line");
        }
        switch (line[0]) {
            case '+' -> {
                return valueDone();
            }
            case '-' -> {
                failures++;
                return valueDone();
            }
            case ':' -> {
                number();
                return valueDone();
            }
            case '$' -> {
                long n = number();
                if (n == -1) {
                    return valueDone();
                }
                if (n < 0) {
                    throw new MalformedResponseException("RESP bulk length " + n);
                }
                bulkLeft = n;
                state = n == 0 ? CRLF : BULK;
                crlfSeen = 0;
                return 0;
            }
            case '*' -> {
                long n = number();
                if (n == -1 || n == 0) {
                    return valueDone();
                }
                if (n < 0) {
                    throw new MalformedResponseException("RESP array length " + n);
                }
                if (depth == MAX_DEPTH) {
                    throw new MalformedResponseException("RESP arrays nested deeper than " + MAX_DEPTH);
                }
                open[depth++] = n;
                return 0;
            }
            default -> throw new MalformedResponseException("not a RESP reply: " + text());
        }
    }

    /** A value is complete: it completes the arrays it ends, and the reply if no array is left open. */
    private int valueDone() {
        while (depth > 0) {
            if (--open[depth - 1] > 0) {
                return 0;
            }
            depth--;
        }
        return 1;
    }

    private long number() {
        if (lineLength < 2) {
            throw new MalformedResponseException("RESP number missing: " + text());
        }
        long n = 0;
        boolean negative = line[1] == '-';
        int i = negative ? 2 : 1;
        if (i == lineLength) {
            throw new MalformedResponseException("RESP number missing: " + text());
        }
        for (; i < lineLength; i++) {
            int d = line[i] - '0';
            if (d < 0 || d > 9 || n > (Long.MAX_VALUE - d) / 10) {
                throw new MalformedResponseException("bad RESP number: " + text());
            }
            n = n * 10 + d;
        }
        return negative ? -n : n;
    }

    private String text() {
        int n = Math.min(lineLength, 60);
        return '\'' + new String(line, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\r", "\\r")
                + (n < lineLength ? "...'" : "'");
    }
}
