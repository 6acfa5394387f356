/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.IncompleteReadError;
import io.jasyncio.StreamReader;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Reads that wait: a read waiting when bytes arrive takes its answer straight from them (read, readexactly, readline
 * and one-byte readuntil), with the rest kept in the reader's buffer, and an idle reader lets its grown array go.
 * Each case checks that no byte is lost or reordered, whatever the chunks and whatever happens to the task.
 */
class StreamReaderWaitingTest extends LoopTestBase {
    private static ByteBuffer b(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String str(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** A readline whose line came, cancelled before its task ran: the line is still the next one read. */
    @Test
    void testCancelledReadlineLosesNoBytes() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> t = loop.createTask(stream::readline);
        runOnce();
        stream.feedData(b("line1\nrest"));
        t.cancel();
        runUntilDone(t);
        assertTrue(t.cancelled());
        assertEquals("line1\n", str(run(stream::readline)));
        assertEquals("rest", str(run(() -> stream.read(100))));
    }

    /** The same for readexactly, read and readuntil, with bytes already buffered before the wait. */
    @Test
    void testCancelledWaitingReadsLoseNoBytes() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("ab"));
        Task<byte[]> exactly = loop.createTask(() -> stream.readexactly(5));
        runOnce();
        stream.feedData(b("cdefg"));
        exactly.cancel();
        runUntilDone(exactly);
        assertTrue(exactly.cancelled());
        Task<byte[]> read = loop.createTask(() -> stream.read(3));
        runOnce(); // data is buffered: it returns at once
        assertEquals("abc", str(loop.runUntilComplete(read)));
        assertEquals("defg", str(run(() -> stream.read(100))));

        Task<byte[]> up = loop.createTask(() -> stream.read(3));
        runOnce();
        stream.feedData(b("hijk"));
        up.cancel();
        runUntilDone(up);
        Task<byte[]> until = loop.createTask(() -> stream.readuntil(new byte[] {'!'}));
        runOnce();
        stream.feedData(b("l!m"));
        until.cancel();
        runUntilDone(until);
        assertEquals("hijkl!", str(run(() -> stream.readuntil(new byte[] {'!'}))));
        assertEquals("m", str(run(() -> stream.read(100))));
    }

    /**
     * Bytes that end in a newline, arriving while a readline waits on an empty reader: one line is the answer; several
     * lines give the first, and the others stay, in order, for the next reads.
     */
    @Test
    void testWaitingReadlineTakesLinesEndingTheBytes() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> one = loop.createTask(stream::readline);
        runOnce();
        stream.feedData(b("just one line\n"));
        runUntilDone(one);
        assertEquals("just one line\n", str(one.result()));
        Task<byte[]> first = loop.createTask(stream::readline);
        runOnce();
        stream.feedData(b("a\n\nbc\n"));
        runUntilDone(first);
        assertEquals("a\n", str(first.result()));
        assertEquals("\n", str(run(stream::readline)));
        assertEquals("bc\n", str(run(stream::readline)));
        stream.feedEof();
        assertEquals(0, run(stream::readline).length);
    }

    /** The same, cancelled after the bytes came and before the task ran: every line is still read, in order. */
    @Test
    void testCancelledReadlineOfLinesEndingTheBytesLosesNone() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> t = loop.createTask(stream::readline);
        runOnce();
        stream.feedData(b("x\ny\n"));
        t.cancel();
        runUntilDone(t);
        assertTrue(t.cancelled());
        assertEquals("x\n", str(run(stream::readline)));
        assertEquals("y\n", str(run(stream::readline)));
    }

    /** Bytes ending in a newline but longer than the limit are not one line: readline fails as asyncio's does. */
    @Test
    void testWaitingReadlineOverTheLimitEndingInNewline() {
        StreamReader stream = new StreamReader(loop, 4);
        Task<byte[]> t = loop.createTask(stream::readline);
        runOnce();
        stream.feedData(b("abcdefgh\n"));
        runUntilDone(t);
        assertThrows(IllegalArgumentException.class, t::result);
        stream.feedData(b("ok\n"));
        assertEquals("ok\n", str(run(stream::readline)));
    }

    /** A waiting read(n) takes n of the bytes that come; the rest is the next read's. */
    @Test
    void testWaitingReadTakesOnlyWhatItAsks() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> t = loop.createTask(() -> stream.read(5));
        runOnce();
        stream.feedData(b("0123456789ab"));
        stream.feedData(b("cd"));
        assertEquals("01234", str(loop.runUntilComplete(t)));
        assertEquals("56789abcd", str(run(() -> stream.read(100))));
    }

    /** readexactly waiting over many chunks of odd sizes, the last of which also starts the next answer. */
    @Test
    void testWaitingReadexactlyAcrossManyChunks() {
        StreamReader stream = new StreamReader(loop);
        byte[] source = new byte[10_000];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) i;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int fed = 0;
        int chunk = 1;
        while (out.size() < source.length) {
            Task<byte[]> t = loop.createTask(() -> stream.readexactly(777 <= source.length - out.size() ? 777
                    : source.length - out.size()));
            runOnce();
            while (!t.done()) {
                int n = Math.min(chunk, source.length - fed);
                stream.feedData(ByteBuffer.wrap(source, fed, n));
                fed += n;
                chunk = chunk % 301 + 7;
                runOnce();
            }
            out.writeBytes(t.result());
        }
        assertArrayEquals(source, out.toByteArray());
        stream.feedEof();
        assertEquals(0, run(() -> stream.read(10)).length);
    }

    /** readexactly waiting, the stream ending first: the partial bytes, buffered over several chunks. */
    @Test
    void testWaitingReadexactlyEof() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> t = loop.createTask(() -> stream.readexactly(10));
        runOnce();
        stream.feedData(b("abc"));
        runOnce();
        stream.feedData(b("def"));
        stream.feedEof();
        IncompleteReadError e = assertThrows(IncompleteReadError.class, () -> loop.runUntilComplete(t));
        assertEquals("abcdef", str(e.partial()));
        assertEquals(10, e.expected());
    }

    /** readline waiting: several lines in one chunk, a line across chunks, the limit kept as when not waiting. */
    @Test
    void testWaitingReadlineAcrossChunksKeepsTheLimit() {
        StreamReader stream = new StreamReader(loop, 10);
        Task<byte[]> first = loop.createTask(stream::readline);
        runOnce();
        stream.feedData(b("a\nb\nccc"));
        assertEquals("a\n", str(loop.runUntilComplete(first)));
        assertEquals("b\n", str(run(stream::readline)));
        Task<byte[]> third = loop.createTask(stream::readline);
        runOnce();
        stream.feedData(b("cccc"));
        runOnce();
        stream.feedData(b("ccc\nd")); // the separator at index 10: the limit allows it
        assertEquals("cccccccccc\n", str(loop.runUntilComplete(third)));
        Task<byte[]> over = loop.createTask(stream::readline);
        runOnce();
        stream.feedData(b("ddddddddddd\ne\n")); // the separator at index 11: over the limit
        assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(over));
        assertEquals("e\n", str(run(stream::readline)));
    }

    /**
     * A reader that stays empty holds no array: a second after a large line it lets the grown array go, and reads
     * on as before.
     */
    @Test
    void testIdleReaderAfterLargeLineHoldsNoArray() throws Exception {
        StreamReader stream = new StreamReader(loop, 1 << 20);
        assertEquals(0, bufferCapacity(stream), "a new reader holds no array");
        byte[] large = new byte[200_000];
        java.util.Arrays.fill(large, (byte) 'x');
        large[large.length - 1] = '\n';
        Task<byte[]> t = loop.createTask(stream::readline);
        runOnce();
        stream.feedData(ByteBuffer.wrap(large, 0, 150_000));
        runOnce();
        stream.feedData(ByteBuffer.wrap(large, 150_000, 50_000));
        assertArrayEquals(large, loop.runUntilComplete(t));
        Task<byte[]> idle = loop.createTask(stream::readline);
        runOnce();
        assertTrue(bufferCapacity(stream) > 0, "a reader busy a moment ago keeps its array for the next message");
        ticker.advance(1.0);
        runOnce();
        assertEquals(0, bufferCapacity(stream), "the idle reader let its array go");
        stream.feedData(b("small\n"));
        assertEquals("small\n", str(loop.runUntilComplete(idle)));
        Task<byte[]> next = loop.createTask(stream::readline);
        runOnce();
        ticker.advance(1.0);
        runOnce();
        assertEquals(0, bufferCapacity(stream), "a reader idle after a small line keeps no array either");
        stream.feedData(b("next\n"));
        assertEquals("next\n", str(loop.runUntilComplete(next)));
    }

    /**
     * An answer made in the reader's own array (readexactly over several chunks, a read of all that was buffered) is
     * the caller's alone: later bytes never land in it.
     */
    @Test
    void testAnswersHandedOverStayTheCallers() {
        StreamReader stream = new StreamReader(loop, 1 << 20);
        byte[] a = new byte[100_000];
        java.util.Arrays.fill(a, (byte) 'a');
        Task<byte[]> exactly = loop.createTask(() -> stream.readexactly(100_000));
        runOnce();
        stream.feedData(ByteBuffer.wrap(a, 0, 60_000));
        runOnce();
        stream.feedData(ByteBuffer.wrap(a, 60_000, 40_000));
        byte[] first = loop.runUntilComplete(exactly);
        byte[] b = new byte[50_000];
        java.util.Arrays.fill(b, (byte) 'b');
        stream.feedData(b);
        byte[] second = run(() -> stream.read(1 << 20));
        stream.feedData(b("c".repeat(50_000)));
        byte[] third = run(() -> stream.read(1 << 20));
        assertArrayEquals(a, first);
        assertArrayEquals(b, second);
        assertEquals(50_000, third.length);
        assertEquals('c', third[0]);
        assertEquals('c', third[49_999]);
    }

    /** The length of the reader's array, wherever in its class hierarchy the field {@code buffer} is declared. */
    private static int bufferCapacity(StreamReader stream) throws ReflectiveOperationException {
        Class<?> c = StreamReader.class;
        while (java.util.Arrays.stream(c.getDeclaredFields()).noneMatch(f -> f.getName().equals("buffer"))) {
            c = c.getSuperclass();
        }
        java.lang.reflect.Field f = c.getDeclaredField("buffer");
        f.setAccessible(true);
        return ((byte[]) f.get(stream)).length;
    }
}
