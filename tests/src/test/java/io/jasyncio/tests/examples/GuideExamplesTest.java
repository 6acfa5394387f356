/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.examples.guide.Guide;
import io.jasyncio.tests.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The examples of docs/develop-with-jasyncio.md, run as {@code ./jasyncio guide <section>} runs them: each prints the
 * line its section is about (standard output for the program, the {@code asyncio} logger for the checks). Messages
 * logged at collection are waited for with {@code System.gc()} in a loop bounded by a deadline.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GuideExamplesTest {

    /** Runs a section's example and returns what it printed and logged, waiting (collecting) for {@code awaited}. */
    private static String run(String section, String awaited) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        try (LogCapture log = new LogCapture()) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                Guide.main(new String[] {section});
            } finally {
                System.setOut(savedOut);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (awaited != null && !log.text().contains(awaited) && System.nanoTime() < deadline) {
                System.gc();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return out.toString(StandardCharsets.UTF_8) + "\n--- log\n" + log.text();
        }
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "no '" + part + "' in:\n" + text);
        }
    }

    @Test
    void testEverySectionHasAnExample() {
        assertEquals(List.of("debug-mode", "cancellation", "concurrency", "blocking", "logging", "never-scheduled",
                "never-retrieved", "chaining", "pending-destroyed", "close-resources", "subprocesses"),
                List.copyOf(Guide.SECTIONS.keySet()));
    }

    @Test
    void testDebugMode() {
        String text = run("debug-mode", null);
        assertContains(text, "debug mode: true", "checks installed: [", "SlowCallbackCheck", "NeverAwaitedCheck",
                "Executing <Task finished name='", " seconds");
    }

    @Test
    void testCancellation() {
        assertContains(run("cancellation", null),
                "setResult on a cancelled future: io.jasyncio.InvalidStateError: CANCELLED: <Future cancelled>",
                "waitFor timed out and cancelled slowOperation()",
                "the waiter was cancelled, the shielded task goes on: saved");
    }

    @Test
    void testConcurrency() {
        assertContains(run("concurrency", null),
                "callSoon from another thread: Non-thread-safe operation invoked on an event loop other than the "
                        + "current one",
                "task scheduled from other-thread, running on ",
                "future cancelled through callSoonThreadsafe: true");
    }

    @Test
    void testBlocking() {
        String text = run("blocking", null);
        assertContains(text, "  got data (no tick could run meanwhile)", "coro=lambda in "
                + "io.jasyncio.examples.guide.BlockingFunctions", " seconds");
        String executor = text.substring(text.indexOf("blocking call in the default executor:"));
        assertTrue(executor.indexOf("tick 1") < executor.indexOf("got data"), text);
    }

    @Test
    void testLogging() {
        try {
            assertContains(run("logging", null), "asyncio logger: asyncio",
                    "ERROR asyncio - Exception in callback lambda in io.jasyncio.examples.guide.Logging",
                    "java.lang.IllegalStateException: a callback that fails");
        } finally {
            System.clearProperty("org.slf4j.simpleLogger.log.asyncio");
        }
    }

    @Test
    void testNeverScheduled() {
        String awaited = "coroutine 'test' was never awaited\nCoroutine created at (most recent call first):\n"
                + "\tat io.jasyncio.examples.guide.NeverScheduled.test(";
        assertContains(run("never-scheduled", awaited), "never scheduled", awaited);
    }

    @Test
    void testNeverRetrieved() {
        String awaited = "source_traceback: Object created at (most recent call first):\n"
                + "\tat io.jasyncio.examples.guide.NeverRetrieved.main(";
        String text = run("never-retrieved", awaited);
        assertContains(text, "exception consumed\nexception consumed", "Task exception was never retrieved", awaited,
                "coro=bug() exception=java.lang.Exception: not consumed created at NeverRetrieved.java:");
    }

    @Test
    void testChaining() {
        String text = run("chaining", null);
        assertContains(text, "(3) close file", "Pending tasks at exit: [<Task pending name='",
                "coro=create() wait_for=<Future pending", "Task was destroyed but it is pending!",
                "With each step awaited:\n(1) create file\n(2) write into file\n(3) close file\n"
                        + "Pending tasks at exit: []");
        assertTrue(text.indexOf("(3) close file") < text.indexOf("(2) write into file"), text);
    }

    @Test
    void testPendingDestroyed() {
        String awaited = "task: <Task pending name='forgotten' coro=killMe() wait_for=<Future pending";
        assertContains(run("pending-destroyed", awaited), awaited,
                "Task was destroyed but it is pending!\n"
                        + "task: <Task pending name='closed-under-it' coro=killMe() wait_for=<Future pending",
                "\tat io.jasyncio.examples.guide.PendingDestroyed.main(");
    }

    @Test
    void testCloseResources() {
        String awaited = "unclosed event loop <NettyEventLoop running=false closed=false debug=true>";
        assertContains(run("close-resources", awaited), awaited, "WARN asyncio - unclosed server <Server sockets=[",
                "WARN asyncio - unclosed transport <TcpTransport /127.0.0.1:");
    }

    @Test
    void testSubprocesses() {
        io.jasyncio.tests.BackendAssumptions.assumeSignalNotIgnored(1); // the guide sends itself SIGHUP
        String text = run("subprocesses", null);
        assertContains(text, "worker: started\nserving; try: kill -HUP ",
                "SIGHUP: reloading; `uname -s` says ", ", exit 0\nSIGTERM: stopping\nworker: stopping\n"
                        + "worker exited with 0\n");
    }
}
