/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.Task;
import io.jasyncio.debug.watchdog.Stall;
import io.jasyncio.debug.watchdog.StallListener;
import io.jasyncio.debug.watchdog.Watchdog;
import io.jasyncio.tests.BackendAssumptions;
import io.jasyncio.tests.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stall watchdog: the loop thread is blocked on latches the test controls, the test waits for what the watchdog
 * sampled and reported, with deadlines.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WatchdogTest {
    private EventLoop loop;
    private Thread runner;
    private final BlockingQueue<Stall> reported = new LinkedBlockingQueue<>();
    private final BlockingQueue<Stall> sampled = new LinkedBlockingQueue<>();
    private final StallListener recorder = new StallListener() {
        @Override
        public void stallSampled(Stall stall) {
            sampled.add(stall);
        }

        @Override
        public void stallReported(Stall stall) {
            reported.add(stall);
        }
    };

    @BeforeEach
    void setUp() {
        BackendAssumptions.assumeBackendAvailable();
        loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (runner != null) {
            runner.join(10_000);
        }
        if (loop != null) {
            loop.close();
        }
    }

    private void runInBackground(Task<?> task) {
        runner = Thread.ofPlatform().name("loop-under-test").start(() -> loop.runUntilComplete(task));
    }

    /** Waits for a sample whose stacks satisfy the condition. */
    private Stall awaitSample(Predicate<Stall> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Stall last = null;
        while (System.nanoTime() < deadline) {
            Stall s = sampled.poll(100, TimeUnit.MILLISECONDS);
            if (s != null && condition.test(s)) {
                return s;
            }
            last = s != null ? s : last;
        }
        throw new AssertionError("no such sample within 10 s; the last one: " + (last == null ? "none" : last.format()));
    }

    private static boolean sawMethod(Stall s, String method) {
        return s.stacks().stream().anyMatch(st -> st.frames().stream().anyMatch(f -> f.getMethodName().equals(method)));
    }

    static void blockInFirstPlace(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(20, TimeUnit.SECONDS));
    }

    static void blockInSecondPlace(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(20, TimeUnit.SECONDS));
    }

    @Test
    void reportsOneStallWithTaskCreationSiteAndDistinctStacks() throws Exception {
        Watchdog.install(loop, Duration.ofMillis(40)).addListener(recorder);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        Task<String> task = loop.createTask(() -> {
            blockInFirstPlace(first);
            blockInSecondPlace(second);
            return "unblocked";
        }, "blocker");
        String log;
        try (LogCapture capture = new LogCapture()) {
            runInBackground(task);
            Stall early = awaitSample(s -> sawMethod(s, "blockInFirstPlace"));
            assertFalse(early.ended());
            assertTrue(early.task().contains("name='blocker'"), early.task());
            first.countDown();
            awaitSample(s -> sawMethod(s, "blockInSecondPlace"));
            second.countDown();
            Stall stall = reported.poll(10, TimeUnit.SECONDS);
            assertNotNull(stall, "no stall reported");
            runner.join(10_000);
            log = capture.text();
            assertTrue(stall.ended());
            assertTrue(stall.durationNanos() >= 40_000_000L, "duration " + stall.durationNanos());
            assertTrue(stall.samples() >= 2);
            assertTrue(stall.stacks().size() >= 2, "distinct stacks: " + stall.stacks());
            assertTrue(sawMethod(stall, "blockInFirstPlace") && sawMethod(stall, "blockInSecondPlace"));
            assertEquals("a step of the task", stall.running());
            assertEquals(getClass().getName(), stall.taskCreatedAt().get(0).getClassName());
            assertEquals("reportsOneStallWithTaskCreationSiteAndDistinctStacks",
                    stall.taskCreatedAt().get(0).getMethodName());
            assertFalse(stall.mostlyGc());
        }
        assertEquals("unblocked", task.result());
        assertTrue(log.contains("WARN asyncio - Event loop <"), log);
        assertTrue(log.contains("was blocked for"), log);
        assertTrue(log.contains("name='blocker'"), log);
        assertTrue(log.contains("created at " + getClass().getName()), log);
        assertTrue(log.contains("blockInSecondPlace"), log);
        assertEquals(1, count(log, "was blocked for"), log);
        assertTrue(reported.isEmpty(), "reported twice: " + reported);
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void reportsAStallThatLastsWhileStillBlocked() throws Exception {
        Watchdog.install(loop, Duration.ofMillis(20)).setLogging(false).addListener(recorder);
        CountDownLatch release = new CountDownLatch(1);
        Task<Void> task = loop.createTask(() -> {
            blockInFirstPlace(release);
            return null;
        });
        runInBackground(task);
        Stall stall = reported.poll(10, TimeUnit.SECONDS);
        release.countDown();
        assertNotNull(stall, "no stall reported");
        assertFalse(stall.ended(), "reported while blocked");
        assertTrue(stall.durationNanos() >= 1_000_000_000L, "the report waits for 1 s: " + stall.durationNanos());
        assertTrue(stall.format().contains("is still blocked after"), stall.format());
        runner.join(10_000);
        assertTrue(task.done());
    }

    @Test
    void waitingForIoOrTimersIsNoStall() throws Exception {
        loop.setDebug(false); // debug mode's own checks may take a while at their first use: not what this tests
        Watchdog.install(loop, Duration.ofMillis(100)).addListener(recorder);
        // The loop polls with a timeout for 0.3 s, and runs short callbacks meanwhile: idleness, not a stall. (A poll
        // that overruns its timeout by the threshold is one: the loop thread did not get a core in time.)
        Task<String> task = loop.createTask(() -> {
            for (int i = 0; i < 6; i++) {
                Asyncio.sleep(0.05);
            }
            return "slept";
        });
        runInBackground(task);
        runner.join(10_000);
        assertEquals("slept", task.result());
        assertTrue(sampled.isEmpty(), "sampled: " + sampled);
        assertTrue(reported.isEmpty(), "reported: " + reported);
    }

    static void blockInDatagramReceived(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(20, TimeUnit.SECONDS));
    }

    @Test
    void stallInAnIoCallbackDuringAnUnboundedPoll() throws Exception {
        loop.setDebug(false);
        Watchdog.install(loop, Duration.ofMillis(40)).setLogging(false).addListener(recorder);
        CountDownLatch release = new CountDownLatch(1);
        io.jasyncio.Future<String> got = loop.createFuture();
        var endpoint = loop.runUntilComplete(loop.createDatagramEndpoint(() -> new io.jasyncio.DatagramProtocol() {
            @Override
            public void datagramReceived(java.nio.ByteBuffer data, java.net.SocketAddress addr) {
                try {
                    blockInDatagramReceived(release);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                got.setResult("received");
            }
        }, new java.net.InetSocketAddress("127.0.0.1", 0), null));
        runner = Thread.ofPlatform().name("loop-under-test").start(() -> loop.runUntilComplete(got));
        // Nothing else to do: the loop waits for I/O with no timeout. An idle wait is no stall...
        try (var sender = java.nio.channels.DatagramChannel.open()) {
            // ...the callback that blocks inside the poll is.
            sender.send(java.nio.ByteBuffer.wrap(new byte[] {1}),
                    (java.net.SocketAddress) endpoint.transport().getExtraInfo("sockname"));
            Stall s = awaitSample(x -> sawMethod(x, "blockInDatagramReceived"));
            assertEquals("the I/O poll (its I/O callbacks)", s.running());
            assertEquals(null, s.task());
        } finally {
            release.countDown();
        }
        runner.join(10_000);
        assertEquals("received", got.result());
        Stall r = reported.poll(10, TimeUnit.SECONDS);
        assertNotNull(r);
        assertTrue(r.ended() && r.durationNanos() >= 40_000_000L, r.format());
        endpoint.transport().close();
    }

    @Test
    void anIdleLoopIsNoStall() throws Exception {
        loop.setDebug(false);
        Watchdog.install(loop, Duration.ofMillis(20)).addListener(recorder);
        io.jasyncio.Future<String> never = loop.createFuture();
        runner = Thread.ofPlatform().name("loop-under-test").start(() -> {
            try {
                loop.runUntilComplete(never);
            } catch (IllegalStateException stopped) {
                // stop() below
            }
        });
        // Let the watchdog probe the waiting loop several times: 10 thresholds, bounded by the loop's own reply.
        java.util.concurrent.CompletableFuture<Void> tick = new java.util.concurrent.CompletableFuture<>();
        loop.callSoonThreadsafe(() -> loop.callLater(0.2, () -> tick.complete(null)));
        tick.get(10, TimeUnit.SECONDS);
        loop.callSoonThreadsafe(loop::stop);
        runner.join(10_000);
        assertTrue(sampled.isEmpty(), "sampled: " + sampled);
        assertTrue(reported.isEmpty(), "reported: " + reported);
    }

    @Test
    void tellsGcPausesApartFromCode() throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        Watchdog.install(loop, Duration.ofMillis(40)).setLogging(false).addListener(recorder)
                .addListener(new StallListener() {
                    @Override
                    public void stallSampled(Stall stall) {
                        seen.countDown();
                    }
                });
        loop.callSoon(() -> {
            // The callback does nothing but collect, until the watchdog has seen the stall, and once more after.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.getCount() > 0 && System.nanoTime() < end) {
                System.gc();
            }
            System.gc();
        });
        Task<Void> task = loop.createTask(() -> null);
        runInBackground(task);
        Stall stall = reported.poll(10, TimeUnit.SECONDS);
        assertNotNull(stall, "no stall reported");
        assertTrue(stall.gcNanos() > 0, "GC time " + stall.gcNanos());
        // A collection that began before the stall was noticed counts whole: on a loaded machine, up to a second.
        assertTrue(stall.gcNanos() <= stall.durationNanos() + 1_000_000_000L, stall.format());
        assertTrue(stall.format().contains("; GC pauses: "), stall.format());
        // How much of it counts as GC depends on the machine (a loaded one delays the threads between collections):
        // the verdict's rule is checked on its own below.
    }

    @Test
    void gcVerdictNeedsHalfOfTheStall() {
        Stall gc = new Stall("<loop>", "<Handle h>", null, List.of(), 200_000_000L, 120_000_000L, 100_000_000L, 3,
                List.of(), true);
        assertTrue(gc.mostlyGc());
        assertTrue(gc.format().contains("GC pauses: 0.120 seconds (mostly a GC pause, not the callback)"), gc.format());
        Stall code = new Stall("<loop>", "<Handle h>", null, List.of(), 200_000_000L, 20_000_000L, 100_000_000L, 3,
                List.of(), true);
        assertFalse(code.mostlyGc());
        assertFalse(code.format().contains("mostly a GC pause"), code.format());
    }

    @Test
    void parsesThresholds() {
        assertEquals(Duration.ofMillis(100), Watchdog.parse("100ms"));
        assertEquals(Duration.ofMillis(250), Watchdog.parse("0.25s"));
        assertEquals(Duration.ofSeconds(2), Watchdog.parse(" 2s "));
        assertEquals(Duration.ofMillis(150), Watchdog.parse("150"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Watchdog.parse("soon"));
        assertTrue(e.getMessage().contains("expected a duration such as 100ms"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Watchdog.install(loop, Duration.ofNanos(10)));
    }

    @Test
    void systemPropertyInstallsOnEveryNewLoop() {
        System.setProperty(Watchdog.PROPERTY, "75ms");
        EventLoop other;
        try {
            other = Asyncio.newEventLoop();
        } finally {
            System.clearProperty(Watchdog.PROPERTY);
        }
        try {
            assertEquals(1, Watchdog.of(other).size());
            assertEquals(Duration.ofMillis(75), Watchdog.of(other).get(0).threshold());
            assertTrue(other.getInterceptors().isEmpty(), "the watchdog adds no interceptor: "
                    + other.getInterceptors());
        } finally {
            other.close();
        }
        EventLoop plain = Asyncio.newEventLoop();
        try {
            assertTrue(Watchdog.of(plain).isEmpty());
        } finally {
            plain.close();
        }
    }

    @Test
    void closeStopsWatching() throws Exception {
        Watchdog closed = Watchdog.install(loop, Duration.ofMillis(20)).setLogging(false).addListener(recorder);
        assertEquals(List.of(closed), Watchdog.of(loop));
        closed.close();
        assertTrue(Watchdog.of(loop).isEmpty());
        // A stall that another watchdog sees: the closed one hears nothing.
        CountDownLatch seen = new CountDownLatch(1);
        try (Watchdog probe = Watchdog.install(loop, Duration.ofMillis(20)).setLogging(false)
                .addListener(new StallListener() {
                    @Override
                    public void stallReported(Stall stall) {
                        seen.countDown();
                    }

                    @Override
                    public void stallSampled(Stall stall) {
                        seen.countDown();
                    }
                })) {
            loop.callSoon(() -> {
                try {
                    assertTrue(seen.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            loop.runUntilComplete(loop.createTask(() -> null));
        }
        assertTrue(sampled.isEmpty() && reported.isEmpty());
    }

    @Test
    void namesTheCallbackFromItsStack() throws Exception {
        Watchdog.install(loop, Duration.ofMillis(20)).setLogging(false).addListener(recorder);
        CountDownLatch release = new CountDownLatch(1);
        loop.callSoon(() -> {
            try {
                blockInFirstPlace(release);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        runInBackground(loop.createTask(() -> null));
        Stall s = awaitSample(x -> sawMethod(x, "blockInFirstPlace"));
        release.countDown();
        assertTrue(s.running().startsWith("the callback " + getClass().getName() + ".lambda$namesTheCallbackFromItsStack"),
                s.running());
        assertEquals(null, s.task());
        Stall r = reported.poll(10, TimeUnit.SECONDS);
        assertNotNull(r);
        assertTrue(r.ended());
    }
}
