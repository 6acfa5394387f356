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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.Transports;
import io.netty.channel.unix.FileDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Watching descriptors: {@code add_reader}, {@code remove_reader}, {@code add_writer}, {@code remove_writer}, on JDK
 * channels (every backend) and on descriptor numbers (epoll). Ports of CPython's test_asyncio/test_events.py
 * (EventLoopTestsMixin.test_reader_callback, test_writer_callback, test_remove_fds_after_closing,
 * test_add_fds_after_closing).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DescriptorWatchTest extends NetTestBase {

    /** A connected pair of non-blocking sockets on 127.0.0.1: asyncio's socket.socketpair(). */
    private static SocketChannel[] socketpair() throws IOException {
        try (ServerSocketChannel l = ServerSocketChannel.open()) {
            l.bind(new InetSocketAddress("127.0.0.1", 0));
            SocketChannel a = SocketChannel.open(l.getLocalAddress());
            SocketChannel b = l.accept();
            a.configureBlocking(false);
            b.configureBlocking(false);
            return new SocketChannel[] {a, b};
        }
    }

    private static void send(SocketChannel w, String s) {
        try {
            w.write(ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Port of test_events.py test_reader_callback. */
    @Test
    void testReaderCallback() throws IOException {
        SocketChannel[] pair = socketpair();
        SocketChannel r = pair[0];
        SocketChannel w = pair[1];
        ByteArrayOutputStream bytesRead = new ByteArrayOutputStream();
        boolean[] closed = {false};
        loop.addReader(r, () -> {
            ByteBuffer buf = ByteBuffer.allocate(1024);
            int n;
            try {
                n = r.read(buf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (n > 0) {
                bytesRead.write(buf.array(), 0, n);
            } else if (n < 0) {
                assertTrue(loop.removeReader(r));
                closed[0] = true;
            } // 0: a spurious readiness, possible on Linux (see man select)
        });
        loop.callSoon(() -> send(w, "abc"));
        waitUntil(() -> bytesRead.size() >= 3);
        loop.callSoon(() -> send(w, "def"));
        waitUntil(() -> bytesRead.size() >= 6);
        w.close();
        waitUntil(() -> closed[0]);
        r.close();
        assertEquals("abcdef", bytesRead.toString(StandardCharsets.US_ASCII));
    }

    /** Port of test_events.py test_writer_callback. */
    @Test
    void testWriterCallback() throws IOException {
        SocketChannel[] pair = socketpair();
        SocketChannel r = pair[0];
        SocketChannel w = pair[1];
        byte[] data = new byte[1024];
        java.util.Arrays.fill(data, (byte) 'x');
        loop.addWriter(w, () -> {
            send(w, new String(data, StandardCharsets.US_ASCII));
            loop.stop();
        });
        loop.runForever();
        assertTrue(loop.removeWriter(w));
        assertFalse(loop.removeWriter(w));
        w.close();
        r.configureBlocking(true);
        ByteBuffer read = ByteBuffer.allocate(data.length * 2);
        while (read.position() < data.length && r.read(read) > 0) {
            // read all that was written
        }
        r.close();
        assertEquals(data.length, read.position());
    }

    /** A reader runs once per iteration while its channel stays readable: level-triggered, as asyncio's. */
    @Test
    void testReaderIsLevelTriggered() throws IOException {
        SocketChannel[] pair = socketpair();
        int[] calls = {0};
        loop.addReader(pair[0], () -> calls[0]++);
        send(pair[1], "unread");
        waitUntil(() -> calls[0] >= 3); // nobody reads: it keeps being called
        assertTrue(loop.removeReader(pair[0]));
        assertFalse(loop.removeReader(pair[0]));
        int after = calls[0];
        sleep(0.05);
        assertTrue(calls[0] <= after + 1, "called after remove_reader: " + calls[0] + " > " + after);
        pair[0].close();
        pair[1].close();
    }

    /** A second add_reader replaces the first callback. */
    @Test
    void testAddReaderReplaces() throws IOException {
        SocketChannel[] pair = socketpair();
        int[] first = {0};
        int[] second = {0};
        loop.addReader(pair[0], () -> first[0]++);
        loop.addReader(pair[0], () -> {
            second[0]++;
            loop.removeReader(pair[0]);
        });
        send(pair[1], "x");
        waitUntil(() -> second[0] == 1);
        assertEquals(0, first[0]);
        pair[0].close();
        pair[1].close();
    }

    /** A channel in blocking mode is refused, as asyncio refuses a blocking socket. */
    @Test
    void testBlockingChannelIsRefused() throws IOException {
        SocketChannel[] pair = socketpair();
        pair[0].configureBlocking(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.addReader(pair[0], () -> { }));
        assertEquals("the socket must be non-blocking", e.getMessage());
        pair[0].close();
        pair[1].close();
    }

    /** Port of test_events.py test_remove_fds_after_closing. */
    @Test
    void testRemoveFdsAfterClosing() throws IOException {
        EventLoop other = Asyncio.newEventLoop(options());
        SocketChannel[] pair = socketpair();
        other.addReader(pair[0], () -> { });
        other.addWriter(pair[1], () -> { });
        other.close();
        assertFalse(other.removeReader(pair[0]));
        assertFalse(other.removeWriter(pair[1]));
        pair[0].close();
        pair[1].close();
    }

    /** Port of test_events.py test_add_fds_after_closing: asyncio's RuntimeError. */
    @Test
    void testAddFdsAfterClosing() throws IOException {
        EventLoop other = Asyncio.newEventLoop(options());
        other.close();
        SocketChannel[] pair = socketpair();
        assertThrows(IllegalStateException.class, () -> other.addReader(pair[0], () -> { }));
        assertThrows(IllegalStateException.class, () -> other.addWriter(pair[1], () -> { }));
        pair[0].close();
        pair[1].close();
    }

    /** test_reader_callback and test_writer_callback on descriptor numbers: the loop's own epoll set. */
    @Test
    void testFdReaderAndWriterCallbacks() throws IOException {
        assumeTrue(Transports.of(loop) == TransportKind.EPOLL, "descriptor numbers are watched on epoll");
        FileDescriptor[] pipe = FileDescriptor.pipe();
        int readEnd = pipe[0].intValue();
        int writeEnd = pipe[1].intValue();
        ByteArrayOutputStream bytesRead = new ByteArrayOutputStream();
        try {
            loop.addReader(readEnd, () -> {
                ByteBuffer buf = ByteBuffer.allocateDirect(1024);
                try {
                    int n = pipe[0].read(buf, 0, buf.capacity());
                    for (int i = 0; i < n; i++) {
                        bytesRead.write(buf.get(i));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            int[] writes = {0};
            loop.addWriter(writeEnd, () -> {
                ByteBuffer out = ByteBuffer.allocateDirect(3);
                out.put("abc".getBytes(StandardCharsets.US_ASCII)).flip();
                try {
                    pipe[1].write(out, 0, 3);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                writes[0]++;
                assertTrue(loop.removeWriter(writeEnd));
            });
            waitUntil(() -> bytesRead.size() >= 3);
            assertEquals(1, writes[0]);
            assertFalse(loop.removeWriter(writeEnd));
            assertTrue(loop.removeReader(readEnd));
            assertFalse(loop.removeReader(readEnd));
            assertEquals("abc", bytesRead.toString(StandardCharsets.US_ASCII));
        } finally {
            pipe[0].close();
            pipe[1].close();
        }
    }

    /** Descriptor numbers need a loop that polls descriptors: NIO and io_uring say so. */
    @Test
    void testFdWatchRefusedElsewhere() {
        assumeTrue(Transports.of(loop) != TransportKind.EPOLL, "epoll watches descriptor numbers");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> loop.addReader(0, () -> { }));
        assertTrue(e.getMessage().contains("needs the epoll transport"), e.getMessage());
    }
}
