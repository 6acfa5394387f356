/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.http;

import io.jasyncio.examples.ReplyBuffer;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The responses to one read's requests, encoded into a {@link ReplyBuffer}: one growing array written with one
 * {@code transport.write}.
 */
final class ResponseWriter extends ReplyBuffer {
    static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");
    private static final byte[] HELLO = ascii("Hello, World!");
    private static final byte[] HELLO_HEAD = ascii("HTTP/1.1 200 OK\r\nServer: jasyncio\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 13\r\n");
    private static final byte[] CLOSE = ascii("Connection: close\r\n");
    private static final byte[] KEEP_ALIVE = ascii("Connection: keep-alive\r\n");
    private static final byte[] CRLF = ascii("\r\n");
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** The Date header line, made once a second; shared by every loop's connections. */
    private record DateLine(long second, byte[] bytes) {
    }

    private static volatile DateLine date = new DateLine(-1, new byte[0]);

    /** "Date: ...\r\n" for the current second. */
    static byte[] dateLine() {
        long second = System.currentTimeMillis() / 1000;
        DateLine d = date;
        if (d.second() != second) {
            String text = "Date: " + HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n";
            d = new DateLine(second, ascii(text));
            date = d; // a benign race: two threads may both make it
        }
        return d.bytes();
    }

    /** The hello-world answer, the one a benchmark asks for: its fixed part is made once. */
    void hello(Request r) {
        raw(HELLO_HEAD);
        raw(dateLine());
        connection(r);
        raw(CRLF);
        if (!r.methodIs("HEAD")) {
            raw(HELLO);
        }
    }

    /** Any other answer. */
    void respond(Request r, int status, String reason, String contentType, byte[] body, String extraHeader) {
        StringBuilder head = new StringBuilder(128).append("HTTP/1.1 ").append(status).append(' ').append(reason)
                .append("\r\nServer: jasyncio\r\nContent-Type: ").append(contentType).append("\r\nContent-Length: ")
                .append(body.length).append("\r\n");
        if (extraHeader != null) {
            head.append(extraHeader).append("\r\n");
        }
        raw(ascii(head.toString()));
        raw(dateLine());
        connection(r);
        raw(CRLF);
        if (r == null || !r.methodIs("HEAD")) {
            raw(body);
        }
    }

    /** An error, closing the connection: the request may not even have been read whole. */
    void error(int status, String reason) {
        byte[] body = ascii(reason + "\n");
        raw(ascii("HTTP/1.1 " + status + " " + reasonPhrase(status) + "\r\nServer: jasyncio\r\n"
                + "Content-Type: text/plain\r\nContent-Length: " + body.length + "\r\n"));
        raw(dateLine());
        raw(CLOSE);
        raw(CRLF);
        raw(body);
    }

    private void connection(Request r) {
        if (r == null || !r.keepAlive) {
            raw(CLOSE);
        } else if (!r.http11) {
            raw(KEEP_ALIVE);
        }
    }

    static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 505 -> "HTTP Version Not Supported";
            default -> "Error";
        };
    }
}
