/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.EventLoop;
import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** LoopGroup: N loops on N threads. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopGroupTest {

    @Test
    void testEachLoopRunsOnItsOwnThread() throws Exception {
        try (LoopGroup group = new LoopGroup(3, LoopOptions.defaults()).start()) {
            Set<String> names = new HashSet<>();
            for (EventLoop loop : group.loops()) {
                assertTrue(loop.isRunning());
                CompletableFuture<String> name = new CompletableFuture<>();
                loop.callSoonThreadsafe(() -> name.complete(Thread.currentThread().getName()));
                names.add(name.get(10, TimeUnit.SECONDS));
            }
            assertEquals(Set.of("jasyncio-loop-0", "jasyncio-loop-1", "jasyncio-loop-2"), names);
        }
    }

    @Test
    void testNextIsRoundRobin() {
        try (LoopGroup group = new LoopGroup(2, LoopOptions.defaults())) {
            EventLoop a = group.next();
            EventLoop b = group.next();
            assertNotSame(a, b);
            assertSame(a, group.next());
            assertSame(b, group.next());
            assertEquals(2, group.size());
        }
    }

    @Test
    void testCloseStopsAndClosesEveryLoop() {
        LoopGroup group = new LoopGroup(2, LoopOptions.defaults()).start();
        group.close();
        for (EventLoop loop : group.loops()) {
            assertTrue(loop.isClosed());
            assertTrue(!loop.isRunning());
        }
        group.close(); // idempotent
        assertThrows(IllegalStateException.class, group::start);
    }

    @Test
    void testSizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new LoopGroup(0, LoopOptions.defaults()));
    }

    /** The loop threads are not daemons, even when the group is started from a daemon thread. */
    @Test
    void testThreadsAreNotDaemons() throws Exception {
        CompletableFuture<LoopGroup> started = new CompletableFuture<>();
        Thread daemon = new Thread(() -> started.complete(new LoopGroup(2, LoopOptions.defaults()).start()));
        daemon.setDaemon(true);
        daemon.start();
        try (LoopGroup group = started.get(10, TimeUnit.SECONDS)) {
            for (EventLoop loop : group.loops()) {
                CompletableFuture<Boolean> isDaemon = new CompletableFuture<>();
                loop.callSoonThreadsafe(() -> isDaemon.complete(Thread.currentThread().isDaemon()));
                assertFalse(isDaemon.get(10, TimeUnit.SECONDS));
            }
        }
    }

    /** A closed loop in the group: start() refuses before it starts any thread; close() still closes the rest. */
    @Test
    void testStartRefusesAClosedLoop() {
        LoopGroup group = new LoopGroup(2, LoopOptions.defaults());
        group.loop(1).close();
        assertEquals("Event loop is closed", assertThrows(IllegalStateException.class, group::start).getMessage());
        assertFalse(group.loop(0).isRunning());
        group.close();
        for (EventLoop loop : group.loops()) {
            assertTrue(loop.isClosed());
        }
    }

    /** A loop that fails as it starts on its thread: start() reports the failure instead of waiting forever. */
    @Test
    void testStartReportsALoopThatFails() {
        IllegalStateException clockFault = new IllegalStateException("no clock on the loop threads");
        io.jasyncio.Ticker failing = () -> {
            if (Thread.currentThread().getName().startsWith("jasyncio-loop-")) {
                throw clockFault;
            }
            return System.nanoTime();
        };
        LoopGroup group = new LoopGroup(2, LoopOptions.defaults().withTicker(failing));
        for (EventLoop loop : group.loops()) {
            loop.callLater(3600, () -> { }); // a timer, so that the loop's first iteration reads its clock
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, group::start);
        assertSame(clockFault, e.getCause());
        group.close();
        for (EventLoop loop : group.loops()) {
            assertTrue(loop.isClosed());
        }
    }

    /** close() from one of the group's own loops would wait for itself: it is refused. */
    @Test
    void testCloseFromOwnLoopRefused() throws Exception {
        try (LoopGroup group = new LoopGroup(1, LoopOptions.defaults()).start()) {
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            group.loop(0).callSoonThreadsafe(() -> {
                try {
                    group.close();
                    refused.complete(null);
                } catch (Throwable e) {
                    refused.complete(e);
                }
            });
            Throwable e = refused.get(10, TimeUnit.SECONDS);
            assertInstanceOf(IllegalStateException.class, e);
            assertTrue(group.loop(0).isRunning());
        }
    }

    /** next() from many threads at once hands out every loop equally often. */
    @Test
    void testNextFromManyThreads() throws Exception {
        try (LoopGroup group = new LoopGroup(4, LoopOptions.defaults())) {
            java.util.Map<EventLoop, java.util.concurrent.atomic.AtomicInteger> counts =
                    new java.util.concurrent.ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        counts.computeIfAbsent(group.next(), k -> new java.util.concurrent.atomic.AtomicInteger())
                                .incrementAndGet();
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(4, counts.size());
            for (java.util.concurrent.atomic.AtomicInteger c : counts.values()) {
                assertEquals(10_000, c.get());
            }
        }
    }

    /** A group closed before it was started closes its loops. */
    @Test
    void testCloseBeforeStart() {
        LoopGroup group = new LoopGroup(2, LoopOptions.defaults());
        group.close();
        for (EventLoop loop : group.loops()) {
            assertTrue(loop.isClosed());
        }
    }

    /** start() twice is refused. */
    @Test
    void testStartTwice() {
        try (LoopGroup group = new LoopGroup(1, LoopOptions.defaults()).start()) {
            assertEquals("LoopGroup is already started",
                    assertThrows(IllegalStateException.class, group::start).getMessage());
        }
    }
}
