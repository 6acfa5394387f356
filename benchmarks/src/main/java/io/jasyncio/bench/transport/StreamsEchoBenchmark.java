/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.transport;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Streams;
import io.jasyncio.Transport;
import io.jasyncio.bench.AbstractLoopBenchmark;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;

/**
 * A Streams echo over loopback TCP, written as asyncio code is, client and server on one loop: each operation is one
 * message of {@code size} bytes (ending in {@code \n}) written by a Protocol client, which writes the next one once
 * the echo has come back; an invocation runs {@value #MESSAGES} of them in one run of the loop, so that the cost of
 * driving the loop from JMH is spread thin. The server's task reads in the {@code shape} asked for, then
 * {@code write} and {@code drain}:
 *
 * <ul>
 * <li>{@code line}: {@code readline()}, as vmbench's and uvloop's Streams echo;</li>
 * <li>{@code read}: {@code read(262144)}, as uvloop's {@code --mode read} echo;</li>
 * <li>{@code readexactly}: {@code readexactly(size)};</li>
 * <li>{@code protocol}: no Streams at all, a Protocol echo of each chunk, the yardstick: what the client, the loop and
 *     the transport cost per message.</li>
 * </ul>
 *
 * <p>With {@code -prof gc}, {@code gc.alloc.rate.norm} of a shape less that of {@code protocol} is what the Streams
 * layer allocates per message: the arrays the API returns ({@code size} bytes and a 16-byte header for one array
 * per message) and anything else. Run: {@code ./jasyncio bench -prof gc -p transport=epoll StreamsEchoBenchmark}.
 */
public class StreamsEchoBenchmark extends AbstractLoopBenchmark {
    /** Messages per invocation. */
    static final int MESSAGES = 100;

    /** Bytes per message, its last one {@code \n}. */
    @Param({"1024", "102400"})
    public int size;

    /** How the server reads: {@code line}, {@code read}, {@code readexactly}, or {@code protocol}. */
    @Param({"line", "read", "readexactly", "protocol"})
    public String shape;

    private Server server;
    private Transport client;
    private ByteBuffer payload;
    private long received;
    private int left;
    private Future<Long> done;

    /** The yardstick: a Protocol echo of each chunk. */
    private static final class EchoBack implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }
    }

    /** The client's end: counts the echo until the whole message is back. */
    private final class Counter implements Protocol {
        @Override
        public void connectionMade(Transport t) {
            client = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            received += data.remaining();
            if (received >= size) {
                received = 0;
                if (--left > 0) {
                    client.write(payload.clear());
                } else if (done != null && !done.done()) {
                    done.setResult((long) size);
                }
            }
        }
    }

    private Streams.ClientConnected handler() {
        int n = size;
        return switch (shape) {
            case "line" -> (reader, writer) -> {
                while (true) {
                    byte[] line = reader.readline();
                    if (line.length == 0) {
                        break;
                    }
                    writer.write(line);
                    writer.drain();
                }
                writer.close();
            };
            case "read" -> (reader, writer) -> {
                while (true) {
                    byte[] chunk = reader.read(262144);
                    if (chunk.length == 0) {
                        break;
                    }
                    writer.write(chunk);
                    writer.drain();
                }
                writer.close();
            };
            case "readexactly" -> (StreamReader reader, StreamWriter writer) -> {
                while (!reader.atEof()) {
                    byte[] message = reader.readexactly(n);
                    writer.write(message);
                    writer.drain();
                }
                writer.close();
            };
            default -> throw new IllegalArgumentException("shape: line, read, readexactly or protocol, not " + shape);
        };
    }

    @Override
    protected void afterLoopsStarted() {
        payload = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size - 1; i++) {
            payload.put(i, (byte) ('a' + i % 26));
        }
        payload.put(size - 1, (byte) '\n');
        if (shape.equals("protocol")) {
            server = loop.runUntilComplete(loop.createServer(EchoBack::new, "127.0.0.1", 0));
        } else {
            Streams.ClientConnected handler = handler();
            server = loop.runUntilComplete(() -> Asyncio.startServer(handler, "127.0.0.1", 0,
                    ServerOptions.defaults().withLimit(1 << 20)));
        }
        int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
        loop.runUntilComplete(loop.createConnection(Counter::new, "127.0.0.1", port));
    }

    @Override
    protected void beforeLoopsClosed() {
        client.close();
        server.close();
    }

    /**
     * {@value #MESSAGES} echoes of {@code size} bytes, one after the other.
     *
     * @return the bytes of one message, for JMH to consume
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long echo() {
        received = 0;
        left = MESSAGES;
        done = loop.createFuture();
        loop.callSoon(() -> client.write(payload.clear()));
        return loop.runUntilComplete(done);
    }
}
