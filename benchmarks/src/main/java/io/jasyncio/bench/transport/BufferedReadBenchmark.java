/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.transport;

import io.jasyncio.BufferedProtocol;
import io.jasyncio.Future;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import io.jasyncio.bench.AbstractLoopBenchmark;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A BufferedProtocol echo over loopback TCP, client and server on one loop: each operation writes {@code size} bytes
 * and waits until the echo has come back. Both ends are BufferedProtocols with one direct buffer each, so each
 * operation reads {@code 2 x size} bytes. Here the transport reads into the protocols' buffers in place;
 * {@link BufferedReadCopyBenchmark} is the same with {@code -Djasyncio.transport.readInto=false}, the copy from a
 * buffer of Netty's that this replaces.
 */
public class BufferedReadBenchmark extends AbstractLoopBenchmark {
    /** Bytes per message. */
    @Param({"1024", "262144"})
    public int size;

    private Server server;
    private Transport client;
    private ByteBuffer payload;
    private final ByteBuffer clientBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private long received;
    private Future<Long> done;

    /** The server's end: echoes each read from its own buffer. */
    private static final class EchoBack implements BufferedProtocol {
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            return buffer.clear();
        }

        @Override
        public void bufferUpdated(int nbytes) {
            transport.write(buffer.flip());
        }
    }

    /** The client's end: counts the echo until the whole message is back. */
    private final class Counter implements BufferedProtocol {
        @Override
        public void connectionMade(Transport t) {
            client = t;
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            return clientBuffer.clear();
        }

        @Override
        public void bufferUpdated(int nbytes) {
            received += nbytes;
            if (received >= size && done != null && !done.done()) {
                done.setResult(received);
            }
        }
    }

    @Override
    protected void afterLoopsStarted() {
        payload = ByteBuffer.allocateDirect(size);
        server = loop.runUntilComplete(loop.createServer(EchoBack::new, "127.0.0.1", 0));
        int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
        loop.runUntilComplete(loop.createConnection(Counter::new, "127.0.0.1", port));
    }

    @Override
    protected void beforeLoopsClosed() {
        client.close();
        server.close();
    }

    /**
     * The loop thread's CPU time (user and system: loopback TCP is processed in the sending thread's system calls)
     * over the echoes of an iteration: {@code cpuNanos / echoes} is the CPU one echo costs, which the other work on a
     * shared machine disturbs far less than the wall time between wake-ups.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        /** CPU nanoseconds of the loop thread in the iteration's echoes. */
        public long cpuNanos;
        /** Echoes in the iteration. */
        public long echoes;

        /** Starts each iteration's counts at zero. */
        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            echoes = 0;
        }

        long now() {
            return THREADS.getCurrentThreadCpuTime();
        }
    }

    /**
     * One echo of {@code size} bytes: a write, two reads of {@code size} bytes into BufferedProtocols' buffers.
     *
     * @param cpu the CPU-time counters
     * @return the bytes echoed, for JMH to consume
     */
    @Benchmark
    public long echo(Cpu cpu) {
        long start = cpu.now();
        received = 0;
        done = loop.createFuture();
        client.write(payload.clear());
        long n = loop.runUntilComplete(done);
        cpu.cpuNanos += cpu.now() - start;
        cpu.echoes++;
        return n;
    }
}
