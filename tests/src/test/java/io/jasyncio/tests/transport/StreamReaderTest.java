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
import io.jasyncio.tests.LoopTestBase;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@link StreamReader} on its own, fed by hand with {@code feedData} / {@code feedEof}: ports of CPython's
 * test_streams.py StreamTests that need no network. {@code stream._buffer} is read through {@link #buffer}.
 */
class StreamReaderTest extends LoopTestBase {
    private static final String DATA = "line1\nline2\nline3\n";
    private static final Pattern SIZE = Pattern.compile("^<StreamReader (\\d+) bytes");

    private static ByteBuffer b(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** What the reader holds: taken out and fed back, so the reader is as it was (asyncio's {@code _buffer}). */
    private String buffer(StreamReader r) {
        Matcher m = SIZE.matcher(r.toString());
        if (!m.find()) {
            return "";
        }
        int n = Integer.parseInt(m.group(1));
        byte[] held = loop.runUntilComplete(() -> r.readexactly(n));
        r.feedData(ByteBuffer.wrap(held));
        return str(held);
    }

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

    // test_streams.py: test_read_zero
    @Test
    void testReadZero() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b(DATA));
        assertEquals("", str(run(() -> stream.read(0))));
        assertEquals(DATA, buffer(stream));
    }

    // test_streams.py: test_read
    @Test
    void testRead() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> readTask = loop.createTask(() -> stream.read(30));
        loop.callSoon(() -> stream.feedData(b(DATA)));
        assertEquals(DATA, str(loop.runUntilComplete(readTask)));
        assertEquals("", buffer(stream));
    }

    // test_streams.py: test_read_line_breaks
    @Test
    void testReadLineBreaks() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("line1"));
        stream.feedData(b("line2"));
        assertEquals("line1", str(run(() -> stream.read(5))));
        assertEquals("line2", buffer(stream));
    }

    // test_streams.py: test_read_eof
    @Test
    void testReadEof() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> readTask = loop.createTask(() -> stream.read(1024));
        loop.callSoon(stream::feedEof);
        assertEquals("", str(loop.runUntilComplete(readTask)));
        assertEquals("", buffer(stream));
    }

    // test_streams.py: test_read_until_eof
    @Test
    void testReadUntilEof() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> readTask = loop.createTask(() -> stream.read(-1));
        loop.callSoon(() -> {
            stream.feedData(b("chunk1\n"));
            stream.feedData(b("chunk2"));
            stream.feedEof();
        });
        assertEquals("chunk1\nchunk2", str(loop.runUntilComplete(readTask)));
        assertEquals("", buffer(stream));
    }

    // test_streams.py: test_read_exception
    @Test
    void testReadException() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("line\n"));
        assertEquals("li", str(run(() -> stream.read(2))));
        stream.setException(new IllegalArgumentException());
        assertThrows(IllegalArgumentException.class, () -> run(() -> stream.read(2)));
    }

    // test_streams.py: test_invalid_limit
    @Test
    void testInvalidLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StreamReader(loop, 0));
        assertTrue(e.getMessage().contains("imit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StreamReader(loop, -1));
        assertTrue(e.getMessage().contains("imit"), e.getMessage());
    }

    // test_streams.py: test_read_limit
    @Test
    void testReadLimit() {
        StreamReader stream = new StreamReader(loop, 3);
        stream.feedData(b("chunk"));
        assertEquals("chunk", str(run(() -> stream.read(5))));
        assertEquals("", buffer(stream));
    }

    // test_streams.py: test_readline
    @Test
    void testReadline() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("chunk1 "));
        Task<byte[]> readTask = loop.createTask(stream::readline);
        loop.callSoon(() -> {
            stream.feedData(b("chunk2 "));
            stream.feedData(b("chunk3 "));
            stream.feedData(b("\n chunk4"));
        });
        assertEquals("chunk1 chunk2 chunk3 \n", str(loop.runUntilComplete(readTask)));
        assertEquals(" chunk4", buffer(stream));
    }

    // test_streams.py: test_readline_limit_with_existing_data
    @Test
    void testReadlineLimitWithExistingData() {
        StreamReader stream = new StreamReader(loop, 3);
        stream.feedData(b("li"));
        stream.feedData(b("ne1\nline2\n"));
        assertThrows(IllegalArgumentException.class, () -> run(stream::readline));
        assertEquals("line2\n", buffer(stream), "the rest stays in the buffer");

        StreamReader second = new StreamReader(loop, 3);
        second.feedData(b("li"));
        second.feedData(b("ne1"));
        second.feedData(b("li"));
        assertThrows(IllegalArgumentException.class, () -> run(second::readline));
        // No newline: before waiting for more, readline drops the whole buffer, which is over the limit.
        assertEquals("", buffer(second));
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

    // test_streams.py: test_readline_limit
    @Test
    void testReadlineLimit() {
        StreamReader first = new StreamReader(loop, 7);
        loop.callSoon(() -> {
            first.feedData(b("chunk1"));
            first.feedData(b("chunk2"));
            first.feedData(b("chunk3\n"));
            first.feedEof();
        });
        assertThrows(IllegalArgumentException.class, () -> run(first::readline));
        assertEquals("", buffer(first), "one line only, dropped with the error");

        StreamReader second = new StreamReader(loop, 7);
        loop.callSoon(() -> {
            second.feedData(b("chunk1"));
            second.feedData(b("chunk2\n"));
            second.feedData(b("chunk3\n"));
            second.feedEof();
        });
        assertThrows(IllegalArgumentException.class, () -> run(second::readline));
        assertEquals("chunk3\n", buffer(second));

        // The limit is strict: 7 bytes and a separator pass, 8 do not.
        StreamReader stream = new StreamReader(loop, 7);
        stream.feedData(b("1234567\n"));
        assertEquals("1234567\n", str(run(stream::readline)));
        assertEquals("", buffer(stream));
        stream.feedData(b("12345678\n"));
        assertThrows(IllegalArgumentException.class, () -> run(stream::readline));
        assertEquals("", buffer(stream));
        stream.feedData(b("12345678"));
        assertThrows(IllegalArgumentException.class, () -> run(stream::readline));
        assertEquals("", buffer(stream));
    }

    // test_streams.py: test_readline_nolimit_nowait
    @Test
    void testReadlineNolimitNowait() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b(DATA.substring(0, 6)));
        stream.feedData(b(DATA.substring(6)));
        assertEquals("line1\n", str(run(stream::readline)));
        assertEquals("line2\nline3\n", buffer(stream));
    }

    // test_streams.py: test_readline_eof
    @Test
    void testReadlineEof() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("some data"));
        stream.feedEof();
        assertEquals("some data", str(run(stream::readline)));
    }

    // test_streams.py: test_readline_empty_eof
    @Test
    void testReadlineEmptyEof() {
        StreamReader stream = new StreamReader(loop);
        stream.feedEof();
        assertEquals("", str(run(stream::readline)));
    }

    // test_streams.py: test_readline_read_byte_count
    @Test
    void testReadlineReadByteCount() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b(DATA));
        run(stream::readline);
        assertEquals("line2\nl", str(run(() -> stream.read(7))));
        assertEquals("ine3\n", buffer(stream));
    }

    // test_streams.py: test_readline_exception
    @Test
    void testReadlineException() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("line\n"));
        assertEquals("line\n", str(run(stream::readline)));
        stream.setException(new IllegalArgumentException());
        assertThrows(IllegalArgumentException.class, () -> run(stream::readline));
        assertEquals("", buffer(stream));
    }

    // test_streams.py: test_readuntil_separator (and 3.13's tuple of separators: empty, or with an empty one)
    @Test
    void testReaduntilSeparator() {
        StreamReader stream = new StreamReader(loop);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(() -> stream.readuntil(new byte[0])));
        assertTrue(e.getMessage().startsWith("Separator should be"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run(() -> stream.readuntil(bytes("a"), new byte[0])));
        assertTrue(e.getMessage().startsWith("Separator should be"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run(() -> stream.readuntil(new byte[0][])));
        assertTrue(e.getMessage().startsWith("Separator should contain"), e.getMessage());
    }

    // test_streams.py: test_readuntil_multi_chunks
    @Test
    void testReaduntilMultiChunks() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("lineAAA"));
        assertEquals("lineAAA", str(run(() -> stream.readuntil(bytes("AAA")))));
        assertEquals("", buffer(stream));
        stream.feedData(b("lineAAA"));
        assertEquals("lineAAA", str(run(() -> stream.readuntil(bytes("AAA")))));
        assertEquals("", buffer(stream));
        stream.feedData(b("lineAAAxxx"));
        assertEquals("lineAAA", str(run(() -> stream.readuntil(bytes("AAA")))));
        assertEquals("xxx", buffer(stream));
    }

    // test_streams.py: test_readuntil_multi_chunks_1
    @Test
    void testReaduntilMultiChunks1() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("QWEaa"));
        stream.feedData(b("XYaa"));
        stream.feedData(b("a"));
        assertEquals("QWEaaXYaaa", str(run(() -> stream.readuntil(bytes("aaa")))));
        assertEquals("", buffer(stream));

        stream.feedData(b("QWEaa"));
        stream.feedData(b("XYa"));
        stream.feedData(b("aa"));
        assertEquals("QWEaaXYaaa", str(run(() -> stream.readuntil(bytes("aaa")))));
        assertEquals("", buffer(stream));

        stream.feedData(b("aaa"));
        assertEquals("aaa", str(run(() -> stream.readuntil(bytes("aaa")))));
        assertEquals("", buffer(stream));

        stream.feedData(b("Xaaa"));
        assertEquals("Xaaa", str(run(() -> stream.readuntil(bytes("aaa")))));
        assertEquals("", buffer(stream));

        stream.feedData(b("XXX"));
        stream.feedData(b("a"));
        stream.feedData(b("a"));
        stream.feedData(b("a"));
        assertEquals("XXXaaa", str(run(() -> stream.readuntil(bytes("aaa")))));
        assertEquals("", buffer(stream));
    }

    /** The separator arrives one byte at a time while readuntil waits: each feed wakes it, the search resumes. */
    // test_streams.py: test_readuntil_multi_chunks_1 (fed while waiting)
    @Test
    void testReaduntilWaitsAcrossChunks() {
        StreamReader stream = new StreamReader(loop);
        Task<byte[]> t = loop.createTask(() -> stream.readuntil(bytes("aaa")));
        for (String piece : List.of("XX", "a", "Xa", "a")) {
            runOnce();
            assertFalse(t.done(), "no separator yet before " + piece);
            stream.feedData(b(piece));
        }
        stream.feedData(b("aY"));
        assertEquals("XXaXaaa", str(loop.runUntilComplete(t)));
        assertEquals("Y", buffer(stream));
    }

    // test_streams.py: test_readuntil_eof
    @Test
    void testReaduntilEof() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("some dataAA"));
        stream.feedEof();
        IncompleteReadError e = assertThrows(IncompleteReadError.class,
                () -> run(() -> stream.readuntil(bytes("AAA"))));
        assertTrue(e.getMessage().contains("undefined expected bytes"), e.getMessage());
        assertEquals("some dataAA", str(e.partial()));
        assertEquals(-1, e.expected(), "asyncio's expected=None");
        assertEquals("", buffer(stream));
    }

    // test_streams.py: test_readuntil_limit_found_sep
    @Test
    void testReaduntilLimitFoundSep() {
        StreamReader stream = new StreamReader(loop, 3);
        stream.feedData(b("some dataAA"));
        LimitOverrunError e = assertThrows(LimitOverrunError.class, () -> run(() -> stream.readuntil(bytes("AAA"))));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        assertEquals("some dataAA", buffer(stream));

        stream.feedData(b("A"));
        e = assertThrows(LimitOverrunError.class, () -> run(() -> stream.readuntil(bytes("AAA"))));
        assertTrue(e.getMessage().contains("is found"), e.getMessage());
        assertEquals(9, e.consumed(), "where the separator starts");
        assertEquals("some dataAAA", buffer(stream));
    }

    // test_streams.py: readuntil with a tuple of separators (3.13): the match that ends first wins
    @Test
    void testReaduntilMultipleSeparators() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("line1\r\nline2\nline3"));
        byte[] crlf = bytes("\r\n");
        byte[] lf = bytes("\n");
        assertEquals("line1\r\n", str(run(() -> stream.readuntil(lf, crlf))));
        assertEquals("line2\n", str(run(() -> stream.readuntil(crlf, lf))));
        // Both match at the same end: the bytes are the same either way.
        stream.feedData(b("\r\n"));
        assertEquals("line3\r\n", str(run(() -> stream.readuntil(crlf, lf))));
        // The longer one starts first but ends later: the shorter wins.
        stream.feedData(b("XabcdY"));
        assertEquals("Xabc", str(run(() -> stream.readuntil(bytes("abcd"), bytes("c")))));
        assertEquals("dY", buffer(stream));

        // Waiting: a separator completed by a later chunk.
        Task<byte[]> t = loop.createTask(() -> stream.readuntil(bytes("!!"), bytes("??")));
        runOnce();
        stream.feedData(b("?"));
        runOnce();
        assertFalse(t.done());
        stream.feedData(b("?rest"));
        assertEquals("dY??", str(loop.runUntilComplete(t)));
        assertEquals("rest", buffer(stream));

        // At EOF without any separator: the partial bytes.
        stream.feedEof();
        IncompleteReadError e = assertThrows(IncompleteReadError.class, () -> run(() -> stream.readuntil(lf, crlf)));
        assertEquals("rest", str(e.partial()));
    }

    // test_streams.py: the limit with a tuple of separators (3.13): the longest separator bounds the search
    @Test
    void testReaduntilMultipleSeparatorsLimit() {
        StreamReader stream = new StreamReader(loop, 3);
        stream.feedData(b("abcdef"));
        LimitOverrunError e = assertThrows(LimitOverrunError.class,
                () -> run(() -> stream.readuntil(bytes("\n"), bytes("xy"))));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        assertEquals(5, e.consumed(), "size + 1 - the longest separator");
        assertEquals("abcdef", buffer(stream), "nothing consumed");
    }

    // test_streams.py: test_readuntil_multi_separator
    @Test
    void testReaduntilMultiSeparator() {
        StreamReader stream = new StreamReader(loop);
        // The simple case.
        stream.feedData(b("line 1\nline 2\r"));
        assertEquals("line 1\n", str(run(() -> stream.readuntil(bytes("\r"), bytes("\n")))));
        assertEquals("line 2\r", str(run(() -> stream.readuntil(bytes("\r"), bytes("\n")))));
        assertEquals("", buffer(stream));
        // The first end position matches, even if that is a longer match.
        stream.feedData(b("ABCDEFG"));
        assertEquals("ABCDE", str(run(() -> stream.readuntil(bytes("DEF"), bytes("BCDE")))));
        assertEquals("FG", buffer(stream));
    }

    // test_streams.py: test_readuntil_multi_separator_limit
    @Test
    void testReaduntilMultiSeparatorLimit() {
        StreamReader stream = new StreamReader(loop, 3);
        stream.feedData(b("some dataA"));
        LimitOverrunError e = assertThrows(LimitOverrunError.class,
                () -> run(() -> stream.readuntil(bytes("A"), bytes("ome dataA"))));
        assertTrue(e.getMessage().contains("is found"), e.getMessage());
        assertEquals("some dataA", buffer(stream));
    }

    // test_streams.py: test_readuntil_multi_separator_negative_offset
    @Test
    void testReaduntilMultiSeparatorNegativeOffset() {
        // The buffer holds enough for the shortest separator but not the longest: the offset must stay >= 0.
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("data"));
        Task<byte[]> readuntilTask = loop.createTask(() -> stream.readuntil(bytes("A"), bytes("long sep")));
        loop.callSoon(() -> stream.feedData(b("Z")));
        loop.callSoon(() -> stream.feedData(b("Aaaa")));
        assertEquals("dataZA", str(loop.runUntilComplete(readuntilTask)));
        assertEquals("aaa", buffer(stream));
    }

    /** On a tie the shortest separator is the match: its start is what the limit is checked against. */
    // test_streams.py: readuntil with a tuple of separators (3.13), sorted by length
    @Test
    void testReaduntilMultipleSeparatorsTieGoesToShortest() {
        StreamReader stream = new StreamReader(loop, 4);
        stream.feedData(b("abcd\r\n"));
        // "\r\n" starts at 4 (within the limit), "\n" at 5 (over it): asyncio reports the shortest's start.
        LimitOverrunError e = assertThrows(LimitOverrunError.class,
                () -> run(() -> stream.readuntil(bytes("\r\n"), bytes("\n"))));
        assertTrue(e.getMessage().contains("is found"), e.getMessage());
        assertEquals(5, e.consumed());
        assertEquals("abcd\r\n", buffer(stream), "nothing consumed");
    }

    // test_streams.py: test_readexactly_zero_or_less
    @Test
    void testReadexactlyZeroOrLess() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b(DATA));
        assertEquals("", str(run(() -> stream.readexactly(0))));
        assertEquals(DATA, buffer(stream));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(() -> stream.readexactly(-1)));
        assertTrue(e.getMessage().contains("less than zero"), e.getMessage());
        assertEquals(DATA, buffer(stream));
    }

    // test_streams.py: test_readexactly
    @Test
    void testReadexactly() {
        StreamReader stream = new StreamReader(loop);
        int n = 2 * DATA.length();
        Task<byte[]> readTask = loop.createTask(() -> stream.readexactly(n));
        loop.callSoon(() -> {
            stream.feedData(b(DATA));
            stream.feedData(b(DATA));
            stream.feedData(b(DATA));
        });
        assertEquals(DATA + DATA, str(loop.runUntilComplete(readTask)));
        assertEquals(DATA, buffer(stream));
    }

    // test_streams.py: test_readexactly_limit
    @Test
    void testReadexactlyLimit() {
        StreamReader stream = new StreamReader(loop, 3);
        stream.feedData(b("chunk"));
        assertEquals("chunk", str(run(() -> stream.readexactly(5))));
        assertEquals("", buffer(stream));
    }

    // test_streams.py: test_readexactly_eof
    @Test
    void testReadexactlyEof() {
        StreamReader stream = new StreamReader(loop);
        int n = 2 * DATA.length();
        Task<byte[]> readTask = loop.createTask(() -> stream.readexactly(n));
        loop.callSoon(() -> {
            stream.feedData(b(DATA));
            stream.feedEof();
        });
        IncompleteReadError e = assertThrows(IncompleteReadError.class, () -> loop.runUntilComplete(readTask));
        assertEquals(DATA, str(e.partial()));
        assertEquals(n, e.expected());
        assertEquals("18 bytes read on a total of 36 expected bytes", e.getMessage());
        assertEquals("", buffer(stream));
    }

    // test_streams.py: test_readexactly_exception
    @Test
    void testReadexactlyException() {
        StreamReader stream = new StreamReader(loop);
        stream.feedData(b("line\n"));
        assertEquals("li", str(run(() -> stream.readexactly(2))));
        stream.setException(new IllegalArgumentException());
        assertThrows(IllegalArgumentException.class, () -> run(() -> stream.readexactly(2)));
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

    /** Iterating a reader reads lines as they come, to the end of the stream (asyncio's async for). */
    // streams.py: StreamReader.__aiter__ / __anext__
    @Test
    void testIteration() {
        StreamReader stream = new StreamReader(loop);
        Task<List<String>> t = loop.createTask(() -> {
            List<String> lines = new ArrayList<>();
            for (byte[] line : stream) {
                lines.add(str(line));
            }
            return lines;
        });
        stream.feedData(bytes("line1\nli"));
        runOnce();
        assertFalse(t.done());
        loop.callSoon(() -> {
            stream.feedData(bytes("ne2\nlast"));
            stream.feedEof();
        });
        assertEquals(List.of("line1\n", "line2\n", "last"), loop.runUntilComplete(t));
        assertFalse(stream.iterator().hasNext(), "at the end, for good");
        assertThrows(java.util.NoSuchElementException.class, () -> run(() -> stream.iterator().next()));
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
