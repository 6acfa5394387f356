/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.debug.strict.StrictMode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension on sample tests run by JUnit's own test kit: each kind of leak fails its sample with a clear message,
 * and a clean sample passes. The samples are nested classes, which the build's test runner does not run by itself.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JasyncioExtensionTest {

    /** Runs one sample class and returns its test events. */
    private static Events run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
    }

    /** The failure message of the sample's only test, which must have failed. */
    private static String failureOf(Class<?> sample) {
        Events events = run(sample);
        assertEquals(1, events.started().count(), "one test started");
        List<Event> failed = events.failed().list();
        assertEquals(1, failed.size(), "the sample failed: " + events.list());
        Throwable t = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        StringBuilder all = new StringBuilder(String.valueOf(t.getMessage()));
        for (Throwable s : t.getSuppressed()) {
            all.append('\n').append(s.getMessage());
        }
        return all.toString();
    }

    private static void assertPasses(Class<?> sample) {
        Events events = run(sample);
        assertTrue(events.started().count() > 0, "tests started");
        assertEquals(events.started().count(), events.succeeded().count(), "every test passed: " + events.list());
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "expected '" + expected + "' in:\n" + text);
    }

    // ---------------------------------------------------------------- samples

    /** A server's protocol that drops what it reads. */
    static final class Discard implements Protocol {
        @Override
        public void dataReceived(java.nio.ByteBuffer data) {
            data.position(data.limit());
        }
    }

    static class CleanSample {
        @JasyncioTest
        void awaitsAndClosesWhatItOpens(EventLoop loop) {
            assertEquals("done", Asyncio.sleep(0.001, "done"));
            Server server = Asyncio.await(loop.createServer(Discard::new, "127.0.0.1", 0));
            server.close();
            server.waitClosed();
            Asyncio.await(loop.createTask(() -> Asyncio.sleep(0.001, 1)));
        }
    }

    static class LeakedTaskSample {
        @JasyncioTest
        void leavesATaskRunning(EventLoop loop) {
            loop.createTask(() -> Asyncio.sleep(60, null), "forgotten");
        }
    }

    static class UnhandledExceptionSample {
        @JasyncioTest
        void aCallbackFails(EventLoop loop) {
            loop.callSoon(() -> {
                throw new IllegalStateException("boom in a callback");
            });
            Asyncio.sleep(0.001);
        }
    }

    static class AllowedExceptionSample {
        @JasyncioTest(allowExceptions = IllegalStateException.class)
        void aCallbackFailsAsExpected(EventLoop loop) {
            loop.callSoon(() -> {
                throw new IllegalStateException("expected");
            });
            Asyncio.sleep(0.001);
        }
    }

    static class NeverRetrievedSample {
        @JasyncioTest
        void aFutureFailsUnseen(EventLoop loop) {
            Future<Void> f = loop.createFuture();
            f.setException(new IllegalArgumentException("nobody looks"));
        }
    }

    static class LeakedServerSample {
        @JasyncioTest
        void leavesAServerOpen(EventLoop loop) {
            Asyncio.await(loop.createServer(Discard::new, "127.0.0.1", 0));
        }
    }

    static class StallSample {
        @JasyncioTest(stallThresholdMillis = 50)
        void blocksTheLoop() throws InterruptedException {
            Thread.sleep(600); // blocking inside a task: what strict mode exists to catch
            Asyncio.sleep(0.001);
        }
    }

    static class TimeoutSample {
        @JasyncioTest(timeout = 0.5)
        void waitsForever(EventLoop loop) {
            Future<Void> never = loop.createFuture();
            Asyncio.await(loop.createTask(() -> Asyncio.await(never), "waiter"));
        }
    }

    static class FailingAssertionSample {
        @JasyncioTest
        void assertsWrongly() {
            assertEquals(2, Asyncio.sleep(0.001, 1), "one is not two");
        }
    }

    @ExtendWith(JasyncioExtension.class)
    static class PlainTestSample {
        @Test
        void drivesTheLoopItself(EventLoop loop, StrictMode strict) {
            strict.allowExceptions(ArithmeticException.class);
            assertEquals(3, loop.runUntilComplete(() -> Asyncio.sleep(0.001, 3)));
            loop.callSoon(() -> {
                throw new ArithmeticException("allowed by the parameter");
            });
            loop.runUntilComplete(() -> Asyncio.sleep(0.001, 0));
        }
    }

    @ExtendWith(JasyncioExtension.class)
    static class PlainLeakSample {
        @Test
        void leavesATaskPending(EventLoop loop) {
            loop.createTask(() -> Asyncio.sleep(60, null), "left behind");
        }
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void cleanTestPasses() {
        assertPasses(CleanSample.class);
    }

    @Test
    void leakedTaskFails() {
        String message = failureOf(LeakedTaskSample.class);
        assertContains(message, "leaked task: still pending after the test");
        assertContains(message, "forgotten");
    }

    @Test
    void unhandledExceptionFails() {
        String message = failureOf(UnhandledExceptionSample.class);
        assertContains(message, "unexpected exception handler call");
        assertContains(message, "boom in a callback");
    }

    @Test
    void allowedExceptionPasses() {
        assertPasses(AllowedExceptionSample.class);
    }

    @Test
    void neverRetrievedExceptionFails() {
        String message = failureOf(NeverRetrievedSample.class);
        assertContains(message, "exception never retrieved");
        assertContains(message, "nobody looks");
    }

    @Test
    void leakedServerFails() {
        assertContains(failureOf(LeakedServerSample.class), "leak: not closed");
    }

    @Test
    void stallFails() {
        assertContains(failureOf(StallSample.class), "stall");
    }

    @Test
    void timeoutFailsWithTheTaskDump() {
        String message = failureOf(TimeoutSample.class);
        assertContains(message, "timed out after 0.500 s");
        assertContains(message, "waiter");
    }

    @Test
    void testsOwnFailureIsReported() {
        assertContains(failureOf(FailingAssertionSample.class), "one is not two");
    }

    @Test
    void plainTestGetsTheLoopAndStrictMode() {
        assertPasses(PlainTestSample.class);
    }

    @Test
    void plainTestLeakFails() {
        assertContains(failureOf(PlainLeakSample.class), "left behind");
    }
}
