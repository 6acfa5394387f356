/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.jasyncio.Signal;
import io.jasyncio.SubprocessOptions;
import io.jasyncio.transport.internal.OsErrors;
import java.io.File;
import java.io.IOException;
import java.util.List;

/** Turns {@link SubprocessOptions} into a {@link ProcessBuilder}, and the JDK's exit status into asyncio's. */
final class Launch {
    private static final File NULL_DEVICE = new File("/dev/null");

    private Launch() {
    }

    static ProcessBuilder builder(List<String> args, SubprocessOptions options) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("program arguments must be a non-empty list");
        }
        ProcessBuilder pb = new ProcessBuilder(args);
        if (options.cwd() != null) {
            pb.directory(options.cwd().toFile());
        }
        if (options.env() != null) {
            pb.environment().clear();
            pb.environment().putAll(options.env());
        }
        pb.redirectInput(switch (options.stdin().kind()) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.from(NULL_DEVICE);
            case FILE -> ProcessBuilder.Redirect.from(options.stdin().file().toFile());
            default -> ProcessBuilder.Redirect.INHERIT;
        });
        pb.redirectOutput(output(options.stdout()));
        if (options.stderr().kind() == SubprocessOptions.Redirect.Kind.STDOUT) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(output(options.stderr()));
        }
        return pb;
    }

    private static ProcessBuilder.Redirect output(SubprocessOptions.Redirect r) {
        return switch (r.kind()) {
            case PIPE -> ProcessBuilder.Redirect.PIPE;
            case DEVNULL -> ProcessBuilder.Redirect.DISCARD;
            case FILE -> r.append() ? ProcessBuilder.Redirect.appendTo(r.file().toFile())
                    : ProcessBuilder.Redirect.to(r.file().toFile());
            default -> ProcessBuilder.Redirect.INHERIT;
        };
    }

    /**
     * asyncio's return code: the JDK reports a death by signal N as 128 + N; asyncio as -N.
     *
     * @param exitValue what {@link Process#exitValue()} says
     * @return the exit status, or minus the signal number
     */
    static int returncode(int exitValue) {
        return exitValue > 128 && exitValue < 128 + 65 ? -(exitValue - 128) : exitValue;
    }

    /** Sends a signal with the {@code kill} command: started, not waited for (the JDK reaps it). */
    static void kill(long pid, Signal signal) {
        try {
            new ProcessBuilder("kill", "-" + signal.name().substring(3), Long.toString(pid))
                    .redirectInput(ProcessBuilder.Redirect.from(NULL_DEVICE))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw (RuntimeException) OsErrors.of(e);
        }
    }
}
