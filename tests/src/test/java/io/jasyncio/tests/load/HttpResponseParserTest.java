/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.load.HttpResponseParser;
import io.jasyncio.load.MalformedResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseParserTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String malformed(String response) {
        return assertThrows(MalformedResponseException.class,
                () -> new HttpResponseParser().feed(ByteBuffer.wrap(bytes(response)))).getMessage();
    }

    @Test
    void keepAliveResponsesAtEverySplit() {
        String stream = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!"
                + "HTTP/1.1 100 Continue\r\n\r\n"                           // interim: not counted
                + "HTTP/1.1 404 Not Found\r\ncontent-length:9\r\n\r\nnot found"  // a failure
                + "HTTP/1.1 204 No Content\r\nServer: x\r\n\r\n"            // no body
                + "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\n"
                + "HTTP/1.1 503\r\nContent-Length: 4\r\n\r\n\r\n\r\n"        // no reason phrase; body of CRLFs
                + "HTTP/1.1 200 OK\nContent-Length: 2\n\nok";               // bare LFs
        ParserSplits.check(HttpResponseParser::new, bytes(stream), 7, 2);
    }

    @Test
    void pipelinedResponses() {
        ParserSplits.check(HttpResponseParser::new,
                bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello".repeat(10)), 10, 0);
    }

    @Test
    void malformedResponsesAreRefused() {
        assertTrue(malformed("SMTP 220 hello\r\n").contains("not an HTTP/1.x status line: 'SMTP 220 hello'"));
        assertTrue(malformed("HTTP/1.1 2x0 OK\r\n").contains("bad HTTP status code"));
        assertTrue(malformed("HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n").contains("bad Content-Length"));
        assertTrue(malformed("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n").contains("bad Content-Length"));
        assertTrue(malformed("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n").contains("bad HTTP header line"));
        assertTrue(malformed("HTTP/1.1 200 OK\r\n\r\n").contains("HTTP response 200 without Content-Length"));
        assertEquals("chunked HTTP responses are not supported; the server must send Content-Length",
                malformed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
    }
}
