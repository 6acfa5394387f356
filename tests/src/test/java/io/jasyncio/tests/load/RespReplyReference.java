/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import java.util.regex.Pattern;

/**
 * RESP2 replies read the plain way, the whole stream at once and recursively, to check the load tool's incremental
 * {@code RespParser} against: the same replies and failures, and the same first malformed byte. Its rules are the
 * parser's documented ones: lines end in CRLF and hold at most 64 KiB, numbers are {@code -?[0-9]+} within a long,
 * arrays nest at most 64 deep, a bulk is followed by CRLF.
 */
final class RespReplyReference {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_DEPTH = 64;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");

    private final byte[] s;
    private long failures;

    private RespReplyReference(byte[] s) {
        this.s = s;
    }

    /**
     * Reads the stream.
     *
     * @param stream the bytes
     * @return the replies complete in it, the failures and where it is malformed
     */
    static ResponseOutcome read(byte[] stream) {
        RespReplyReference r = new RespReplyReference(stream);
        int replies = 0;
        int at = 0;
        try {
            while (true) {
                int next = r.value(at, 0);
                if (next < 0) {
                    return new ResponseOutcome(replies, r.failures, -1);
                }
                replies++;
                at = next;
            }
        } catch (ResponseOutcome.Malformed e) {
            return new ResponseOutcome(replies, r.failures, e.at);
        }
    }

    /** The end of the value at {@code at}, or -1 if the stream ends first; {@code depth} arrays are open. */
    private int value(int at, int depth) {
        int lf = lineEnd(at);
        if (lf < 0) {
            return -1;
        }
        String line = new String(s, at, lf - 1 - at, java.nio.charset.StandardCharsets.ISO_8859_1);
        int next = lf + 1;
        if (line.isEmpty()) {
            throw new ResponseOutcome.Malformed(next, "empty line");
        }
        switch (line.charAt(0)) {
            case '+':
                return next;
            case '-':
                failures++;
                return next;
            case ':':
                number(line, next);
                return next;
            case '$': {
                long n = number(line, next);
                if (n == -1) {
                    return next;
                }
                if (n < 0) {
                    throw new ResponseOutcome.Malformed(next, "bulk length");
                }
                if (s.length - next < n) {
                    return -1;
                }
                int crlf = next + (int) n;
                for (int i = 0; i < 2; i++) {
                    if (crlf + i == s.length) {
                        return -1;
                    }
                    if (s[crlf + i] != "\r\n".charAt(i)) {
                        throw new ResponseOutcome.Malformed(crlf + i + 1, "no CRLF after the bulk");
                    }
                }
                return crlf + 2;
            }
            case '*': {
                long n = number(line, next);
                if (n == -1 || n == 0) {
                    return next;
                }
                if (n < 0) {
                    throw new ResponseOutcome.Malformed(next, "array length");
                }
                if (depth == MAX_DEPTH) {
                    throw new ResponseOutcome.Malformed(next, "too deep");
                }
                for (long i = 0; i < n; i++) {
                    next = value(next, depth + 1);
                    if (next < 0) {
                        return -1;
                    }
                }
                return next;
            }
            default:
                throw new ResponseOutcome.Malformed(next, "not a reply");
        }
    }

    /** The index of the LF ending the line at {@code at} (after its CR), or -1 if the stream ends first. */
    private int lineEnd(int at) {
        for (int i = at; i < s.length; i++) {
            if (s[i] == '\n') {
                if (i == at || s[i - 1] != '\r') {
                    throw new ResponseOutcome.Malformed(i + 1, "line not ended by CRLF");
                }
                return i;
            }
            if (i - at == MAX_LINE) {
                throw new ResponseOutcome.Malformed(i + 1, "line too long");
            }
        }
        return -1;
    }

    private static long number(String line, int next) {
        String digits = line.substring(1);
        if (!NUMBER.matcher(digits).matches()) {
            throw new ResponseOutcome.Malformed(next, "not a number");
        }
        java.math.BigInteger n = new java.math.BigInteger(digits);
        if (n.abs().bitLength() > 63) {
            throw new ResponseOutcome.Malformed(next, "number out of range");
        }
        return n.longValue();
    }
}
