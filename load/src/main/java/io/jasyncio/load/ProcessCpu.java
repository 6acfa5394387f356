/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used, user plus system, from Linux's {@code /proc/PID/stat} (fields 14 and 15, utime
 * and stime, in clock ticks of 1/100 s: the USER_HZ of every mainstream Linux build).
 */
final class ProcessCpu {
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /**
     * Reads a process's CPU time.
     *
     * @param pid the process, or 0 for this one
     * @return nanoseconds of CPU used so far, or -1 when it cannot be read (no such process, not Linux)
     */
    static long nanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid == 0 ? "self" : Long.toString(pid), "stat"));
            // pid (comm) state ppid ...: comm may hold spaces and parentheses, so count from the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
