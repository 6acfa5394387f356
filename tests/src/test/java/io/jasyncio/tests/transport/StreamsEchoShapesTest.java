/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.Asyncio;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Streams;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Streams echo servers written as asyncio code is ({@code readline}, {@code read(n)}, {@code readexactly(n)}, then
 * {@code write} and {@code drain}) over real connections, whose reader copies each read straight from the
 * transport's buffer: lines pipelined in one write, lines cut at odd places, a line larger than any one read. Every
 * byte comes back once, in order.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamsEchoShapesTest extends NetTestBase {
    private static void echoLines(StreamReader reader, StreamWriter writer) {
        while (true) {
            byte[] line = reader.readline();
            if (line.length == 0) {
                break;
            }
            writer.write(line);
            writer.drain();
        }
        writer.close();
    }

    private static void echoChunks(StreamReader reader, StreamWriter writer) {
        while (true) {
            byte[] chunk = reader.read(262144);
            if (chunk.length == 0) {
                break;
            }
            writer.write(chunk);
            writer.drain();
        }
        writer.close();
    }

    private static Streams.ClientConnected echoExactly(int n) {
        return (reader, writer) -> {
            while (true) {
                byte[] message;
                try {
                    message = reader.readexactly(n);
                } catch (io.jasyncio.IncompleteReadError e) {
                    writer.write(e.partial());
                    break;
                }
                writer.write(message);
                writer.drain();
            }
            writer.close();
        };
    }

    /** Lines of many lengths, one of 300,000 bytes, each ending in {@code \n}. */
    private static byte[] lines() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 400; i++) {
            int n = i == 200 ? 300_000 : random.nextInt(3000);
            for (int k = 0; k < n; k++) {
                out.write('a' + random.nextInt(26));
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** Sends {@code data} in pieces of odd sizes (some pipelining many lines, some cutting one), then reads it all. */
    private byte[] roundTrip(Streams.ClientConnected handler, byte[] data) {
        Server server = loop.runUntilComplete(() -> Asyncio.startServer(handler, "127.0.0.1", 0,
                ServerOptions.defaults().withLimit(1 << 20)));
        try {
            return loop.runUntilComplete(() -> {
                Streams s = Asyncio.openConnection("127.0.0.1", port(server));
                Asyncio.createTask(() -> {
                    java.util.Random random = new java.util.Random(5);
                    int at = 0;
                    while (at < data.length) {
                        int n = Math.min(data.length - at, 1 + random.nextInt(random.nextBoolean() ? 17 : 70_000));
                        s.writer().write(java.util.Arrays.copyOfRange(data, at, at + n));
                        s.writer().drain();
                        at += n;
                        if (random.nextInt(4) == 0) {
                            Asyncio.sleep(0.001); // lets a read end here, mid-line
                        }
                    }
                    s.writer().writeEof();
                    return null;
                });
                byte[] back = s.reader().read(-1);
                s.writer().close();
                return back;
            });
        } finally {
            server.close();
        }
    }

    @Test
    void testReadlineEchoKeepsEveryByte() {
        byte[] data = lines();
        assertArrayEquals(data, roundTrip(StreamsEchoShapesTest::echoLines, data));
    }

    @Test
    void testReadChunkEchoKeepsEveryByte() {
        byte[] data = lines();
        assertArrayEquals(data, roundTrip(StreamsEchoShapesTest::echoChunks, data));
    }

    @Test
    void testReadexactlyEchoKeepsEveryByte() {
        byte[] data = lines();
        byte[] back = roundTrip(echoExactly(1024), data);
        assertEquals(data.length, back.length);
        assertArrayEquals(data, back);
    }
}
