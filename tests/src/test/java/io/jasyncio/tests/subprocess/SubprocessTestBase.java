/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.subprocess;

import io.jasyncio.LoopOptions;
import io.jasyncio.Ticker;
import io.jasyncio.tests.LoopTestBase;
import java.util.List;

/** Real time, and the small programs the tests run as children. */
abstract class SubprocessTestBase extends LoopTestBase {
    /** A child that blocks: asyncio's {@code PROGRAM_BLOCKED}. */
    static final List<String> PROGRAM_BLOCKED = List.of("sleep", "3600");
    /** A child that copies its input to its output: asyncio's {@code PROGRAM_CAT}. */
    static final List<String> PROGRAM_CAT = List.of("cat");

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system()); // real children, real time
    }

    /** The bytes of an ASCII text. */
    static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** An ASCII text of bytes. */
    static String text(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
