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

    /**
     * Skips a test whose process must handle {@code signal} when this process ignores it, as everything started under
     * {@code nohup} ignores SIGHUP: the JVM, and a child JVM that inherits the disposition, then refuses to handle it
     * (HotSpot installs no handler for a shutdown signal ignored at start-up).
     *
     * @param number the signal's number, for example 1 for SIGHUP
     */
    public static void assumeSignalNotIgnored(int number) {
        java.nio.file.Path status = java.nio.file.Path.of("/proc/self/status");
        if (!java.nio.file.Files.isReadable(status)) {
            return;
        }
        try {
            for (String line : java.nio.file.Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                    assumeTrue((ignored & (1L << (number - 1))) == 0,
                            "signal " + number + " is ignored by this process (started under nohup?), so a child"
                                    + " JVM cannot handle it");
                }
            }
        } catch (java.io.IOException e) {
            // not Linux's /proc: nothing to check
        }
    }
}
