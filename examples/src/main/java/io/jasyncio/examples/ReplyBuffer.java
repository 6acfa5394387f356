/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The answers to one read's requests, encoded into one growing array and written with one {@code transport.write}
 * (which copies, so the array is reused): what the RESP and HTTP encoders of the example servers write into. The
 * protocols write it out whenever it passes their budget ({@link #size()}), so it stays small whatever one read asks;
 * its growth is geometric, computed without overflow up to the largest array.
 *
 * <p>Threading: the connection's loop thread only.
 */
public abstract class ReplyBuffer {
    private static final byte[] LONG_MIN = ascii("-9223372036854775808");

    private byte[] out = new byte[16 * 1024];
    private int len;

    /**
     * The bytes of an ASCII (Latin-1) string.
     *
     * @param s the text
     * @return its bytes
     */
    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The largest array the JVM makes. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private void ensure(int more) {
        if (len + more > out.length) {
            long needed = (long) len + more;
            if (needed > MAX_ARRAY) {
                throw new OutOfMemoryError("replies over " + MAX_ARRAY + " bytes in one buffer");
            }
            // Doubling, in long arithmetic: past 1 GiB, out.length * 2 would overflow to a negative size.
            out = Arrays.copyOf(out, (int) Math.min(MAX_ARRAY, Math.max(2L * out.length, needed)));
        }
    }

    /**
     * Appends bytes.
     *
     * @param b the bytes
     */
    public final void raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, out, len, b.length);
        len += b.length;
    }

    /**
     * Appends one byte.
     *
     * @param b the byte
     */
    protected final void put(byte b) {
        ensure(1);
        out[len++] = b;
    }

    /**
     * Appends a number in decimal, without allocating.
     *
     * @param n the number
     */
    protected final void decimal(long n) {
        if (n == Long.MIN_VALUE) {
            raw(LONG_MIN);
            return;
        }
        ensure(20);
        if (n < 0) {
            out[len++] = '-';
            n = -n;
        }
        int digits = 1;
        for (long t = n; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = len + digits - 1; i >= len; i--) {
            out[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        len += digits;
    }

    /**
     * Whether nothing was appended since the last {@link #clear()}.
     *
     * @return {@code true} when empty
     */
    public final boolean isEmpty() {
        return len == 0;
    }

    /**
     * How many bytes were appended since the last {@link #clear()}: a protocol writes them out once they pass its
     * budget, so one read's replies never pile up in memory.
     *
     * @return the count
     */
    public final int size() {
        return len;
    }

    /**
     * The bytes so far, valid until the next {@link #clear()}.
     *
     * @return a view of them
     */
    public final ByteBuffer buffer() {
        return ByteBuffer.wrap(out, 0, len);
    }

    /** Empties the buffer; an array grown past 1 MiB (a large LRANGE, say) is not kept for the connection's life. */
    public final void clear() {
        len = 0;
        if (out.length > 1024 * 1024) {
            out = new byte[16 * 1024];
        }
    }
}
