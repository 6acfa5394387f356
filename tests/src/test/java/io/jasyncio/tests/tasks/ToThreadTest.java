/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jasyncio.Asyncio;
import io.jasyncio.ContextVar;
import io.jasyncio.junit.JasyncioTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Ports of CPython's test_threads.py ToThreadTests: asyncio.to_thread runs a function in the default executor. As
 * CPython's run in an {@code IsolatedAsyncioTestCase}, each runs as a task on a new loop in strict mode.
 */
class ToThreadTest {

    /** Port of ToThreadTests.test_to_thread. */
    @JasyncioTest
    void testToThread() {
        assertEquals(42, Asyncio.toThread(() -> IntStream.of(40, 2).sum()));
    }

    /** Port of ToThreadTests.test_to_thread_exception. */
    @JasyncioTest
    void testToThreadException() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Asyncio.toThread(() -> {
            throw new IllegalStateException("test");
        }));
        assertEquals("test", e.getMessage());
    }

    /** Port of ToThreadTests.test_to_thread_once. */
    @JasyncioTest
    void testToThreadOnce() {
        AtomicInteger calls = new AtomicInteger();
        Thread loopThread = Thread.currentThread();
        Thread[] ranOn = {null};
        Asyncio.toThread(() -> {
            ranOn[0] = Thread.currentThread();
            return calls.incrementAndGet();
        });
        assertEquals(1, calls.get());
        assertNotSame(loopThread, ranOn[0]);
    }

    /** Port of ToThreadTests.test_to_thread_concurrent. */
    @JasyncioTest
    void testToThreadConcurrent() {
        List<Integer> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        List<io.jasyncio.Future<Object>> futs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futs.add(Asyncio.createTask(() -> Asyncio.toThread(() -> calls.add(1))));
        }
        Asyncio.await(Asyncio.gather(futs));
        assertEquals(10, calls.size());
    }

    /** Port of ToThreadTests.test_to_thread_args_kwargs: arguments are captured by the lambda. */
    @JasyncioTest
    void testToThreadArgsKwargs() {
        List<String> seen = new ArrayList<>();
        String arg = "test";
        boolean something = true;
        Asyncio.toThread(() -> seen.add(arg + " something=" + something));
        assertEquals(List.of("test something=true"), seen);
    }

    /** Port of ToThreadTests.test_to_thread_contextvars: the function sees the caller's context variables. */
    @JasyncioTest
    void testToThreadContextvars() {
        ContextVar<String> testCtx = new ContextVar<>("test_ctx");
        testCtx.set("parrot");
        assertEquals("parrot", Asyncio.toThread(testCtx::get));
    }

    /** What the function sets stays in its copy: the caller's context does not change. */
    @JasyncioTest
    void testToThreadContextIsACopy() {
        ContextVar<String> testCtx = new ContextVar<>("test_ctx");
        testCtx.set("caller");
        Asyncio.toThread(() -> testCtx.set("thread"));
        assertEquals("caller", testCtx.get());
    }
}
