/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import io.jasyncio.BaseProtocol;
import io.jasyncio.Protocol;
import io.jasyncio.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport without a socket (asyncio's tests use a mock the same way): records each write and whether the
 * protocol closed it, so a protocol can be fed bytes split exactly where a test wants.
 */
final class FakeTransport implements Transport {
    final List<byte[]> writes = new ArrayList<>();
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    boolean closed;
    boolean reading = true;
    /** With {@link #limitWrites}: the bytes written and not drained, the most there ever were, and the high mark. */
    long buffered;
    long maxBuffered;
    private int high = -1;
    private boolean writingPaused;
    private BaseProtocol protocol;

    /** Connects a protocol to a new fake transport. */
    static FakeTransport connect(Protocol protocol) {
        FakeTransport t = new FakeTransport();
        t.protocol = protocol;
        protocol.connectionMade(t);
        return t;
    }

    /** Feeds bytes to the protocol as one dataReceived, as a direct buffer like the socket's. */
    void feed(byte[] bytes, int from, int to) {
        ByteBuffer b = ByteBuffer.allocateDirect(to - from);
        b.put(bytes, from, to - from).flip();
        ((Protocol) protocol).dataReceived(b.asReadOnlyBuffer());
    }

    void feed(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        feed(b, 0, b.length);
    }

    /** Makes the transport keep what is written, as a socket whose peer does not read, with a high-water mark. */
    void limitWrites(int highWaterMark) {
        high = highWaterMark;
    }

    /** The peer reads everything: the buffer empties and a paused protocol hears resumeWriting. */
    void drain() {
        buffered = 0;
        if (writingPaused) {
            writingPaused = false;
            protocol.resumeWriting();
        }
    }

    /** Everything written so far, as Latin-1 text. */
    String output() {
        return written.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void write(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        writes.add(b);
        written.writeBytes(b);
        if (high >= 0) {
            buffered += b.length;
            maxBuffered = Math.max(maxBuffered, buffered);
            if (!writingPaused && buffered > high) {
                writingPaused = true;
                protocol.pauseWriting(); // inside the write, as the real transports do
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosing() {
        return closed;
    }

    @Override
    public Object getExtraInfo(String name) {
        return null;
    }

    @Override
    public boolean isReading() {
        return reading;
    }

    @Override
    public void pauseReading() {
        reading = false;
    }

    @Override
    public void resumeReading() {
        reading = true;
    }

    @Override
    public void writeEof() {
        closed = true;
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void abort() {
        closed = true;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
    }

    @Override
    public long getWriteBufferSize() {
        return buffered;
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {16 * 1024, 64 * 1024};
    }

    @Override
    public BaseProtocol getProtocol() {
        return protocol;
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        this.protocol = protocol;
    }
}
