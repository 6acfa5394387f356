/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import io.jasyncio.StreamReader;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reader waits on one future, made pending again for each wait: no wait may see the outcome of the one before it
 * (a result, a cancellation, an exception), a second task's wait must not reset it under the first task, and a task
 * waiting on it is cancelled and failed as with a new future per wait.
 */
class StreamReaderReusedWaiterTest extends LoopTestBase {
    private static ByteBuffer b(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String str(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Each wait waits: the result of the last one does not end the next one at once. */
    @Test
    void testNextWaitDoesNotSeeTheLastResult() {
        StreamReader stream = new StreamReader(loop);
        List<String> lines = new ArrayList<>();
        Task<Void> t = loop.createTask(() -> {
            for (byte[] line = stream.readline(); line.length > 0; line = stream.readline()) {
                lines.add(str(line));
            }
            return null;
        });
        for (int i = 0; i < 5; i++) {
            runOnce();
            runOnce();
            assertFalse(t.done());
            Future<?> waiter = t.getFutWaiter();
            assertNotNull(waiter, "the task waits for the next line");
            assertFalse(waiter.done(), "the waiter is pending again: " + waiter);
            stream.feedData(b("line" + i + "\n"));
        }
        stream.feedEof();
        runUntilDone(t);
        assertEquals(List.of("line0\n", "line1\n", "line2\n", "line3\n", "line4\n"), lines);
    }

    /** A wait cancelled, then a wait of another task on the same reader: it waits, and gets the bytes. */
    @Test
    void testWaitAfterCancelledWaitWaits() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("first\n"));
        assertEquals("first\n", str(run(stream::readline)));
        Task<byte[]> cancelled = loop.createTask(stream::readline);
        runOnce();
        cancelled.cancel("stop");
        runUntilDone(cancelled);
        assertTrue(cancelled.cancelled());
        Task<byte[]> next = loop.createTask(stream::readline);
        runOnce();
        runOnce();
        assertFalse(next.done(), "the next read waits: the cancellation of the last wait is not its");
        stream.feedData(b("second\n"));
        runUntilDone(next);
        assertEquals("second\n", str(next.result()));
    }

    /** A task waiting on a reader whose waiter served earlier waits is cancelled as any other: once, with its message. */
    @Test
    void testCancellingTaskWaitingOnReusedWaiter() {
        StreamReader stream = new StreamReader(loop);
        Task<Integer> t = loop.createTask(() -> {
            int n = 0;
            while (true) {
                stream.read(100);
                n++;
            }
        });
        for (int i = 0; i < 3; i++) {
            runOnce();
            stream.feedData(b("x"));
        }
        runOnce();
        runOnce();
        assertFalse(t.done());
        assertTrue(t.cancel("enough"));
        runUntilDone(t);
        assertTrue(t.cancelled());
        CancelledError e = assertThrows(CancelledError.class, t::result);
        assertEquals("enough", e.getMessage());
        stream.feedData(b("kept"));
        assertEquals("kept", str(run(() -> stream.read(100))));
    }

    /** An exception set on the reader reaches a task waiting on a waiter that served before, and every later read. */
    @Test
    void testExceptionReachesReusedWaiter() {
        StreamReader stream = new StreamReader(loop);
        Task<Void> t = loop.createTask(() -> {
            assertEquals("a", str(stream.read(10)));
            assertEquals("b", str(stream.read(10)));
            stream.read(10);
            return null;
        });
        runOnce();
        stream.feedData(b("a"));
        runOnce();
        runOnce();
        stream.feedData(b("b"));
        runOnce();
        runOnce();
        assertFalse(t.done());
        IllegalStateException boom = new IllegalStateException("boom");
        stream.setException(boom);
        runUntilDone(t);
        assertSame(boom, t.exception());
        assertSame(boom, assertThrows(IllegalStateException.class, () -> run(() -> stream.read(10))));
    }

    /**
     * A first task woken by its bytes, not yet resumed, and a second task that begins to wait on the same reader in
     * between: the second waits on a future of its own, and neither loses or takes the other's bytes.
     */
    @Test
    void testSecondTaskWaitsWhileFirstIsWoken() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("warm\n"));
        assertEquals("warm\n", str(run(stream::readline))); // the reader has a spare waiter from now on
        Task<byte[]> first = loop.createTask(stream::readline);
        runOnce();
        List<Task<byte[]>> second = new ArrayList<>();
        loop.callSoon(() -> {
            stream.feedData(b("one\n"));
            // Eager: it runs now, while the first task's wake-up is queued, and begins to wait.
            second.add(new Task<>(stream::readline, loop, "second", true));
        });
        runOnce();
        runUntilDone(first);
        assertEquals("one\n", str(first.result()));
        Task<byte[]> t2 = second.get(0);
        runOnce();
        assertFalse(t2.done());
        stream.feedData(b("two\n"));
        runUntilDone(t2);
        assertArrayEquals("two\n".getBytes(StandardCharsets.UTF_8), t2.result());
    }
}
