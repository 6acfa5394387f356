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

import io.jasyncio.IncompleteReadError;
import io.jasyncio.StreamReader;
import io.jasyncio.Task;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamReader#read} and {@link StreamReader#readexactly}, the reader fed by hand with {@code feedData} /
 * {@code feedEof}: ports of CPython's test_streams.py StreamTests that need no network.
 */
class StreamReaderReadTest extends StreamReaderTestBase {
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

    // test_streams.py: test_read_limit
    @Test
    void testReadLimit() {
        StreamReader stream = new StreamReader(loop, 3);
        stream.feedData(b("chunk"));
        assertEquals("chunk", str(run(() -> stream.read(5))));
        assertEquals("", buffer(stream));
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
}
