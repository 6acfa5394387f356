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

import io.jasyncio.load.MalformedResponseException;
import io.jasyncio.load.RespParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RespParserTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String malformed(String reply) {
        return assertThrows(MalformedResponseException.class,
                () -> new RespParser().feed(ByteBuffer.wrap(bytes(reply)))).getMessage();
    }

    @Test
    void everyReplyTypeAtEverySplit() {
        String stream = "+PONG\r\n"                            // simple string
                + "-ERR unknown command 'FOO'\r\n"              // error: a failure
                + ":1000\r\n"                                   // integer
                + ":-3\r\n"
                + "$5\r\nhello\r\n"                             // bulk
                + "$0\r\n\r\n"                                  // empty bulk
                + "$-1\r\n"                                     // null bulk
                + "$4\r\n\r\n\r\n\r\n"                          // bulk holding CRLFs
                + "*3\r\n$3\r\nfoo\r\n:1\r\n*2\r\n+a\r\n-WRONGTYPE x\r\n" // nested array, an error inside
                + "*0\r\n"                                      // empty array
                + "*-1\r\n"                                     // null array
                + "*1\r\n*1\r\n*1\r\n+deep\r\n";                // nested three deep
        ParserSplits.check(RespParser::new, bytes(stream), 12, 2);
    }

    @Test
    void pipelinedPongs() {
        ParserSplits.check(RespParser::new, bytes("+PONG\r\n".repeat(20)), 20, 0);
    }

    @Test
    void largeBulkAcrossChunks() {
        String value = "x".repeat(100_000);
        RespParser p = new RespParser();
        byte[] stream = bytes("$100000\r\n" + value + "\r\n+OK\r\n");
        int done = 0;
        for (int i = 0; i < stream.length; i += 4096) {
            done += p.feed(ByteBuffer.wrap(stream, i, Math.min(4096, stream.length - i)).slice());
        }
        assertEquals(2, done);
    }

    @Test
    void malformedRepliesAreRefused() {
        assertTrue(malformed("?what\r\n").contains("not a RESP reply: '?what'"));
        assertTrue(malformed("$abc\r\n").contains("bad RESP number"));
        assertTrue(malformed("$-2\r\n").contains("RESP bulk length -2"));
        assertTrue(malformed("*-5\r\n").contains("RESP array length -5"));
        assertTrue(malformed("$3\r\nfooXY").contains("not followed by CRLF"));
        assertTrue(malformed("+OK\n").contains("not ended by CRLF"));
        assertTrue(malformed(":\r\n").contains("number missing"));
        assertTrue(malformed("\r\n").contains("empty RESP line"));
    }
}
