/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.IncompleteReadError;
import io.jasyncio.LimitOverrunError;
import io.jasyncio.StreamReader;
import io.jasyncio.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamReader#readline}, {@link StreamReader#readuntil} and iterating over lines, the reader fed by hand with
 * {@code feedData} / {@code feedEof}: ports of CPython's test_streams.py StreamTests that need no network.
 */
class StreamReaderReadlineTest extends StreamReaderTestBase {
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
}
