/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.spi.LoopProbe;
import io.jasyncio.tests.LoopTestBase;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link LoopProbe}: what diagnostics read of a loop, through the SPI rather than the loop's implementation. */
class LoopProbeTest extends LoopTestBase {

    @Test
    void testTheLoopOffersItsProbe() {
        LoopProbe probe = LoopProbe.of(loop);
        assertNull(probe.thread(), "not running");
        assertNull(probe.currentTask());
        assertTrue(probe.allTasks().isEmpty());
    }

    @Test
    void testALoopWithoutProbeIsRefused() {
        EventLoop foreign = (EventLoop) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventLoop.class}, (proxy, method, args) -> method.getName().equals("toString")
                        ? "<foreign loop>" : null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoopProbe.of(foreign));
        assertEquals("the loop offers no probe: <foreign loop>", e.getMessage());
    }

    @Test
    void testThreadAndPollingInsideACallback() {
        LoopProbe probe = LoopProbe.of(loop);
        AtomicReference<Thread> seen = new AtomicReference<>();
        AtomicReference<Boolean> polling = new AtomicReference<>();
        loop.callSoon(() -> {
            seen.set(probe.thread());
            polling.set(probe.polling());
        });
        runOnce();
        assertSame(Thread.currentThread(), seen.get());
        assertFalse(polling.get(), "a ready callback runs after the poll");
        assertNull(probe.thread(), "stopped");
    }

    @Test
    void testProgressMovesWithEachIteration() {
        LoopProbe probe = LoopProbe.of(loop);
        long before = probe.progress();
        loop.callSoon(() -> { });
        runOnce();
        long after = probe.progress();
        assertNotEquals(before, after);
        assertEquals(after, probe.progress(), "an idle, stopped loop stands still");
    }

    @Test
    void testCurrentTaskAndAllTasks() {
        LoopProbe probe = LoopProbe.of(loop);
        Future<Void> gate = loop.createFuture();
        AtomicReference<Task<?>> current = new AtomicReference<>();
        Task<Void> task = loop.createTask(() -> {
            current.set(probe.currentTask());
            Asyncio.await(gate);
            return null;
        });
        runOnce();
        assertSame(task, current.get(), "the task is current during its step");
        assertNull(probe.currentTask(), "and no longer after it");
        assertEquals(Set.of(task), probe.allTasks());
        gate.setResult(null);
        runOnce();
        runOnce();
        assertTrue(task.done());
        assertTrue(probe.allTasks().isEmpty());
    }
}
