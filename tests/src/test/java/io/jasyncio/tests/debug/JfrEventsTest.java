/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.Task;
import io.jasyncio.debug.jfr.JfrEvents;
import io.jasyncio.debug.watchdog.Stall;
import io.jasyncio.debug.watchdog.StallListener;
import io.jasyncio.debug.watchdog.Watchdog;
import io.jasyncio.tests.BackendAssumptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JFR events: recorded to a file and read back; absent, with no interceptor on the loop, when nobody records. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JfrEventsTest {
    private EventLoop loop;

    @BeforeEach
    void setUp() {
        BackendAssumptions.assumeBackendAvailable();
        loop = Asyncio.newEventLoop(LoopOptions.defaults().withSlowCallbackDuration(0.05));
    }

    @AfterEach
    void tearDown() {
        if (loop != null) {
            loop.close();
        }
    }

    private static boolean hasJfrInterceptor(EventLoop l) {
        return l.getInterceptors().stream().anyMatch(i -> i.getClass().getSimpleName().equals("JfrInterceptor"));
    }

    private static List<RecordedEvent> stopAndRead(Recording r) throws Exception {
        r.stop();
        Path file = Files.createTempFile("jasyncio", ".jfr");
        try {
            r.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().startsWith("io.jasyncio.")).toList();
        } finally {
            r.close();
            Files.deleteIfExists(file);
        }
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals("io.jasyncio." + name)).toList();
    }

    @Test
    void noInterceptorAndNoEventsWhileNobodyRecords() {
        assertFalse(hasJfrInterceptor(loop));
        assertFalse(JfrEvents.recording());
        assertTrue(loop.getInterceptors().isEmpty(), loop.getInterceptors().toString());
    }

    /**
     * A recording that disables jasyncio's loop events (services often keep one running) leaves every loop on its
     * plain path: no interceptor, no per-callback timing.
     */
    @Test
    void recordingWithTheLoopEventsDisabledKeepsThePlainPath() throws Exception {
        Recording r = new Recording(jdk.jfr.Configuration.getConfiguration("default"));
        r.disable("io.jasyncio.SlowCallback");
        r.disable("io.jasyncio.SlowPoll");
        r.start();
        try {
            assertFalse(hasJfrInterceptor(loop), loop.getInterceptors().toString());
            assertFalse(((io.jasyncio.internal.BaseEventLoop) loop).isWatched(), "the loop stays on its plain path");
            EventLoop late = Asyncio.newEventLoop();
            try {
                assertFalse(hasJfrInterceptor(late), "nor on loops made while it runs");
            } finally {
                late.close();
            }
            Recording wanting = new Recording();
            wanting.enable("io.jasyncio.SlowCallback");
            wanting.start();
            try {
                assertTrue(hasJfrInterceptor(loop), "a second recording that wants the events puts it on");
                assertTrue(((io.jasyncio.internal.BaseEventLoop) loop).isWatched());
            } finally {
                wanting.close();
            }
            assertFalse(hasJfrInterceptor(loop), "and takes it off when it stops");
            assertFalse(((io.jasyncio.internal.BaseEventLoop) loop).isWatched());
        } finally {
            r.close();
        }
    }

    @Test
    void slowCallbackAndSlowPollWhileRecording() throws Exception {
        Recording r = new Recording();
        r.start();
        List<RecordedEvent> events;
        try {
            assertTrue(hasJfrInterceptor(loop), "a recording puts the interceptor on live loops");
            EventLoop late = Asyncio.newEventLoop();
            try {
                assertTrue(hasJfrInterceptor(late), "and on loops made while it runs");
            } finally {
                late.close();
            }
            loop.callSoon(() -> sleepAtLeast(80)); // a callback that takes at least 80 ms: slow past 50 ms
            loop.callSoon(() -> { }); // a fast one: no event
            loop.runUntilComplete(loop.createTask(() -> null));
            JfrEvents.taskDestroyedPending("<Task pending name='lost'>", "at Example.main(Example.java:3)");
            JfrEvents.exceptionNeverRetrieved("<Task finished name='failed'>", new IllegalStateException("boom"),
                    new StackTraceElement[] {new StackTraceElement("Example", "run", "Example.java", 7)});
            JfrEvents.resourceNotClosed("<TcpTransport fd=7>", null);
        } finally {
            events = stopAndRead(r);
        }
        assertFalse(hasJfrInterceptor(loop), "the last recording stopped: the interceptor is off");
        List<RecordedEvent> slow = named(events, "SlowCallback");
        assertEquals(1, slow.size(), events.toString());
        assertTrue(slow.get(0).getString("handle").contains("JfrEventsTest"), slow.get(0).toString());
        assertTrue(slow.get(0).getDuration("callbackDuration").toMillis() >= 80);
        assertEquals(1, named(events, "TaskDestroyedPending").size());
        assertEquals("at Example.main(Example.java:3)", named(events, "TaskDestroyedPending").get(0)
                .getString("createdAt"));
        RecordedEvent never = named(events, "ExceptionNeverRetrieved").get(0);
        assertEquals("java.lang.IllegalStateException: boom", never.getString("exception"));
        assertEquals("at Example.run(Example.java:7)\n", never.getString("createdAt"));
        assertEquals("<TcpTransport fd=7>", named(events, "ResourceNotClosed").get(0).getString("resource"));
    }

    @Test
    void slowPollWhenIoCallbacksOutliveTheTimeout() throws Exception {
        Recording r = new Recording();
        r.start();
        List<RecordedEvent> events;
        try {
            // A datagram endpoint's datagramReceived runs inside the poll: blocking there makes the poll slow.
            var pair = java.nio.channels.DatagramChannel.open();
            pair.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            io.jasyncio.Future<Void> got = loop.createFuture();
            var endpoint = loop.runUntilComplete(loop.createDatagramEndpoint(() -> new io.jasyncio.DatagramProtocol() {
                @Override
                public void datagramReceived(java.nio.ByteBuffer data, java.net.SocketAddress addr) {
                    sleepAtLeast(80);
                    got.setResult(null);
                }
            }, new java.net.InetSocketAddress("127.0.0.1", 0), null));
            pair.send(java.nio.ByteBuffer.wrap(new byte[] {1}),
                    (java.net.SocketAddress) endpoint.transport().getExtraInfo("sockname"));
            // Keep a callback ready at every iteration: each poll then has a zero timeout, and whatever it takes is the
            // time of its I/O callbacks.
            loop.callSoon(new Runnable() {
                @Override
                public void run() {
                    if (!got.done()) {
                        loop.callSoon(this);
                    }
                }
            });
            loop.runUntilComplete(got);
            endpoint.transport().close();
            pair.close();
        } finally {
            events = stopAndRead(r);
        }
        List<RecordedEvent> polls = named(events, "SlowPoll");
        assertFalse(polls.isEmpty(), events.toString());
        assertTrue(polls.get(0).getDuration("pollDuration").toMillis() >= 80, polls.get(0).toString());
    }

    @Test
    void debugModeChecksEmitTheirEvents() throws Exception {
        Recording r = new Recording();
        r.start();
        List<RecordedEvent> events;
        try {
            EventLoop debug = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true));
            debug.setExceptionHandler((l, c) -> { });
            io.jasyncio.Future<Void> never = debug.createFuture();
            debug.createTask(() -> Asyncio.await(never), "left-pending");
            debug.runUntilComplete(debug.createServer(() -> (io.jasyncio.Protocol) d -> { }, "127.0.0.1", 0));
            debug.close(); // the task still pending and the server still open: reported at close, no GC needed
        } finally {
            events = stopAndRead(r);
        }
        List<RecordedEvent> pending = named(events, "TaskDestroyedPending");
        assertEquals(1, pending.size(), events.toString());
        assertTrue(pending.get(0).getString("task").contains("name='left-pending'"), pending.get(0).toString());
        assertTrue(pending.get(0).getString("createdAt").contains("debugModeChecksEmitTheirEvents"),
                pending.get(0).toString());
        List<RecordedEvent> unclosed = named(events, "ResourceNotClosed");
        assertTrue(unclosed.stream().anyMatch(e -> e.getString("resource").startsWith("server <Server")),
                unclosed.toString());
    }

    @Test
    void loopStallFromTheWatchdog() throws Exception {
        Recording r = new Recording();
        r.start();
        List<RecordedEvent> events;
        try {
            loop.runUntilComplete(loop.createTask(() -> null)); // the first task's one-time costs, before watching
            CountDownLatch reported = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Watchdog.install(loop, Duration.ofMillis(30)).setLogging(false).addListener(new StallListener() {
                @Override
                public void stallSampled(Stall stall) {
                    if (stall.stacks().get(0).frames().stream().anyMatch(f -> f.getMethodName().equals("await"))) {
                        release.countDown();
                    }
                }

                @Override
                public void stallReported(Stall stall) {
                    reported.countDown();
                }
            });
            Task<Void> t = loop.createTask(() -> {
                assertTrue(release.await(10, TimeUnit.SECONDS));
                return null;
            });
            loop.runUntilComplete(t);
            assertTrue(reported.await(10, TimeUnit.SECONDS));
        } finally {
            events = stopAndRead(r);
        }
        List<RecordedEvent> stalls = named(events, "LoopStall");
        assertEquals(1, stalls.size(), events.toString());
        assertTrue(stalls.get(0).getDuration("stallDuration").toMillis() >= 30);
        assertTrue(stalls.get(0).getString("stack").contains("CountDownLatch.await"), stalls.get(0).toString());
    }

    private static void sleepAtLeast(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        for (long left; (left = end - System.nanoTime()) > 0;) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
