/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static io.jasyncio.Asyncio.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "Chain coroutines correctly" example of the "Develop with asyncio" guide: {@code create()} writes a file
 * ({@code (1)}), {@code write()} writes to it ({@code (2)}), {@code close()} closes it ({@code (3)}). Started as tasks
 * and not awaited, they run out of order and {@code create} is left pending; awaited in turn, they run in order.
 */
class ChainCoroutinesTest extends LoopTestBase {
    private final List<String> output = new ArrayList<>();

    private Coroutine<Object> create() {
        return () -> {
            Asyncio.sleep(3.0);
            output.add("(1) create file");
            return null;
        };
    }

    private Coroutine<Object> write() {
        return () -> {
            Asyncio.sleep(1.0);
            output.add("(2) write into file");
            return null;
        };
    }

    private Coroutine<Object> close() {
        return () -> {
            output.add("(3) close file");
            return null;
        };
    }

    /** The buggy version: tasks started and never awaited. */
    @Test
    void testTasksNotAwaitedRunOutOfOrder() {
        Task<?>[] created = new Task<?>[1];
        Task<Object> test = loop.createTask(() -> {
            created[0] = Asyncio.createTask(create());
            Asyncio.createTask(write());
            Asyncio.createTask(close());
            Asyncio.sleep(2.0);
            return null;
        });
        runUntilDone(test);
        assertEquals(List.of("(3) close file", "(2) write into file"), output);
        assertFalse(created[0].done(), "create is left pending");
        assertTrue(((io.jasyncio.internal.BaseEventLoop) loop).allTasks().contains(created[0]));
        created[0].cancel();
        runUntilDone(created[0]);
    }

    /** The fixed version: each coroutine awaited in turn. */
    @Test
    void testAwaitedRunInOrder() {
        run(() -> {
            await(create());
            await(write());
            await(close());
            Asyncio.sleep(2.0);
            return null;
        });
        assertEquals(List.of("(1) create file", "(2) write into file", "(3) close file"), output);
        assertTrue(((io.jasyncio.internal.BaseEventLoop) loop).allTasks().isEmpty(), "nothing is pending");
    }
}
