/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.StreamReader;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamReader#readinto}: asyncio has no such method (bpo-41305 proposed one), so these are test_streams.py's
 * {@code read} cases asked again of {@code readinto}, each named after the case it follows, plus what only a
 * caller's buffer can show (its position and limit, a heap or a direct buffer, a read-only one).
 */
class StreamReaderReadintoTest extends LoopTestBase {
    private static final String DATA = "line1\nline2\nline3\n";

    private static ByteBuffer b(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes between 0 and the position of {@code buf}, as text. */
    private static String filled(ByteBuffer buf) {
        ByteBuffer view = buf.duplicate().flip();
        byte[] out = new byte[view.remaining()];
        view.get(out);
        return new String(out, StandardCharsets.UTF_8);
    }

    private String rest(StreamReader stream) {
        ByteBuffer all = ByteBuffer.allocate(1024);
        stream.feedEof();
        while (run(() -> stream.readinto(all)) > 0) {
            // until the end
        }
        return filled(all);
    }

    // after test_streams.py: test_read_zero
    @Test
    void testReadintoZero() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b(DATA));
        ByteBuffer full = ByteBuffer.allocate(0);
        assertEquals(0, run(() -> stream.readinto(full)));
        assertEquals(DATA, rest(stream));
    }

    // after test_streams.py: test_read
    @Test
    void testReadinto() {
        StreamReader stream = new StreamReader(loop);
        ByteBuffer buf = ByteBuffer.allocate(30);
        Task<Integer> readTask = loop.createTask(() -> stream.readinto(buf));
        loop.callSoon(() -> stream.feedData(b(DATA)));
        assertEquals(DATA.length(), loop.runUntilComplete(readTask));
        assertEquals(DATA, filled(buf));
        assertEquals(30, buf.limit(), "the limit stays");
        assertEquals("", rest(stream));
    }

    // after test_streams.py: test_read_line_breaks
    @Test
    void testReadintoLineBreaks() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("line1"));
        stream.feedData(b("line2"));
        ByteBuffer buf = ByteBuffer.allocateDirect(5);
        assertEquals(5, run(() -> stream.readinto(buf)));
        assertEquals("line1", filled(buf));
        assertEquals("line2", rest(stream));
    }

    // after test_streams.py: test_read_eof
    @Test
    void testReadintoEof() {
        StreamReader stream = new StreamReader(loop);
        ByteBuffer buf = ByteBuffer.allocate(1024);
        Task<Integer> readTask = loop.createTask(() -> stream.readinto(buf));
        loop.callSoon(stream::feedEof);
        assertEquals(0, loop.runUntilComplete(readTask));
        assertEquals(0, buf.position());
    }

    // after test_streams.py: test_read_until_eof
    @Test
    void testReadintoUntilEof() {
        StreamReader stream = new StreamReader(loop);
        ByteBuffer buf = ByteBuffer.allocate(1024);
        Task<Integer> readTask = loop.createTask(() -> {
            int total = 0;
            for (int n; (n = stream.readinto(buf)) > 0; ) {
                total += n;
            }
            return total;
        });
        loop.callSoon(() -> {
            stream.feedData(b("chunk1\n"));
            stream.feedData(b("chunk2"));
            stream.feedEof();
        });
        assertEquals(13, loop.runUntilComplete(readTask));
        assertEquals("chunk1\nchunk2", filled(buf));
    }

    // after test_streams.py: test_read_exception
    @Test
    void testReadintoException() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("line\n"));
        ByteBuffer buf = ByteBuffer.allocate(2);
        assertEquals(2, run(() -> stream.readinto(buf)));
        assertEquals("li", filled(buf));
        stream.setException(new IllegalArgumentException());
        assertThrows(IllegalArgumentException.class, () -> run(() -> stream.readinto(ByteBuffer.allocate(2))));
    }

    /** An exception set while a task waits in readinto reaches that task. */
    // after test_streams.py: test_exception_waiter
    @Test
    void testReadintoExceptionWhileWaiting() {
        StreamReader stream = new StreamReader(loop);
        Task<Integer> readTask = loop.createTask(() -> stream.readinto(ByteBuffer.allocate(8)));
        runOnce();
        stream.setException(new IllegalStateException("reset"));
        runUntilDone(readTask);
        assertEquals("reset", readTask.exception().getMessage());
    }

    /** The read starts at the buffer's position and stops at its limit; what does not fit stays buffered. */
    @Test
    void testReadintoFillsBetweenPositionAndLimit() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b(DATA));
        ByteBuffer buf = ByteBuffer.allocate(16);
        buf.put((byte) '>').limit(4);
        assertEquals(3, run(() -> stream.readinto(buf)));
        assertEquals(">lin", filled(buf));
        assertEquals(DATA.substring(3), rest(stream));
    }

    /** A read-only buffer is refused before a byte is taken from the stream. */
    @Test
    void testReadintoReadOnlyBufferLosesNothing() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b(DATA));
        ByteBuffer readOnly = ByteBuffer.allocate(8).asReadOnlyBuffer();
        assertThrows(ReadOnlyBufferException.class, () -> run(() -> stream.readinto(readOnly)));
        assertEquals(DATA, rest(stream));
    }

    /** Two tasks may not wait on one reader: asyncio's RuntimeError, naming readinto. */
    @Test
    void testReadintoSecondWaiterRefused() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> first = loop.createTask(() -> stream.read(10));
        runOnce();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(() -> stream.readinto(ByteBuffer.allocate(4))));
        assertEquals("readinto() called while another coroutine is already waiting for incoming data", e.getMessage());
        first.cancel();
        runUntilDone(first);
    }

    /** Reading the buffer down to the limit resumes a transport the reader paused, as read does. */
    // after test_streams.py: feed_data's pause_reading and _maybe_resume_transport
    @Test
    void testReadintoResumesReading() {
        List<String> calls = new ArrayList<>();
        StreamReader stream = new StreamReader(loop, 4);
        stream.setTransport(StreamReaderTest.fakeTransport(calls, false));
        stream.feedData(b("1234567890"));
        assertEquals(List.of("pause_reading"), calls);
        ByteBuffer five = ByteBuffer.allocate(5);
        assertEquals(5, run(() -> stream.readinto(five)));
        assertEquals(List.of("pause_reading"), calls, "5 bytes left, over the limit");
        ByteBuffer one = ByteBuffer.allocate(1);
        assertEquals(1, run(() -> stream.readinto(one)));
        assertEquals("6", filled(one));
        assertEquals(List.of("pause_reading", "resume_reading"), calls);
    }

    /**
     * Bytes that arrive while a readinto waits go straight into its buffer; what does not fit stays in the stream,
     * in order, and so do later pieces fed before the task runs.
     */
    @Test
    void testReadintoWaitingTakesWhatFitsAndTheRestStays() {
        StreamReader stream = new StreamReader(loop);
        ByteBuffer buf = ByteBuffer.allocate(8);
        Task<Integer> readTask = loop.createTask(() -> stream.readinto(buf));
        runOnce();
        stream.feedData(b("line1\n"));
        stream.feedData(b("line2\n"));
        assertEquals(8, loop.runUntilComplete(readTask));
        assertEquals("line1\nli", filled(buf));
        assertEquals("ne2\n", rest(stream));
    }

    /**
     * A task cancelled after the data reached its buffer, before it ran again: the bytes go back into the stream,
     * ahead of what came later, and the buffer's position is restored. Nothing is lost.
     */
    @Test
    void testReadintoCancelledAfterTheDataCameLosesNothing() {
        StreamReader stream = new StreamReader(loop);
        ByteBuffer buf = ByteBuffer.allocate(16);
        buf.put((byte) '>');
        Task<Integer> readTask = loop.createTask(() -> stream.readinto(buf));
        runOnce();
        stream.feedData(b("first "));
        readTask.cancel();
        stream.feedData(b("second"));
        runUntilDone(readTask);
        assertTrue(readTask.cancelled());
        assertEquals(1, buf.position(), "the position is back where it was");
        assertEquals("first second", rest(stream));
    }

    /** A task cancelled before any data came: later data stays in the stream, not in the cancelled task's buffer. */
    @Test
    void testReadintoCancelledBeforeTheDataCame() {
        StreamReader stream = new StreamReader(loop);
        ByteBuffer buf = ByteBuffer.allocate(16);
        Task<Integer> readTask = loop.createTask(() -> stream.readinto(buf));
        runOnce();
        readTask.cancel();
        stream.feedData(b("kept"));
        runUntilDone(readTask);
        assertTrue(readTask.cancelled());
        assertEquals(0, buf.position());
        assertEquals("kept", rest(stream));
    }
}
