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
        return 0;
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
