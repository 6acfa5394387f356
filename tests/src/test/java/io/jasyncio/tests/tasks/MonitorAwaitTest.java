/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jasyncio.Asyncio;
import io.jasyncio.LoopOptions;
import io.jasyncio.Task;
import io.jasyncio.internal.coro.Fibers;
import io.jasyncio.tests.LoopTestBase;
import org.junit.jupiter.api.Test;

/** An await inside a synchronized block fails with a clear error instead of breaking mutual exclusion. */
class MonitorAwaitTest extends LoopTestBase {
    private final Object monitor = new Object();

    @Override
    protected LoopOptions options() {
        return super.options().withDebug(true);
    }

    @Test
    void testAwaitUnderSynchronizedFails() {
        assumeFalse(Fibers.factory().ownThreads(), "the check needs the task on the loop's platform thread");
        Task<Object> t = loop.createTask(() -> {
            synchronized (monitor) {
                Asyncio.sleep(0);
            }
            return "unreachable";
        });
        runUntilDone(t);
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, t.exception());
        assertTrue(e.getMessage().startsWith("await while holding a monitor"), e.getMessage());
    }

    @Test
    void testAwaitAfterSynchronizedWorks() {
        Task<Object> t = loop.createTask(() -> {
            synchronized (monitor) {
                monitor.hashCode();
            }
            return Asyncio.sleep(0, "fine");
        });
        runUntilDone(t);
        assertEquals("fine", t.result());
    }
}
