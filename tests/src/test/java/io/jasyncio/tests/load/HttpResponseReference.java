/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.x responses read the plain way, the whole stream at once with regular expressions, to check the load tool's
 * incremental {@code HttpResponseParser} against. Its rules are the parser's documented ones: lines end in LF (a CR
 * before it dropped) and hold at most 16 KiB; a body is {@code Content-Length} bytes, none for 1xx (skipped, not
 * counted), 204 and 304; chunked responses and a final response without a length are refused; 400 and up fail.
 */
final class HttpResponseReference {
    private static final int MAX_LINE = 16 * 1024;
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\..( ([0-9]{3})| ([^ ]{3}))( .*)?", Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("([^:]+):(.*)", Pattern.DOTALL);

    private HttpResponseReference() {
    }

    /**
     * Reads the stream.
     *
     * @param s the bytes
     * @return the responses complete in it, the failures and where it is malformed
     */
    static ResponseOutcome read(byte[] s) {
        int responses = 0;
        long failures = 0;
        int at = 0;
        try {
            while (true) {
                int status = -1;
                long length = -1;
                boolean chunked = false;
                while (true) { // the head, lines up to an empty one
                    int lf = lineEnd(s, at);
                    if (lf < 0) {
                        return new ResponseOutcome(responses, failures, -1);
                    }
                    String line = new String(s, at, lf - at, StandardCharsets.ISO_8859_1);
                    line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                    at = lf + 1;
                    if (status < 0) {
                        Matcher m = STATUS.matcher(line);
                        if (!m.matches()) {
                            throw new ResponseOutcome.Malformed(at, "status line");
                        }
                        if (m.group(2) == null) {
                            throw new ResponseOutcome.Malformed(at, "status code");
                        }
                        status = Integer.parseInt(m.group(2));
                    } else if (!line.isEmpty()) {
                        Matcher m = HEADER.matcher(line);
                        if (!m.matches() || line.charAt(0) == ':') {
                            throw new ResponseOutcome.Malformed(at, "header line");
                        }
                        String name = trim(m.group(1)).toLowerCase(Locale.ROOT);
                        String value = m.group(2);
                        if (name.equals("content-length")) {
                            length = contentLength(value, at);
                        } else if (name.equals("transfer-encoding")
                                && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                            chunked = true;
                        }
                    } else if (status < 200) {
                        status = -1; // interim: the final response follows
                        length = -1;
                        chunked = false;
                    } else {
                        break;
                    }
                }
                if (chunked) {
                    throw new ResponseOutcome.Malformed(at, "chunked");
                }
                if (status != 204 && status != 304) {
                    if (length < 0) {
                        throw new ResponseOutcome.Malformed(at, "no length");
                    }
                    if (s.length - at < length) {
                        return new ResponseOutcome(responses, failures, -1);
                    }
                    at += (int) length;
                }
                responses++;
                failures += status >= 400 ? 1 : 0;
            }
        } catch (ResponseOutcome.Malformed e) {
            return new ResponseOutcome(responses, failures, e.at);
        }
    }

    /** A decimal length, optionally signed, within a long, not negative; control bytes and spaces around it ignored. */
    private static long contentLength(String value, int at) {
        String v = trim(value);
        if (!v.matches("[+-]?[0-9]+")) {
            throw new ResponseOutcome.Malformed(at, "Content-Length");
        }
        java.math.BigInteger n = new java.math.BigInteger(v.startsWith("+") ? v.substring(1) : v);
        if (n.bitLength() > 63 || n.signum() < 0) {
            throw new ResponseOutcome.Malformed(at, "Content-Length");
        }
        return n.longValue();
    }

    /** Without the control bytes and spaces around it. */
    private static String trim(String s) {
        return s.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+\\z", "");
    }

    /** The index of the LF ending the line at {@code at}, or -1 if the stream ends first. */
    private static int lineEnd(byte[] s, int at) {
        for (int i = at; i < s.length; i++) {
            if (s[i] == '\n') {
                return i;
            }
            if (i - at == MAX_LINE) {
                throw new ResponseOutcome.Malformed(i + 1, "line too long");
            }
        }
        return -1;
    }
}
