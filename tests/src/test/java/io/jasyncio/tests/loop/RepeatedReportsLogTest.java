/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.ConnectionResetError;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Server;
import io.jasyncio.Streams;
import io.jasyncio.tests.LogCapture;
import io.jasyncio.tests.LoopTestBase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default exception handler logs the first report of a kind (message, exception class, top frame) in full and
 * counts the repeats of the next 10 s into one summary line, so that a failure a client can trigger at will does not
 * fill the log; a custom handler still sees every report.
 */
class RepeatedReportsLogTest extends LoopTestBase {

    private static final String PREFIX = "ERROR asyncio - ";

    @BeforeEach
    void useDefaultHandler() {
        loop.setExceptionHandler(null);
    }

    /** A reset connection reported from one place: every call gives the same top frame. */
    private static ConnectionResetError reset() {
        return new ConnectionResetError("Connection reset by peer", null);
    }

    private static ExceptionContext report(String message, Throwable exception) {
        return ExceptionContext.builder(message).exception(exception).build();
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The lines the {@code asyncio} logger wrote at ERROR, without the stack lines that follow a full entry. */
    private static List<String> errorLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            int at = line.indexOf(PREFIX);
            if (at >= 0) {
                lines.add(line.substring(at + PREFIX.length()));
            }
        }
        return lines;
    }

    @Test
    void thousandIdenticalCallbackFailuresLogOneEntryAndOneSummary() {
        String expectedMessage = "Exception in callback lambda in " + getClass().getName();
        try (LogCapture log = new LogCapture()) {
            Runnable failing = () -> {
                throw new ArithmeticException("boom");
            };
            for (int i = 0; i < 1000; i++) {
                loop.callSoon(failing);
            }
            runOnce();
            String text = log.text();
            assertEquals(List.of(expectedMessage), errorLines(text), text);
            assertEquals(1, count(text, "java.lang.ArithmeticException: boom"), text);

            ticker.advance(10);
            runOnce(); // the summary timer
            text = log.text();
            assertEquals(List.of(expectedMessage, expectedMessage
                    + " (java.lang.ArithmeticException): repeated 999 more times in the last 10 s"),
                    errorLines(text), text);
            assertEquals(1, count(text, "java.lang.ArithmeticException: boom"), text);

            loop.callSoon(failing);
            runOnce();
            assertEquals(2, count(log.text(), "java.lang.ArithmeticException: boom"), log.text());
        }
    }

    @Test
    void thousandIdenticalReportsLogOneEntryAndOneSummary() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 1000; i++) {
                loop.callExceptionHandler(report("Unhandled exception in client_connected_cb", reset()));
            }
            assertEquals(List.of("Unhandled exception in client_connected_cb"), errorLines(log.text()), log.text());
            ticker.advance(12.5);
            // Not running: no timer; the next report of the kind logs the summary, then itself in full.
            loop.callExceptionHandler(report("Unhandled exception in client_connected_cb", reset()));
            String text = log.text();
            assertEquals(List.of("Unhandled exception in client_connected_cb",
                    "Unhandled exception in client_connected_cb (io.jasyncio.ConnectionResetError): "
                            + "repeated 999 more times in the last 13 s",
                    "Unhandled exception in client_connected_cb"), errorLines(text), text);
            assertEquals(2, count(text, "io.jasyncio.ConnectionResetError: Connection reset by peer"), text);
        }
    }

    @Test
    void reportsOfDifferentKindsAreEachLogged() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                loop.callExceptionHandler(report("one", reset()));
                loop.callExceptionHandler(report("two", reset()));
                loop.callExceptionHandler(report("one", new IllegalStateException("other class")));
                loop.callExceptionHandler(report("one", new ConnectionResetError("other top frame", null)));
                loop.callExceptionHandler(ExceptionContext.builder("one").build());
            }
            assertEquals(List.of("one", "two", "one", "one", "one"), errorLines(log.text()), log.text());

            // In debug mode, reports of objects created in two places (source_traceback) are two kinds.
            StackTraceElement here = new StackTraceElement("Made", "here", "Made.java", 1);
            StackTraceElement there = new StackTraceElement("Made", "there", "Made.java", 2);
            for (int i = 0; i < 3; i++) {
                for (StackTraceElement at : List.of(here, there)) {
                    loop.callExceptionHandler(ExceptionContext.builder("Task was destroyed but it is pending!")
                            .put("source_traceback", new StackTraceElement[] {at}).build());
                }
            }
            assertEquals(2, count(log.text(), PREFIX + "Task was destroyed but it is pending!\n"), log.text());
        }
    }

    @Test
    void customHandlerSeesEveryReport() {
        List<ExceptionContext> seen = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            loop.setExceptionHandler((l, context) -> seen.add(context));
            for (int i = 0; i < 1000; i++) {
                loop.callExceptionHandler(report("Unhandled exception in client_connected_cb", reset()));
            }
            assertEquals(1000, seen.size());
            assertEquals("", log.text());

            // A custom handler that passes reports on to the default one: it sees each, the log is summarised.
            seen.clear();
            loop.setExceptionHandler((l, context) -> {
                seen.add(context);
                l.defaultExceptionHandler(context);
            });
            for (int i = 0; i < 1000; i++) {
                loop.callExceptionHandler(report("Unhandled exception in client_connected_cb", reset()));
            }
            assertEquals(1000, seen.size());
            assertEquals(List.of("Unhandled exception in client_connected_cb"), errorLines(log.text()), log.text());
        }
    }

    @Test
    void kindsTableIsBounded() {
        try (LogCapture log = new LogCapture()) {
            loop.callExceptionHandler(report("first", reset()));
            loop.callExceptionHandler(report("first", reset()));
            for (int k = 1; k < 64; k++) {
                loop.callExceptionHandler(report("kind " + k, reset()));
            }
            // 64 kinds tracked: "first" is still counted, not logged.
            loop.callExceptionHandler(report("first", reset()));
            assertEquals(64, errorLines(log.text()).size(), log.text());
            for (int k = 64; k < 128; k++) {
                loop.callExceptionHandler(report("kind " + k, reset()));
            }
            // 64 more kinds: "first", the least recently reported, was evicted, with its summary.
            List<String> lines = errorLines(log.text());
            assertTrue(lines.contains("first (io.jasyncio.ConnectionResetError): repeated 2 more times in the last 1 s"),
                    log.text());
            loop.callExceptionHandler(report("first", reset()));
            lines = errorLines(log.text());
            assertEquals("first", lines.get(lines.size() - 1), log.text());
            assertEquals(2, count(log.text(), PREFIX + "first\n"), log.text());

            // A thousand distinct kinds are each logged once; the table keeps the last 64.
            for (int k = 0; k < 1000; k++) {
                loop.callExceptionHandler(report("many " + k, reset()));
            }
            loop.callExceptionHandler(report("many 0", reset()));
            assertEquals(2, count(log.text(), PREFIX + "many 0\n"), log.text());
            loop.callExceptionHandler(report("many 999", reset()));
            assertEquals(1, count(log.text(), PREFIX + "many 999\n"), log.text());
        }
    }

    /** Fifty clients each make a stream handler fail: one full entry in the log, every report to the handler. */
    @Test
    @Timeout(20)
    void failingStreamsHandlerIsLoggedOnceForManyClients() {
        List<ExceptionContext> seen = new ArrayList<>();
        loop.setExceptionHandler((l, context) -> {
            seen.add(context);
            l.defaultExceptionHandler(context);
        });
        try (LogCapture log = new LogCapture()) {
            Server server = loop.runUntilComplete(() -> Asyncio.startServer((reader, writer) -> {
                reader.readline();
                throw reset();
            }, "127.0.0.1", 0));
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            for (int i = 0; i < 50; i++) {
                Streams s = loop.runUntilComplete(() -> Asyncio.openConnection("127.0.0.1", port));
                s.writer().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals(0, loop.runUntilComplete(() -> s.reader().read(-1)).length, "EOF: the server closed");
                s.writer().close();
            }
            assertEquals(50, seen.size());
            assertEquals(List.of("Unhandled exception in client_connected_cb"), errorLines(log.text()), log.text());
            server.close();
            loop.runUntilComplete(() -> {
                server.waitClosed();
                return null;
            });
        }
    }

    @Test
    void closeLogsPendingSummaries() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                loop.callExceptionHandler(report("closing", reset()));
            }
            ticker.advance(4);
            loop.close();
            assertEquals(List.of("closing",
                    "closing (io.jasyncio.ConnectionResetError): repeated 2 more times in the last 4 s"),
                    errorLines(log.text()), log.text());
        }
    }
}
