/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jasyncio.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * callSoon, callLater and callAt from a thread other than the running loop's raise asyncio's message in debug mode (the
 * guide's "Concurrency and multithreading"); the check stays inline in the loop, before the handle is queued.
 */
class WrongThreadCheckTest extends DebugTestBase {

    /** Calls each loop-thread-only scheduling method from a new thread while the loop runs; returns what they threw. */
    private List<String> fromAnotherThread(boolean withCallSoon) {
        List<String> errors = new ArrayList<>();
        Future<Void> done = loop.createFuture();
        loop.callSoon(() -> new Thread(() -> {
            List<Runnable> calls = new ArrayList<>(List.of(() -> loop.callLater(60, () -> { }),
                    () -> loop.callAt(loop.time() + 60, () -> { })));
            if (withCallSoon) {
                calls.add(0, () -> loop.callSoon(() -> { }));
            }
            for (Runnable call : calls) {
                try {
                    call.run();
                    errors.add(null);
                } catch (IllegalStateException e) {
                    errors.add(e.getMessage());
                }
            }
            loop.callSoonThreadsafe(() -> done.setResult(null));
        }).start());
        loop.runUntilComplete(done);
        return errors;
    }

    @Test
    void testWrongThreadRaises() {
        String message = "Non-thread-safe operation invoked on an event loop other than the current one";
        assertEquals(List.of(message, message, message), fromAnotherThread(true));
    }

    @Test
    void testDebugOffDoesNotCheck() {
        loop.setDebug(false);
        // Only timers far ahead, as test_base_events.py's check_thread: a callSoon from another thread would race.
        List<String> errors = fromAnotherThread(false);
        assertEquals(2, errors.size());
        errors.forEach(e -> assertNull(e));
    }
}
