/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import io.jasyncio.StreamReader;
import io.jasyncio.tests.LoopTestBase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the {@link StreamReader} tests fed by hand share: the bytes of CPython's test_streams.py, and
 * {@code stream._buffer} read through {@link #buffer}.
 */
abstract class StreamReaderTestBase extends LoopTestBase {
    static final String DATA = "line1\nline2\nline3\n";
    private static final Pattern SIZE = Pattern.compile("^<StreamReader (\\d+) bytes");

    static ByteBuffer b(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String str(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** What the reader holds: taken out and fed back, so the reader is as it was (asyncio's {@code _buffer}). */
    String buffer(StreamReader r) {
        Matcher m = SIZE.matcher(r.toString());
        if (!m.find()) {
            return "";
        }
        int n = Integer.parseInt(m.group(1));
        byte[] held = loop.runUntilComplete(() -> r.readexactly(n));
        r.feedData(ByteBuffer.wrap(held));
        return str(held);
    }
}
