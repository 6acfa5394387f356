/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.transport;

import io.jasyncio.Future;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import io.jasyncio.bench.AbstractLoopBenchmark;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * A write outside a read, with nothing queued, over loopback TCP, client and server on one loop: each operation
 * writes {@code size} bytes from a loop callback (as a task or a timer writes) and waits until the server has read
 * them all. Such a write goes to the socket at once, a direct buffer from the caller's memory, a heap one through the
 * loop's scratch buffer; {@link WriteQueuedBenchmark} is the same with {@code -Djasyncio.transport.immediateSend=false},
 * the copy into a pooled Netty buffer that it replaces. With {@code -prof gc}, the bytes allocated per write.
 */
public class WriteBenchmark extends AbstractLoopBenchmark {
    /** Bytes per write. */
    @Param({"1024", "65536"})
    public int size;

    /** Where the bytes are: {@code heap} (a wrapped array) or {@code direct}. */
    @Param({"heap", "direct"})
    public String buffer;

    private Server server;
    private Transport client;
    private ByteBuffer payload;
    private long received;
    private Future<Long> done;
    private final Runnable write = () -> client.write(payload);

    /** The server's end: counts what it reads until the whole write is in. */
    private final class Sink implements Protocol {
        @Override
        public void dataReceived(ByteBuffer data) {
            received += data.remaining();
            if (received >= size && done != null && !done.done()) {
                done.setResult(received);
            }
        }
    }

    @Override
    protected void afterLoopsStarted() {
        payload = buffer.equals("direct") ? ByteBuffer.allocateDirect(size) : ByteBuffer.wrap(new byte[size]);
        server = loop.runUntilComplete(loop.createServer(Sink::new, "127.0.0.1", 0));
        int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
        client = loop.runUntilComplete(loop.createConnection(() -> (Protocol) data -> { }, "127.0.0.1", port))
                .transport();
    }

    @Override
    protected void beforeLoopsClosed() {
        client.close();
        server.close();
    }

    /**
     * One write of {@code size} bytes made on the loop, and the server's reads of it.
     *
     * @return the bytes read, for JMH to consume
     */
    @Benchmark
    public long write() {
        received = 0;
        done = loop.createFuture();
        loop.callSoon(write);
        return loop.runUntilComplete(done);
    }
}
