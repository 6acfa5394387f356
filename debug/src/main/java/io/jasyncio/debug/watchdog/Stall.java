/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.watchdog;

import java.util.List;
import java.util.Locale;

/**
 * One stall of a loop as the watchdog saw it: what ran, for how long, how much of it the JVM spent in GC pauses, and the
 * distinct stacks sampled from the blocked thread.
 *
 * @param loop the loop's description
 * @param running the handle (or "the I/O poll") that ran when the loop stalled
 * @param task the task whose step ran, or {@code null}
 * @param taskCreatedAt where that task was created (recorded in debug mode), empty when unknown
 * @param durationNanos how long the loop has been blocked, measured by the watchdog (to within a sampling period)
 * @param gcNanos the GC pause time of the whole JVM during the stall
 * @param thresholdNanos the watchdog's threshold for this loop
 * @param samples how many stacks were sampled
 * @param stacks the distinct stacks, most frequent first
 * @param ended {@code true} when the loop went on, {@code false} when it was still blocked at the report
 */
public record Stall(String loop, String running, String task, List<StackTraceElement> taskCreatedAt,
        long durationNanos, long gcNanos, long thresholdNanos, int samples, List<StackSample> stacks, boolean ended) {

    /**
     * One distinct stack and how often it was seen.
     *
     * @param frames the frames, innermost first
     * @param count how many samples showed it
     */
    public record StackSample(List<StackTraceElement> frames, int count) {
    }

    /**
     * Whether GC pauses explain most of the stall: the JVM, not the callback, stood still.
     *
     * @return {@code true} when GC pauses took at least half of the stall
     */
    public boolean mostlyGc() {
        return gcNanos * 2 >= durationNanos && gcNanos > 0;
    }

    /**
     * The report the watchdog logs.
     *
     * @return a multi-line message
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("Event loop ").append(loop).append(ended ? " was blocked for " : " is still blocked after ")
                .append(seconds(durationNanos)).append(" seconds (watchdog threshold ").append(seconds(thresholdNanos))
                .append(") in ").append(running);
        if (task != null) {
            sb.append(", running ").append(task);
            if (!taskCreatedAt.isEmpty()) {
                sb.append(" created at ").append(taskCreatedAt.get(0));
            }
        }
        sb.append("; GC pauses: ").append(seconds(gcNanos)).append(" seconds");
        if (mostlyGc()) {
            sb.append(" (mostly a GC pause, not the callback)");
        }
        sb.append("; ").append(samples).append(samples == 1 ? " sample, " : " samples, ").append(stacks.size())
                .append(stacks.size() == 1 ? " distinct stack" : " distinct stacks");
        for (StackSample s : stacks) {
            sb.append("\n  seen ").append(s.count()).append(s.count() == 1 ? " time:" : " times:");
            for (StackTraceElement f : s.frames()) {
                sb.append("\n    at ").append(f);
            }
        }
        if (taskCreatedAt.size() > 1) {
            sb.append("\n  task created at:");
            for (StackTraceElement f : taskCreatedAt) {
                sb.append("\n    at ").append(f);
            }
        }
        return sb.toString();
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
