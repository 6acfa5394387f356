/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import java.nio.ByteBuffer;

/**
 * Bytes a transport received, read in place by a protocol of jasyncio's own that copies what it keeps (the
 * {@code StreamReader} of a Streams connection): no {@code ByteBuffer} view is made for it. Valid only during the
 * call it is passed to; indexes are relative to the first byte received. Loop thread only.
 */
public interface ReceivedBytes {
    /**
     * How many bytes were received.
     *
     * @return the count
     */
    int length();

    /**
     * One of the bytes.
     *
     * @param index its index, from 0
     * @return the byte
     * @throws IndexOutOfBoundsException outside {@code [0, length())}
     */
    byte byteAt(int index);

    /**
     * Copies {@code [from, from + n)} into {@code dst[offset, offset + n)}.
     *
     * @param from the first index copied
     * @param dst where to
     * @param offset where in {@code dst}
     * @param n how many
     */
    void copyTo(int from, byte[] dst, int offset, int n);

    /**
     * Copies {@code [from, from + n)} to {@code dst} at its position, which moves past them; its limit stays.
     *
     * @param from the first index copied
     * @param dst where to, with at least {@code n} bytes remaining
     * @param n how many
     */
    void copyTo(int from, ByteBuffer dst, int n);

    /**
     * A {@link ByteBuffer}'s remaining bytes as {@link ReceivedBytes}; its position does not move.
     *
     * @param data the bytes
     * @return the view
     */
    static ReceivedBytes of(ByteBuffer data) {
        return new ReceivedBytes() {
            private final int base = data.position();
            private final int length = data.remaining();

            @Override
            public int length() {
                return length;
            }

            @Override
            public byte byteAt(int index) {
                java.util.Objects.checkIndex(index, length);
                return data.get(base + index);
            }

            @Override
            public void copyTo(int from, byte[] dst, int offset, int n) {
                data.get(base + from, dst, offset, n);
            }

            @Override
            public void copyTo(int from, ByteBuffer dst, int n) {
                dst.put(dst.position(), data, base + from, n);
                dst.position(dst.position() + n);
            }
        };
    }
}
