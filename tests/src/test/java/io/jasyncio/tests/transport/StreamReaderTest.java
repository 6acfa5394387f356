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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.IncompleteReadError;
import io.jasyncio.LimitOverrunError;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamReaderProtocol;
import io.jasyncio.Task;
import io.jasyncio.Transport;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link StreamReader} on its own, fed by hand with {@code feedData} / {@code feedEof}: ports of CPython's
 * test_streams.py StreamTests that need no network, of feeding, the end of the stream, exceptions, the limit and flow
 * control, the constructors and the repr. Reads are {@link StreamReaderReadTest}'s, lines
 * {@link StreamReaderReadlineTest}'s.
 */
class StreamReaderTest extends StreamReaderTestBase {
    // test_streams.py: test_feed_empty_data
    @Test
    void testFeedEmptyData() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b(""));
        assertEquals("", buffer(stream));
    }

    // test_streams.py: test_feed_nonempty_data
    @Test
    void testFeedNonemptyData() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b(DATA));
        assertEquals(DATA, buffer(stream));
    }

    // test_streams.py: test_invalid_limit
    @Test
    void testInvalidLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StreamReader(loop, 0));
        assertTrue(e.getMessage().contains("imit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StreamReader(loop, -1));
        assertTrue(e.getMessage().contains("imit"), e.getMessage());
    }

    // test_streams.py: test_at_eof
    @Test
    void testAtEof() {
        StreamReader stream = new StreamReader(loop);
        assertFalse(stream.atEof());
        stream.feedData(b("some data\n"));
        assertFalse(stream.atEof());
        run(stream::readline);
        assertFalse(stream.atEof());
        stream.feedData(b("some data\n"));
        stream.feedEof();
        run(stream::readline);
        assertTrue(stream.atEof());
    }

    // test_streams.py: test_exception
    @Test
    void testException() {
        StreamReader stream = new StreamReader(loop);
        assertNull(stream.exception());
        IllegalArgumentException exc = new IllegalArgumentException();
        stream.setException(exc);
        assertSame(exc, stream.exception());
    }

    // test_streams.py: test_exception_waiter
    @Test
    void testExceptionWaiter() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> t1 = loop.createTask(stream::readline);
        Task<Object> t2 = loop.createTask(() -> {
            stream.setException(new IllegalArgumentException());
            return null;
        });
        loop.runUntilComplete(() -> Asyncio.wait(List.of(t1, t2), null, io.jasyncio.ReturnWhen.ALL_COMPLETED));
        assertTrue(t1.exception() instanceof IllegalArgumentException, String.valueOf(t1.exception()));
    }

    // test_streams.py: test_exception_cancel
    @Test
    void testExceptionCancel() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> t = loop.createTask(stream::readline);
        runOnce();
        t.cancel();
        runOnce();
        // Fails if setException is not careful with a cancelled waiter.
        stream.setException(new IllegalStateException("message"));
        runOnce();
        assertTrue(t.cancelled());
        assertFalse(stream.toString().contains("waiter"), stream.toString());
    }

    /** Two tasks may not wait on one reader: asyncio's RuntimeError. */
    // test_streams.py: _wait_for_data's guard (no CPython test of its own)
    @Test
    void testSecondWaiterRefused() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> first = loop.createTask(() -> stream.read(10));
        runOnce();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(stream::readline));
        assertEquals("readuntil() called while another coroutine is already waiting for incoming data",
                e.getMessage());
        stream.feedData(b("x"));
        assertEquals("x", str(loop.runUntilComplete(first)));
    }

    // test_streams.py: test_streamreader_constructor_without_loop
    @Test
    void testStreamreaderConstructorWithoutLoop() {
        IllegalStateException e = assertThrows(IllegalStateException.class, StreamReader::new);
        assertTrue(e.getMessage().contains("no current event loop"), e.getMessage());
    }

    // test_streams.py: test_streamreader_constructor_use_running_loop
    @Test
    void testStreamreaderConstructorUseRunningLoop() {
        StreamReader reader = run(StreamReader::new);
        assertSame(loop, reader.getLoop());
        assertEquals("<StreamReader limit=7>", run(() -> new StreamReader(7)).toString());
    }

    // test_streams.py: test_streamreaderprotocol_constructor_without_loop
    @Test
    void testStreamreaderprotocolConstructorWithoutLoop() {
        StreamReader reader = new StreamReader(loop);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new StreamReaderProtocol(reader));
        assertTrue(e.getMessage().contains("no current event loop"), e.getMessage());
    }

    // test_streams.py: test_streamreaderprotocol_constructor_use_running_loop
    @Test
    void testStreamreaderprotocolConstructorUseRunningLoop() {
        StreamReader reader = new StreamReader(loop);
        StreamReaderProtocol protocol = run(() -> new StreamReaderProtocol(reader));
        assertSame(loop, protocol.getLoop());
    }

    // test_streams.py: test___repr__
    @Test
    void testRepr() {
        assertEquals("<StreamReader>", new StreamReader(loop).toString());
    }

    // test_streams.py: test___repr__nondefault_limit
    @Test
    void testReprNondefaultLimit() {
        assertEquals("<StreamReader limit=123>", new StreamReader(loop, 123).toString());
    }

    // test_streams.py: test___repr__eof
    @Test
    void testReprEof() {
        StreamReader stream = new StreamReader(loop);
        stream.feedEof();
        assertEquals("<StreamReader eof>", stream.toString());
    }

    // test_streams.py: test___repr__data
    @Test
    void testReprData() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("data"));
        assertEquals("<StreamReader 4 bytes>", stream.toString());
    }

    // test_streams.py: test___repr__exception
    @Test
    void testReprException() {
        StreamReader stream = new StreamReader(loop);
        RuntimeException exc = new RuntimeException();
        stream.setException(exc);
        assertEquals("<StreamReader exception=java.lang.RuntimeException>", stream.toString());
    }

    // test_streams.py: test___repr__waiter
    @Test
    void testReprWaiter() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> t = loop.createTask(() -> stream.read(1));
        runOnce();
        assertTrue(stream.toString().matches("<StreamReader waiter=<Future pending[\\S ]*>>"), stream.toString());
        stream.feedData(b("x"));
        loop.runUntilComplete(t);
        assertEquals("<StreamReader>", stream.toString());
    }

    // test_streams.py: test___repr__transport
    @Test
    void testReprTransport() {
        StreamReader stream = new StreamReader(loop);
        stream.setTransport(fakeTransport(new ArrayList<>(), false));
        assertEquals("<StreamReader transport=<Transport>>", stream.toString());
    }

    /**
     * Flow control: over twice the limit the reader pauses the transport's reading, and resumes it once a read brings
     * the buffer down to the limit (asyncio's feed_data / _maybe_resume_transport).
     */
    // test_streams.py: feed_data's pause_reading and _maybe_resume_transport (exercised by test_abort_clients)
    @Test
    void testPauseAndResumeReading() {
        List<String> calls = new ArrayList<>();
        StreamReader stream = new StreamReader(loop, 4);
        stream.setTransport(fakeTransport(calls, false));
        stream.feedData(b("12345678"));
        assertEquals(List.of(), calls, "exactly twice the limit: still reading");
        stream.feedData(b("9"));
        assertEquals(List.of("pause_reading"), calls);
        assertTrue(stream.toString().endsWith(" paused>"), stream.toString());
        stream.feedData(b("0"));
        assertEquals(List.of("pause_reading"), calls, "paused once");
        assertEquals("12345", str(run(() -> stream.read(5))));
        assertEquals(List.of("pause_reading"), calls, "5 bytes left, over the limit");
        assertEquals("6", str(run(() -> stream.read(1))));
        assertEquals(List.of("pause_reading", "resume_reading"), calls);
    }

    /** A transport that cannot pause (asyncio's NotImplementedError) is dropped, and the reader keeps buffering. */
    // test_streams.py: feed_data's NotImplementedError branch
    @Test
    void testTransportThatCannotPause() {
        List<String> calls = new ArrayList<>();
        StreamReader stream = new StreamReader(loop, 1);
        stream.setTransport(fakeTransport(calls, true));
        stream.feedData(b("abc"));
        assertEquals(List.of("pause_reading"), calls);
        assertEquals("<StreamReader 3 bytes limit=1>", stream.toString(), "the transport is forgotten");
        assertArrayEquals(bytes("abc"), run(() -> stream.read(10)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T serialized(T value) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(out)) {
            o.writeObject(value);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(out.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    // test_streams.py: test_IncompleteReadError_pickleable (Java serialization for pickle)
    @Test
    void testIncompleteReadErrorPickleable() throws Exception {
        IncompleteReadError e = new IncompleteReadError(bytes("abc"), 10);
        IncompleteReadError e2 = serialized(e);
        assertEquals(e.getMessage(), e2.getMessage());
        assertArrayEquals(e.partial(), e2.partial());
        assertEquals(e.expected(), e2.expected());
    }

    // test_streams.py: test_LimitOverrunError_pickleable (Java serialization for pickle)
    @Test
    void testLimitOverrunErrorPickleable() throws Exception {
        LimitOverrunError e = new LimitOverrunError("message", 10);
        LimitOverrunError e2 = serialized(e);
        assertEquals(e.getMessage(), e2.getMessage());
        assertEquals(e.consumed(), e2.consumed());
    }

    /** A stand-in transport, as CPython's tests use mock.Mock(): it records pause/resume and prints as Transport. */
    static Transport fakeTransport(List<String> calls, boolean cannotPause) {
        return (Transport) Proxy.newProxyInstance(Transport.class.getClassLoader(), new Class<?>[] {Transport.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "<Transport>";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "pauseReading" -> {
                        calls.add("pause_reading");
                        if (cannotPause) {
                            throw new UnsupportedOperationException("pause_reading");
                        }
                        yield null;
                    }
                    case "resumeReading" -> {
                        calls.add("resume_reading");
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * Many feeds and reads of mixed sizes, lines among them: every byte comes out once, in order, whether the
     * buffer moved its bytes to the front or grew in between.
     */
    @Test
    void testInterleavedFeedsAndReadsKeepEveryByte() {
        java.util.Random random = new java.util.Random(7);
        byte[] source = new byte[200_000];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) (random.nextInt(10) == 0 ? '\n' : 'a' + random.nextInt(26));
        }
        StreamReader stream = new StreamReader(loop);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int fed = 0;
        while (fed < source.length) {
            int n = Math.min(source.length - fed, 1 + random.nextInt(3000));
            stream.feedData(java.nio.ByteBuffer.wrap(source, fed, n));
            fed += n;
            if (fed == source.length) {
                stream.feedEof();
            }
            int reads = random.nextInt(4);
            for (int k = 0; k < reads; k++) {
                byte[] got = loop.runUntilComplete(() -> random.nextBoolean() ? stream.readline()
                        : stream.read(1 + random.nextInt(2000)));
                out.writeBytes(got);
            }
        }
        out.writeBytes(loop.runUntilComplete(() -> stream.read(-1)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(source, out.toByteArray());
    }

    /** A large chunk read whole comes back as its own array: later feeds never write into what a read returned. */
    @Test
    void testLargeChunksReadWholeStayTheReaders() {
        StreamReader stream = new StreamReader(loop);
        byte[] first = new byte[10_000];
        java.util.Arrays.fill(first, (byte) 'a');
        stream.feedData(first);
        byte[] got = loop.runUntilComplete(() -> stream.read(65536));
        byte[] second = new byte[10_000];
        java.util.Arrays.fill(second, (byte) 'b');
        stream.feedData(second);
        stream.feedData(new byte[] {'c'});
        byte[] next = loop.runUntilComplete(() -> stream.read(65536));
        org.junit.jupiter.api.Assertions.assertArrayEquals(first, got, "untouched by the later feeds");
        assertEquals(10_001, next.length);
        assertEquals('b', next[0]);
        assertEquals('c', next[10_000]);
        stream.feedData(second);
        assertEquals(5_000, loop.runUntilComplete(() -> stream.readexactly(5_000)).length);
        assertEquals(5_000, loop.runUntilComplete(() -> stream.read(65536)).length);
    }
}
