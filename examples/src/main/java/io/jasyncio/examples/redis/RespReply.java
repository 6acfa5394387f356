/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.redis;

import io.jasyncio.examples.ReplyBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The replies to one batch of commands, encoded in RESP2 into a {@link ReplyBuffer}: one growing array written with
 * one {@code transport.write}.
 */
final class RespReply extends ReplyBuffer {
    static final byte[] OK = ascii("+OK\r\n");
    static final byte[] PONG = ascii("+PONG\r\n");
    static final byte[] NULL = ascii("$-1\r\n");
    static final byte[] NULL_ARRAY = ascii("*-1\r\n");
    static final byte[] EMPTY_ARRAY = ascii("*0\r\n");
    static final byte[] ZERO = ascii(":0\r\n");
    static final byte[] ONE = ascii(":1\r\n");
    static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

    private static final byte[] CRLF = ascii("\r\n");

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
        raw(CRLF);
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
        put(type);
        decimal(n);
        raw(CRLF);
    }
}
