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

import io.jasyncio.Asyncio;
import io.jasyncio.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loop.sock_sendfile}: ports of CPython's test_asyncio/test_sendfile.py (SockSendfileMixin) and of the argument
 * checks of test_base_events.py (BaseLoopSockSendfileTests), on every backend.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SockSendfileTest extends NetTestBase {
    /** Larger than the socket buffers, so that the transfer waits for room several times. */
    private static final byte[] DATA = new byte[1024 * 1024 + 7];

    @TempDir
    static Path dir;
    private static Path file;

    @BeforeAll
    static void makeFile() throws IOException {
        new Random(7).nextBytes(DATA);
        file = dir.resolve("data.bin");
        Files.write(file, DATA);
    }

    /** A connected pair: the non-blocking sender and the non-blocking receiver. */
    private static SocketChannel[] pair() throws IOException {
        try (ServerSocketChannel l = ServerSocketChannel.open()) {
            l.bind(new InetSocketAddress("127.0.0.1", 0));
            SocketChannel a = SocketChannel.open(l.getLocalAddress());
            SocketChannel b = l.accept();
            a.configureBlocking(false);
            b.configureBlocking(false);
            return new SocketChannel[] {a, b};
        }
    }

    /** Sends with sock_sendfile while a task reads all with sock_recv; returns what was read. */
    private byte[] sendAndReceive(SocketChannel[] p, FileChannel f, long offset, Long count, long[] sent) {
        return loop.runUntilComplete(() -> {
            Task<byte[]> reading = loop.createTask(() -> {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (;;) {
                    byte[] b = Asyncio.await(loop.sockRecv(p[1], 65536));
                    if (b.length == 0) {
                        return all.toByteArray();
                    }
                    all.write(b);
                }
            });
            sent[0] = Asyncio.await(loop.sockSendfile(p[0], f, offset, count, true));
            p[0].shutdownOutput();
            return Asyncio.await(reading);
        });
    }

    /** Port of test_sendfile.py test_sock_sendfile_success. */
    @Test
    void testSockSendfileSuccess() throws IOException {
        SocketChannel[] p = pair();
        try (FileChannel f = FileChannel.open(file); SocketChannel a = p[0]; SocketChannel b = p[1]) {
            long[] sent = {0};
            byte[] received = sendAndReceive(p, f, 0, null, sent);
            assertEquals(DATA.length, sent[0]);
            assertArrayEquals(DATA, received);
            assertEquals(DATA.length, f.position());
        }
    }

    /** Port of test_sendfile.py test_sock_sendfile_with_offset_and_count. */
    @Test
    void testSockSendfileWithOffsetAndCount() throws IOException {
        SocketChannel[] p = pair();
        try (FileChannel f = FileChannel.open(file); SocketChannel a = p[0]; SocketChannel b = p[1]) {
            long[] sent = {0};
            byte[] received = sendAndReceive(p, f, 1000, 2000L, sent);
            assertEquals(2000, sent[0]);
            assertArrayEquals(Arrays.copyOfRange(DATA, 1000, 3000), received);
            assertEquals(3000, f.position());
        }
    }

    /** Port of test_sendfile.py test_sock_sendfile_zero_size: an empty file sends nothing. */
    @Test
    void testSockSendfileZeroSize() throws IOException {
        Path empty = dir.resolve("empty.bin");
        Files.write(empty, new byte[0]);
        SocketChannel[] p = pair();
        try (FileChannel f = FileChannel.open(empty); SocketChannel a = p[0]; SocketChannel b = p[1]) {
            long[] sent = {-1};
            byte[] received = sendAndReceive(p, f, 0, null, sent);
            assertEquals(0, sent[0]);
            assertEquals(0, received.length);
        }
    }

    /** Port of test_base_events.py BaseLoopSockSendfileTests.test_blocking_socket. */
    @Test
    void testBlockingSocket() throws IOException {
        SocketChannel[] p = pair();
        try (FileChannel f = FileChannel.open(file); SocketChannel a = p[0]; SocketChannel b = p[1]) {
            p[0].configureBlocking(true);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.sockSendfile(p[0], f));
            assertEquals("the socket must be non-blocking", e.getMessage());
        }
    }

    /** Port of test_base_events.py BaseLoopSockSendfileTests.test_negative_offset. */
    @Test
    void testNegativeOffset() throws IOException {
        SocketChannel[] p = pair();
        try (FileChannel f = FileChannel.open(file); SocketChannel a = p[0]; SocketChannel b = p[1]) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.sockSendfile(p[0], f, -1, null, true));
            assertEquals("offset must be a non-negative integer (got -1)", e.getMessage());
        }
    }

    /** Port of test_base_events.py BaseLoopSockSendfileTests.test_negative_count and test_zero_count. */
    @Test
    void testNegativeCount() throws IOException {
        SocketChannel[] p = pair();
        try (FileChannel f = FileChannel.open(file); SocketChannel a = p[0]; SocketChannel b = p[1]) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.sockSendfile(p[0], f, 0, -1L, true));
            assertEquals("count must be a positive integer (got -1)", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> loop.sockSendfile(p[0], f, 0, 0L, true));
            assertEquals("count must be a positive integer (got 0)", e.getMessage());
        }
    }
}
