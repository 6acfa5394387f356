/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what the loggers write while it is open: the tests' slf4j-simple writes to {@code System.err} (see
 * {@code simplelogger.properties}), looked up at each message, so swapping {@code System.err} captures the
 * {@code asyncio} logger. Use in try-with-resources; the suite runs its tests one at a time.
 */
public final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream saved;

    /** Starts capturing. */
    public LogCapture() {
        saved = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /**
     * What was logged so far.
     *
     * @return the text
     */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Stops capturing and restores {@code System.err}. */
    @Override
    public void close() {
        System.setErr(saved);
    }
}
