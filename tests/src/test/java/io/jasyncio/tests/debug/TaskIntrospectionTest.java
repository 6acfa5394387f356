/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.tests.LoopTestBase;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What diagnostics read of a task: its creation site, what it waits on and since when, and the loop's tasks. */
class TaskIntrospectionTest extends LoopTestBase {

    @Test
    void sourceTracebackNamesTheCreatorInDebugMode() {
        loop.setDebug(true);
        Task<Void> task = loop.createTask(() -> null);
        StackTraceElement[] site = task.getSourceTraceback();
        assertTrue(site.length > 0);
        assertEquals(getClass().getName(), site[0].getClassName());
        assertEquals("sourceTracebackNamesTheCreatorInDebugMode", site[0].getMethodName());
        runUntilDone(task);
    }

    /**
     * A task's site is recorded lazily (resolved when first read, here after the task has run and the stack is gone):
     * still the line that created it, at most asyncio's {@code DEBUG_STACK_DEPTH} frames, the same through the repr.
     */
    @Test
    void lazySourceTracebackStillNamesTheCreatingLine() {
        loop.setDebug(true);
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        Task<String> task = loop.createTask(() -> "done");
        runUntilDone(task);
        StackTraceElement[] site = task.getSourceTraceback();
        assertEquals("TaskIntrospectionTest.java", site[0].getFileName());
        assertEquals(line, site[0].getLineNumber());
        assertTrue(site.length <= 10, site.length + " frames");
        assertTrue(task.toString().endsWith(" created at TaskIntrospectionTest.java:" + line + ">"), task.toString());
    }

    @Test
    void noSourceTracebackWithDebugOff() {
        Task<Void> task = loop.createTask(() -> null);
        assertEquals(0, task.getSourceTraceback().length);
        runUntilDone(task);
    }

    @Test
    void suspendedAtIsRecordedOnlyWhileWatched() {
        Future<String> gate = loop.createFuture();
        Task<String> plain = loop.createTask(() -> Asyncio.await(gate));
        runOnce();
        assertSame(gate, plain.getFutWaiter());
        assertEquals(0, plain.getSuspendedAtNanos());

        loop.addInterceptor(new LoopInterceptor() { });
        ticker.advanceNanos(5_000);
        Task<String> watched = loop.createTask(() -> Asyncio.await(gate));
        runOnce();
        assertEquals(ticker.nanoTime(), watched.getSuspendedAtNanos());
        gate.setResult("done");
        runUntilDone(watched);
        runUntilDone(plain);
    }

    @Test
    void allTasksFromAnotherThread() throws Exception {
        Future<String> gate = loop.createFuture();
        Task<String> task = loop.createTask(() -> Asyncio.await(gate));
        runOnce();
        Set<Task<?>> seen = CompletableFuture.supplyAsync(() -> Asyncio.allTasks(loop)).get();
        assertEquals(Set.of(task), seen);
        gate.setResult("x");
        runUntilDone(task);
        assertNotEquals(Set.of(task), CompletableFuture.supplyAsync(() -> Asyncio.allTasks(loop)).get());
    }
}
