/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.LoopOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Debug mode with no debug checks on the class path (loop-api's own tests have none): said once per JVM, at WARN on
 * the {@code asyncio} logger.
 */
class DebugWithoutChecksTest {

    /** A loop with no I/O: enough to be made and closed. */
    private static final class NoIoLoop extends BaseEventLoop {
        NoIoLoop(LoopOptions options) {
            super(options);
        }

        @Override
        protected void pollIo(long timeoutNanos) {
        }

        @Override
        protected void wakeup() {
        }
    }

    @Test
    void testSaidOnceWhenNoChecksInstalled() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new NoIoLoop(LoopOptions.defaults().withDebug(false)).close();
            assertTrue(!captured.toString(StandardCharsets.UTF_8).contains(DebugSupport.NO_CHECKS),
                    "debug mode off: nothing said");
            new NoIoLoop(LoopOptions.defaults().withDebug(true)).close();
            NoIoLoop later = new NoIoLoop(LoopOptions.defaults().withDebug(false));
            later.setDebug(true);
            later.close();
            new NoIoLoop(LoopOptions.defaults().withDebug(true)).close();
        } finally {
            System.setErr(saved);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        String line = "WARN asyncio - debug mode is on but no checks are installed: add jasyncio-debug";
        assertTrue(log.contains(line), log);
        assertEquals(log.indexOf(line), log.lastIndexOf(line), "said once per JVM:\n" + log);
    }
}
