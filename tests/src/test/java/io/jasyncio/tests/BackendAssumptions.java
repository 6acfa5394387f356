/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.transport.TransportKind;

/** Skips a suite, with the reason, when the backend the build asks for cannot run on this machine. */
public final class BackendAssumptions {

    private BackendAssumptions() {
    }

    /** Assumes the backend named by {@code jasyncio.transport} is available here. */
    public static void assumeBackendAvailable() {
        String asked = System.getProperty("jasyncio.transport");
        if (asked == null || asked.isBlank()) {
            return;
        }
        TransportKind kind = TransportKind.of(asked);
        assumeTrue(kind.isAvailable(), () -> kind + " is not available here: " + kind.unavailabilityCause());
    }
}
