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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.IncompleteReadError;
import io.jasyncio.LimitOverrunError;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.StreamReader;
import io.jasyncio.Streams;
import io.jasyncio.Task;
import io.jasyncio.Ticker;
import io.jasyncio.tests.LoopTestBase;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_streams.py StreamTests: the reader fed by hand, and streams over real TCP. */
class StreamsTest extends LoopTestBase {

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Port of test_streams.py StreamTests.test_feed_empty_data / test_feed_nonempty_data. */
    @Test
    void testFeedData() {
        StreamReader r = new StreamReader(loop);
        r.feedData(bytes(""));
        r.feedData(bytes("line1\nline2\n"));
        assertEquals("line1\n", loop.runUntilComplete(() -> str(r.readline())));
    }

    /** Port of test_streams.py StreamTests.test_read_zero / test_read. */
    @Test
    void testRead() {
        StreamReader r = new StreamReader(loop);
        Task<byte[]> t = loop.createTask(() -> r.read(30));
        runOnce();
        assertFalse(t.done(), "waits for data");
        r.feedData(bytes("chunk"));
        assertEquals("chunk", str(loop.runUntilComplete(t)));
        assertEquals(0, loop.runUntilComplete(() -> r.read(0)).length);
    }

    /** Port of test_streams.py StreamTests.test_read_eof / test_read_until_eof. */
    @Test
    void testReadUntilEof() {
        StreamReader r = new StreamReader(loop);
        Task<byte[]> t = loop.createTask(() -> r.read(-1));
        r.feedData(bytes("chunk1\n"));
        r.feedData(bytes("chunk2"));
        runOnce();
        r.feedEof();
        assertEquals("chunk1\nchunk2", str(loop.runUntilComplete(t)));
        assertTrue(r.atEof());
        assertEquals(0, loop.runUntilComplete(() -> r.read(10)).length, "empty at EOF");
    }

    /** Port of test_streams.py StreamTests.test_readline_eof / test_readline_read_byte_count. */
    @Test
    void testReadlinePartialAtEof() {
        StreamReader r = new StreamReader(loop);
        r.feedData(bytes("some data"));
        r.feedEof();
        assertEquals("some data", loop.runUntilComplete(() -> str(r.readline())));
        assertEquals("", loop.runUntilComplete(() -> str(r.readline())));
    }

    /** Port of test_streams.py StreamTests.test_readline_limit_with_existing_data. */
    @Test
    void testReadlineLimit() {
        StreamReader r = new StreamReader(loop, 3);
        r.feedData(bytes("li"));
        r.feedData(bytes("ne1\nline2\n"));
        assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(() -> r.readline()));
        assertEquals("line2\n", loop.runUntilComplete(() -> str(r.read(100))), "the rest stays in the buffer");
    }

    /** Port of test_streams.py StreamTests.test_readexactly / test_readexactly_eof. */
    @Test
    void testReadexactly() {
        StreamReader r = new StreamReader(loop);
        r.feedData(bytes("0123456789"));
        assertEquals("0123", loop.runUntilComplete(() -> str(r.readexactly(4))));
        r.feedEof();
        IncompleteReadError e = assertThrows(IncompleteReadError.class,
                () -> loop.runUntilComplete(() -> r.readexactly(10)));
        assertEquals("456789", str(e.partial()));
        assertEquals(10, e.expected());
        assertEquals("6 bytes read on a total of 10 expected bytes", e.getMessage());
    }

    /** Port of test_streams.py StreamTests.test_readuntil_multi_chunks / test_readuntil_separator. */
    @Test
    void testReaduntil() {
        StreamReader r = new StreamReader(loop);
        Task<byte[]> t = loop.createTask(() -> r.readuntil("&&".getBytes(StandardCharsets.UTF_8)));
        r.feedData(bytes("lineAAA&"));
        runOnce();
        assertFalse(t.done());
        r.feedData(bytes("&rest"));
        assertEquals("lineAAA&&", str(loop.runUntilComplete(t)));
        assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(() -> r.readuntil(new byte[0])));
    }

    /** Port of test_streams.py StreamTests.test_readuntil_limit_found_sep. */
    @Test
    void testReaduntilLimit() {
        StreamReader r = new StreamReader(loop, 3);
        r.feedData(bytes("some dataAA"));
        LimitOverrunError e = assertThrows(LimitOverrunError.class,
                () -> loop.runUntilComplete(() -> r.readuntil("AAA".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    /** Port of test_streams.py StreamTests.test_exception / test_exception_waiter. */
    @Test
    void testException() {
        StreamReader r = new StreamReader(loop);
        Task<byte[]> t = loop.createTask(() -> r.read(10));
        runOnce();
        IllegalStateException boom = new IllegalStateException("reader failed");
        r.setException(boom);
        assertEquals(boom, assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t)));
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(() -> r.read(1)));
    }

    /** Port of test_streams.py StreamTests.test_open_connection / test_start_server: an echo over TCP. */
    @Test
    void testStartServerAndOpenConnection() {
        List<String> serverSaw = new ArrayList<>();
        String reply = loop.runUntilComplete(() -> {
            Server server = Asyncio.startServer((reader, writer) -> {
                byte[] line = reader.readline();
                serverSaw.add(str(line));
                writer.write(("echo: " + str(line)).getBytes(StandardCharsets.UTF_8));
                writer.drain();
                writer.close();
                writer.waitClosed();
            }, "127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            Streams s = Asyncio.openConnection("127.0.0.1", port);
            s.writer().write("hello\n".getBytes(StandardCharsets.UTF_8));
            s.writer().drain();
            byte[] answer = s.reader().read(-1);
            s.writer().close();
            s.writer().waitClosed();
            server.close();
            server.waitClosed();
            return str(answer);
        });
        assertEquals("echo: hello\n", reply);
        assertEquals(List.of("hello\n"), serverSaw);
    }

    /** Port of test_streams.py StreamTests.test_drain_raises: drain after the peer went away reports it. */
    @Test
    void testDrainAfterConnectionLost() {
        Throwable result = loop.runUntilComplete(() -> {
            Server server = Asyncio.startServer((reader, writer) -> writer.transport().abort(), "127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            Streams s = Asyncio.openConnection("127.0.0.1", port);
            byte[] rest = s.reader().read(-1); // EOF when the server aborts
            assertEquals(0, rest.length);
            Throwable caught = null;
            try {
                for (int i = 0; i < 100; i++) {
                    s.writer().write(new byte[1024]);
                    s.writer().drain();
                    Asyncio.sleep(0.001);
                }
            } catch (Exception e) {
                caught = e;
            }
            server.close();
            return caught;
        });
        // asyncio's drain raises the reader's exception when the connection failed, else "Connection lost".
        assertTrue(result instanceof IllegalStateException || result instanceof io.jasyncio.ConnectionError,
                String.valueOf(result));
    }

    /** A large transfer through drain's flow control arrives whole. */
    @Test
    void testLargeTransferWithDrain() {
        byte[] big = new byte[8 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        byte[] received = loop.runUntilComplete(() -> {
            Server server = Asyncio.startServer((reader, writer) -> {
                for (int off = 0; off < big.length; off += 65536) {
                    writer.write(ByteBuffer.wrap(big, off, Math.min(65536, big.length - off)));
                    writer.drain();
                }
                writer.close();
            }, "127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            Streams s = Asyncio.openConnection("127.0.0.1", port);
            byte[] all = s.reader().readexactly(big.length);
            s.writer().close();
            server.close();
            return all;
        });
        assertArrayEquals(big, received);
    }
}
