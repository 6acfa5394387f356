/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The replies to one batch of commands, encoded in RESP2 into one growing array and written with one
 * {@code transport.write} (the transport copies the bytes, so the array is reused).
 */
final class RespReply {
    static final byte[] OK = ascii("+OK\r\n");
    static final byte[] PONG = ascii("+PONG\r\n");
    static final byte[] NULL = ascii("$-1\r\n");
    static final byte[] NULL_ARRAY = ascii("*-1\r\n");
    static final byte[] EMPTY_ARRAY = ascii("*0\r\n");
    static final byte[] ZERO = ascii(":0\r\n");
    static final byte[] ONE = ascii(":1\r\n");
    static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

    // Threading: the connection's loop thread only.
    private byte[] out = new byte[16 * 1024];
    private int len;

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void ensure(int more) {
        if (len + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, len + more));
        }
    }

    void raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, out, len, b.length);
        len += b.length;
    }

    /** {@code +text}. */
    void simple(String text) {
        raw(ascii("+" + text + "\r\n"));
    }

    /** {@code -message}; the message starts with its code, e.g. "ERR ...". */
    void error(String message) {
        raw(ascii("-" + message.replace('\r', ' ').replace('\n', ' ') + "\r\n"));
    }

    /** {@code :n}. */
    void integer(long n) {
        if (n == 0 || n == 1) {
            raw(n == 0 ? ZERO : ONE);
            return;
        }
        prefixed((byte) ':', n);
    }

    /** {@code $len value}, or the null bulk for {@code null}. */
    void bulk(byte[] value) {
        if (value == null) {
            raw(NULL);
            return;
        }
        prefixed((byte) '$', value.length);
        raw(value);
        ensure(2);
        out[len++] = '\r';
        out[len++] = '\n';
    }

    /** A key or member kept as a Latin-1 string, as a bulk. */
    void bulk(String value) {
        bulk(value == null ? null : value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** {@code *count}, followed by the count elements. */
    void arrayHeader(int count) {
        prefixed((byte) '*', count);
    }

    /** A type byte, a decimal number and CRLF, without allocating. */
    private void prefixed(byte type, long n) {
        ensure(24);
        out[len++] = type;
        if (n < 0) {
            if (n == Long.MIN_VALUE) {
                raw(ascii("-9223372036854775808\r\n"));
                return;
            }
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
        out[len++] = '\r';
        out[len++] = '\n';
    }

    boolean isEmpty() {
        return len == 0;
    }

    /** The bytes so far, valid until the next {@link #clear()}. */
    ByteBuffer buffer() {
        return ByteBuffer.wrap(out, 0, len);
    }

    void clear() {
        len = 0;
        if (out.length > 1024 * 1024) {
            out = new byte[16 * 1024]; // do not keep a large LRANGE's array for the connection's life
        }
    }
}
