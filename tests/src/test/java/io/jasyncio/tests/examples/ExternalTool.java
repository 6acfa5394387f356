/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real client program (redis-cli, redis-benchmark, curl, wrk) run against a server under test. Tests that need one
 * are skipped, saying why, where it is not installed ({@code scripts/install-test-tools.sh} installs them).
 */
final class ExternalTool {
    /** What the program did: its exit status and its output (stdout and stderr together). */
    record Result(int exit, String output) {
        List<String> lines() {
            // Progress lines end with \r (redis-benchmark): each is a line of its own.
            return output.lines().flatMap(l -> java.util.Arrays.stream(l.split("\r"))).filter(l -> !l.isBlank())
                    .toList();
        }
    }

    private ExternalTool() {
    }

    /** Skips the test unless the program is on the PATH. */
    static void assumeInstalled(String program) {
        assumeTrue(find(program) != null, program + " is not installed (scripts/install-test-tools.sh installs it)");
    }

    private static File find(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (f.canExecute()) {
                return f;
            }
        }
        return null;
    }

    /**
     * Runs a program to its end, killing it after the timeout.
     *
     * @param timeoutSeconds how long it may run
     * @param command the program and its arguments
     * @return its exit status and output
     */
    static Result run(int timeoutSeconds, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            byte[][] out = new byte[1][];
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = ("(output lost: " + e + ")").getBytes(StandardCharsets.UTF_8);
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
            }
            reader.join();
            return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
