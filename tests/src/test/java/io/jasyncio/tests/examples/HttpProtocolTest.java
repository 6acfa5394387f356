/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.examples.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.jasyncio.tests.LoopTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server's protocol fed through a socket-less transport: any split, pipelining, every refusal, and the
 * timeouts on the loop's mock clock.
 */
class HttpProtocolTest extends LoopTestBase {
    private static final int MAX_BODY = 1000;
    private FakeTransport t;

    /** A protocol on a fake transport, made on the loop (the protocol arms its timers there). */
    private FakeTransport connect(long maxBody) {
        return loop.runUntilComplete(() -> FakeTransport.connect(HttpServer.factory(maxBody).get()));
    }

    @BeforeEach
    void connectFirst() {
        t = connect(MAX_BODY);
    }

    private static final String SCRIPT = "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
            + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
            + "POST /echo?q=1 HTTP/1.1\r\nhost: x\r\ntransfer-encoding: Chunked\r\n\r\n"
            + "3;ext=1\r\nabc\r\nA\r\n0123456789\r\n0\r\nTrailer: t\r\n\r\n"
            + "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n"
            + "GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n"
            + "\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    /** A response: status, headers by lower-case name (Date left out), body. */
    record Response(int status, java.util.Map<String, String> headers, String body) {
    }

    private static final Pattern HEAD = Pattern.compile("HTTP/1\\.1 (\\d{3}) [^\r\n]+\r\n((?:[^\r\n]+\r\n)*)\r\n");

    /** Splits the output into responses, reading each body by its Content-Length. */
    static List<Response> responses(String output) {
        List<Response> all = new ArrayList<>();
        int at = 0;
        Matcher m = HEAD.matcher(output);
        while (at < output.length()) {
            assertTrue(m.find(at) && m.start() == at, "not a response at " + at + ": " + output.substring(at));
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (String line : m.group(2).split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).toLowerCase(java.util.Locale.ROOT), line.substring(colon + 2));
            }
            assertTrue(headers.remove("date").endsWith(" GMT"));
            int status = Integer.parseInt(m.group(1));
            int length = status == 100 ? 0 : Integer.parseInt(headers.get("content-length"));
            int bodyEnd = m.end() + length;
            all.add(new Response(status, headers, output.substring(m.end(), Math.min(bodyEnd, output.length()))));
            at = bodyEnd;
        }
        return all;
    }

    private void checkScriptAnswers(String output) {
        // The HEAD answer has no body: cut the output there to read it.
        int headAnswer = nthIndexOf(output, "HTTP/1.1 200", 4);
        List<Response> first = responses(output.substring(0, headAnswer));
        assertEquals(3, first.size());
        assertEquals(new Response(200, java.util.Map.of("server", "jasyncio", "content-type", "text/plain",
                "content-length", "13"), "Hello, World!"), first.get(0));
        assertEquals("hello", first.get(1).body());
        assertEquals("abc0123456789", first.get(2).body());
        String rest = output.substring(headAnswer);
        int afterHead = rest.indexOf("\r\n\r\n") + 4;
        assertTrue(rest.startsWith("HTTP/1.1 200 OK\r\n") && rest.contains("Content-Length: 13\r\n"), rest);
        List<Response> last = responses(rest.substring(afterHead));
        assertEquals(2, last.size());
        assertEquals(404, last.get(0).status());
        assertEquals(200, last.get(1).status());
        assertEquals("close", last.get(1).headers().get("connection"));
        assertTrue(t.closed, "Connection: close closes after the answer");
    }

    private static int nthIndexOf(String s, String what, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(what, at + 1);
        }
        return at;
    }

    @Test
    void testWholeScriptInOneRead() {
        t.feed(SCRIPT);
        checkScriptAnswers(t.output());
        assertEquals(1, t.writes.size(), "the answers to one read leave in one write");
    }

    @Test
    void testSplitAtEveryBytePosition() {
        byte[] script = SCRIPT.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 1; i < script.length; i++) {
            t = connect(MAX_BODY);
            t.feed(script, 0, i);
            t.feed(script, i, script.length);
            checkScriptAnswers(t.output());
        }
    }

    @Test
    void testOneByteAtATime() {
        byte[] script = SCRIPT.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < script.length; i++) {
            t.feed(script, i, i + 1);
        }
        checkScriptAnswers(t.output());
    }

    @Test
    void testPipelineOfAHundred() {
        t.feed("GET / HTTP/1.1\r\nHost: x\r\n\r\n".repeat(100));
        List<Response> all = responses(t.output());
        assertEquals(100, all.size());
        assertTrue(all.stream().allMatch(r -> r.status() == 200 && r.body().equals("Hello, World!")));
        assertEquals(1, t.writes.size());
        assertFalse(t.closed);
    }

    private Response refused(String request) {
        t = connect(MAX_BODY);
        t.feed(request + "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        List<Response> all = responses(t.output());
        assertEquals(1, all.size(), "nothing after a refusal is answered: " + t.output());
        assertTrue(t.closed, "a refusal closes the connection");
        assertEquals("close", all.get(0).headers().get("connection"));
        return all.get(0);
    }

    @Test
    void testMalformedRequestsGet400() {
        for (String bad : List.of("GET\r\n\r\n", "GET /\r\n\r\n", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
                "G(T / HTTP/1.1\r\nHost: x\r\n\r\n", "GET / HTTX/1.1\r\nHost: x\r\n\r\n",
                "GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost : x\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n",
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n",
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n")) {
            assertEquals(400, refused(bad).status(), bad);
        }
    }

    @Test
    void testBodyOverTheLimitGets413AtOnce() {
        Response r = refused("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n");
        assertEquals(413, r.status(), "answered from the head, before the body comes");
        assertEquals(413, refused("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "200\r\n" + "x".repeat(512) + "\r\n3E8\r\n").status(), "the chunk sizes pass the limit");
        assertEquals(413, refused("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n")
                .status());
        t = connect(MAX_BODY);
        t.feed("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + "y".repeat(1000));
        assertEquals("y".repeat(1000), responses(t.output()).get(0).body(), "the limit itself is accepted");
    }

    @Test
    void testOtherRefusals() {
        assertEquals(431, refused("GET / HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(9000) + "\r\n\r\n").status());
        t = connect(MAX_BODY);
        t.feed("GET / HTTP/1.1\r\nX: " + "a".repeat(9000));
        assertEquals(431, responses(t.output()).get(0).status(), "refused before the head ends");
        assertEquals(505, refused("GET / HTTP/2.0\r\nHost: x\r\n\r\n").status());
        assertEquals(501, refused("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
                .status());
    }

    @Test
    void testMethodNotAllowedKeepsTheConnection() {
        t.feed("DELETE / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        List<Response> all = responses(t.output());
        assertEquals(405, all.get(0).status());
        assertEquals("GET, HEAD", all.get(0).headers().get("allow"));
        assertEquals(200, all.get(1).status());
        assertFalse(t.closed);
    }

    @Test
    void testHttp10ClosesUnlessAskedToKeepAlive() {
        t.feed("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        assertEquals("keep-alive", responses(t.output()).get(0).headers().get("connection"));
        assertFalse(t.closed);
        t.feed("GET / HTTP/1.0\r\n\r\nGET / HTTP/1.0\r\n\r\n");
        List<Response> all = responses(t.output());
        assertEquals(2, all.size(), "the connection closed after the second answer");
        assertEquals("close", all.get(1).headers().get("connection"));
        assertTrue(t.closed);
    }

    /** Feeds bytes in pieces of 1, 2, 3, 5 and 7 bytes in turn. */
    private void trickle(byte[] bytes) {
        int[] sizes = {1, 2, 3, 5, 7};
        for (int i = 0, k = 0; i < bytes.length; k++) {
            int to = Math.min(bytes.length, i + sizes[k % sizes.length]);
            t.feed(bytes, i, to);
            i = to;
        }
    }

    /** A long chunked body trickled in: each byte is looked at a bounded number of times, not once per read. */
    @Test
    void testParserWorkIsLinearWhateverTheSplit() {
        t = connect(1 << 20);
        StringBuilder request = new StringBuilder("POST /echo HTTP/1.1\r\nHost: x\r\nX-Long: ")
                .append("h".repeat(7000)).append("\r\nTransfer-Encoding: chunked\r\n\r\n");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            request.append("a;e=1\r\n0123456789\r\n");
            expected.append("0123456789");
        }
        request.append("0\r\nT: 1\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 30000\r\n\r\n")
                .append("b".repeat(30_000));
        byte[] bytes = request.toString().getBytes(StandardCharsets.ISO_8859_1);
        trickle(bytes);
        List<Response> all = responses(t.output());
        assertEquals(2, all.size());
        assertEquals(expected.toString(), all.get(0).body());
        assertEquals("b".repeat(30_000), all.get(1).body());
        long work = ((io.jasyncio.examples.http.HttpProtocol) t.getProtocol()).parseWork();
        assertTrue(work <= 3L * bytes.length, work + " bytes examined for " + bytes.length);
    }

    /** Chunk extensions, chunk-size lines and trailers count towards the body's limit: every byte read does. */
    @Test
    void testEveryByteOfAChunkedBodyCountsTowardsTheLimit() {
        String chunk = "1;" + "e".repeat(600) + "\r\nx\r\n";
        assertEquals(413, refused("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunk + chunk + "0\r\n\r\n").status());
        assertEquals(413, refused("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "1\r\nx\r\n0\r\n" + ("T: " + "t".repeat(500) + "\r\n").repeat(2) + "\r\n").status());
    }

    /** A long pipeline from a client that does not read: the answers in flight stay bounded by the server. */
    @Test
    void testAnswersInFlightAreBoundedByTheServer() {
        t.limitWrites(16 * 1024);
        t.feed("GET / HTTP/1.1\r\nHost: x\r\n\r\n".repeat(3000));
        assertFalse(t.reading, "reading stops while the answers wait");
        long bound = 16 * 1024 + io.jasyncio.examples.http.HttpProtocol.FLUSH_BYTES + 1024;
        while (!t.reading) {
            t.drain();
        }
        assertTrue(t.maxBuffered <= bound, t.maxBuffered + " bytes buffered, over " + bound);
        List<Response> all = responses(t.output());
        assertEquals(3000, all.size(), "every request is answered, in order, as the client reads");
        assertFalse(t.closed);
    }

    /** Runs the loop once on the mock clock: the timers due run. */
    private void advance(double seconds) {
        ticker.advance(seconds);
        loop.stop();
        loop.runForever();
    }

    /** A head sent a byte at a time is cut off at the header timeout, counted from its first byte. */
    @Test
    void testHeaderTimeoutIsNotExtendedByReads() {
        byte[] head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < head.length; i++) {
            t.feed(head, i, i + 1);
            advance(1);
        }
        assertFalse(t.closed);
        advance(60 - head.length - 0.5);
        assertFalse(t.closed, "within the header timeout");
        advance(1);
        assertEquals(408, responses(t.output()).get(0).status());
        assertTrue(t.closed);
    }

    @Test
    void testFreshConnectionGetsTheHeaderTimeout() {
        advance(59.9);
        assertFalse(t.closed);
        advance(0.2);
        assertTrue(t.closed);
        assertEquals(408, responses(t.output()).get(0).status());
    }

    /** An idle keep-alive connection closes quietly after the keep-alive timeout; each request restarts it. */
    @Test
    void testKeepAliveTimeout() {
        t.feed("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        advance(74);
        assertFalse(t.closed);
        t.feed("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        advance(74);
        assertFalse(t.closed, "the second request restarted the keep-alive timeout");
        advance(1.1);
        assertTrue(t.closed);
        assertEquals(2, responses(t.output()).size(), "closed without an answer");
    }

    /** A body must progress within the header timeout between reads. */
    @Test
    void testBodyTimeoutBetweenReads() {
        t.feed("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345");
        advance(59);
        t.feed("6");
        advance(59);
        assertFalse(t.closed, "the body progressed");
        advance(1.1);
        assertTrue(t.closed);
        assertEquals(408, responses(t.output()).get(0).status());
    }

    /** A client that reads none of its answers is aborted after the header timeout. */
    @Test
    void testClientThatDoesNotReadIsAborted() {
        t.limitWrites(1024);
        t.feed("GET / HTTP/1.1\r\nHost: x\r\n\r\n".repeat(2000));
        assertFalse(t.reading);
        advance(59);
        assertFalse(t.closed);
        advance(1.1);
        assertTrue(t.closed);
    }

    /** RFC 9110 5.5 and RFC 9112 2.2: a NUL or a bare CR in a header value is refused. */
    @Test
    void testNulAndBareCrInHeaderValuesGet400() {
        assertEquals(400, refused("GET / HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n").status());
        assertEquals(400, refused("GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n").status());
        assertEquals(400, refused("GET / HTTP/1.1\r\nHost: x\0\r\n\r\n").status());
    }

    @Test
    void testExpectContinue() {
        t.feed("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n", t.output());
        t.feed("da");
        t.feed("ta");
        String rest = t.output().substring("HTTP/1.1 100 Continue\r\n\r\n".length());
        assertEquals("data", responses(rest).get(0).body());
        assertEquals(2, t.writes.size(), "one 100 Continue, then the answer");
    }
}
