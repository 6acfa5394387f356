/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.MockTicker;
import io.jasyncio.Protocol;
import io.jasyncio.examples.http.HttpProtocol;
import io.jasyncio.examples.http.HttpServer;
import io.jasyncio.tests.Splits;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;

/**
 * The HTTP server's request parser under coverage-guided fuzzing, through its protocol on a socket-less transport
 * (on a loop with a mock clock, which never moves: no timeout fires). Any bytes a client sends, cut into reads in
 * every way {@link Splits} makes:
 * <ul>
 *   <li>get the same answers and the same close whatever the cuts (the Date header's value and the interim
 *       {@code 100 Continue}, which depends on when the body comes, aside);
 *   <li>get first, exactly, the answers {@link HttpRequestReference} predicts for the plain requests at their start;
 *   <li>never make {@code dataReceived} throw, and keep the parser's work within a few looks per byte received.
 * </ul>
 */
class HttpServerFuzzTest {
    private static final long MAX_BODY = 1000;
    private static final Pattern DATE = Pattern.compile("\r\nDate: [^\r\n]*");
    private static final Pattern CONTINUE = Pattern.compile("HTTP/1\\.1 100 Continue\r\n\r\n");
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) [^\r\n]*\r\n((?:[^\r\n]+\r\n)*)\r\n");
    private static EventLoop loop;

    @AfterAll
    static void closeLoop() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
    }

    @FuzzTest
    void requests(byte[] stream) {
        if (loop == null) {
            loop = Asyncio.newEventLoop(LoopOptions.defaults().withTicker(new MockTicker()).withDebug(false));
        }
        List<HttpRequestReference.Answer> predicted = HttpRequestReference.answers(stream, MAX_BODY);
        String first = null;
        boolean firstClosed = false;
        for (int[] cuts : Splits.of(stream)) {
            String how = Splits.describe(cuts) + " of " + stream.length + " bytes";
            FakeTransport t = loop.runUntilComplete(() -> FakeTransport.connect(HttpServer.factory(MAX_BODY).get()));
            HttpProtocol protocol = (HttpProtocol) t.getProtocol();
            loop.runUntilComplete(() -> {
                for (byte[] piece : Splits.pieces(stream, cuts)) {
                    t.feed(piece, 0, piece.length);
                }
                ((Protocol) protocol).connectionLost(null); // cancels its timer
                return null;
            });
            String out = CONTINUE.matcher(DATE.matcher(t.output()).replaceAll("\r\nDate: -")).replaceAll("");
            if (first == null) {
                first = out;
                firstClosed = t.closed;
                checkPredicted(predicted, out);
            } else {
                assertEquals(first, out, how + ": the answers");
                assertEquals(firstClosed, t.closed, how + ": closed");
            }
            assertTrue(protocol.parseWork() <= 4L * stream.length + 16,
                    how + ": " + protocol.parseWork() + " bytes looked at for " + stream.length + " received");
        }
    }

    /** The output starts with the predicted answers, and holds nothing more if the last one closes. */
    private static void checkPredicted(List<HttpRequestReference.Answer> predicted, String out) {
        int at = 0;
        Matcher m = STATUS.matcher(out);
        for (HttpRequestReference.Answer a : predicted) {
            assertTrue(m.find(at) && m.start() == at, "an answer to a plain request at " + at + ": " + out);
            assertEquals(a.status(), Integer.parseInt(m.group(1)), "the status at " + at + ": " + out);
            Matcher length = Pattern.compile("(?i)(?:^|\r\n)content-length: (\\d+)\r\n").matcher(m.group(2));
            assertTrue(length.find(), "a length: " + m.group());
            int n = a.head() ? 0 : Integer.parseInt(length.group(1));
            at = m.end() + n;
            if (a.body() != null) {
                assertEquals(a.body(), out.substring(m.end(), Math.min(at, out.length())), "the body: " + out);
            }
            if (a.close()) {
                assertEquals(out.length(), at, "nothing after an answer that closes: " + out);
            }
        }
    }
}
