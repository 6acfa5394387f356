/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.EventLoop;
import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import java.util.HashSet;
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
}
