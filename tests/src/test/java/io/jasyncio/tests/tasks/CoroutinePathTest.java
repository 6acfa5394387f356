/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jasyncio.Asyncio;
import io.jasyncio.internal.coro.Fibers;
import io.jasyncio.tests.LoopTestBase;
import org.junit.jupiter.api.Test;

/** Each surefire execution runs the task suites on the coroutine path it asks for. */
class CoroutinePathTest extends LoopTestBase {

    @Test
    void testThePathAskedForIsInUse() {
        String expected = System.getProperty("jasyncio.test.coroutines");
        assertNotNull(expected, "the build names the coroutine path");
        assertEquals(expected, Fibers.factory().name());
    }

    /** On the continuation path task code runs on the loop's own thread. */
    @Test
    void testWhereTaskCodeRuns() {
        Thread loopThread = Thread.currentThread();
        Thread inTask = loop.runUntilComplete(() -> {
            Asyncio.sleep(0);
            return Thread.currentThread();
        });
        if (!Fibers.factory().ownThreads()) {
            assertSame(loopThread, inTask);
        } else {
            assertEquals(true, inTask.isVirtual());
        }
    }
}
