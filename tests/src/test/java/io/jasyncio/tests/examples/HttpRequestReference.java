/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 requests of a plain, unambiguous form read the whole stream at once with regular expressions, and the
 * answer the example server must give each: the expected side of the HTTP server's fuzz target. Only requests in
 * that form are predicted: a request line {@code METHOD /target HTTP/1.1}, fields {@code Name: value} of visible
 * ASCII, a {@code Content-Length} body, {@code Connection: close}. The reading stops at the first request outside it
 * (or not whole): the server may answer that one as its own rules say, and the target checks only that it answers
 * the predicted ones first, exactly.
 */
final class HttpRequestReference {
    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]{1,16}) (/[!-~]*) HTTP/1\\.1");
    private static final Pattern FIELD = Pattern.compile("([A-Za-z][A-Za-z0-9-]{0,31}): ?([!-~]([ -~]*[!-~])?)?");
    private static final String HEAD_END = "\r\n\r\n";

    /**
     * A predicted answer.
     *
     * @param status its status code
     * @param body its body (none for HEAD)
     * @param head whether the request was a HEAD (the answer has a length but no body)
     * @param close whether the connection closes after it
     */
    record Answer(int status, String body, boolean head, boolean close) {
    }

    private HttpRequestReference() {
    }

    /**
     * The answers the requests at the stream's start must get, in order.
     *
     * @param stream the bytes
     * @param maxBody the server's body limit
     * @return the answers, up to the first request not predicted
     */
    static List<Answer> answers(byte[] stream, long maxBody) {
        String s = new String(stream, StandardCharsets.ISO_8859_1);
        List<Answer> answers = new ArrayList<>();
        int at = 0;
        while (true) {
            int headEnd = s.indexOf(HEAD_END, at);
            if (headEnd < 0 || headEnd + 4 - at > 8 * 1024) {
                return answers;
            }
            List<String> lines = Arrays.asList(s.substring(at, headEnd).split("\r\n", -1));
            Matcher line = REQUEST_LINE.matcher(lines.get(0));
            if (!line.matches()) {
                return answers;
            }
            String method = line.group(1);
            String target = line.group(2);
            int hosts = 0;
            long length = 0;
            boolean close = false;
            for (String field : lines.subList(1, lines.size())) {
                Matcher m = FIELD.matcher(field);
                if (!m.matches()) {
                    return answers;
                }
                String name = m.group(1).toLowerCase(Locale.ROOT);
                String value = m.group(2) == null ? "" : m.group(2);
                switch (name) {
                    case "host" -> hosts++;
                    case "content-length" -> {
                        if (!value.matches("[0-9]{1,6}") || length > 0) {
                            return answers; // one plain length only
                        }
                        length = Long.parseLong(value);
                    }
                    case "connection" -> {
                        if (!value.equals("close") && !value.equals("keep-alive")) {
                            return answers;
                        }
                        close = value.equals("close");
                    }
                    case "transfer-encoding", "expect", "te", "upgrade" -> {
                        return answers;
                    }
                    default -> {
                    }
                }
            }
            int bodyStart = headEnd + 4;
            if (hosts != 1) {
                answers.add(new Answer(400, null, false, true));
                return answers;
            }
            if (length > maxBody) {
                answers.add(new Answer(413, null, false, true));
                return answers;
            }
            if (s.length() - bodyStart < length) {
                return answers; // not whole yet
            }
            String body = s.substring(bodyStart, bodyStart + (int) length);
            String path = target.replaceFirst("[?#].*", "");
            boolean head = method.equals("HEAD");
            if (path.equals("/")) {
                boolean allowed = head || method.equals("GET");
                answers.add(allowed ? new Answer(200, head ? "" : "Hello, World!", head, close)
                        : new Answer(405, method + " is not allowed here\n", false, close));
            } else if (path.equals("/echo")) {
                answers.add(new Answer(200, head ? "" : body, head, close));
            } else {
                answers.add(new Answer(404, head ? "" : "Not Found\n", head, close));
            }
            if (close) {
                return answers;
            }
            at = bodyStart + (int) length;
        }
    }
}
