/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import io.jasyncio.tests.Gc;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.LoopOptions;
import io.jasyncio.tests.LogCapture;
import io.jasyncio.tests.LoopTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A loop in debug mode (the debug module's checks installed) and the {@code asyncio} logger captured. Checks made at
 * collection are waited for with {@link Gc#until}: {@code System.gc()} in a loop bounded by a deadline.
 */
abstract class DebugTestBase extends LoopTestBase {
    private LogCapture capture;

    @Override
    protected LoopOptions options() {
        return super.options().withDebug(true);
    }

    @BeforeEach
    void startCapture() {
        capture = new LogCapture();
    }

    @AfterEach
    void stopCapture() {
        capture.close();
    }

    /** What was logged so far. */
    protected String log() {
        return capture.text();
    }


    /** Waits (collecting) for a text in the log, failing with the log when it does not come. */
    protected void awaitLog(String text) {
        assertTrue(Gc.until(() -> log().contains(text)), "no '" + text + "' in:\n" + log());
    }
}
