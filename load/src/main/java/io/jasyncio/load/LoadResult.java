/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What a run measured, and its report as text or JSON.
 *
 * @param options the run's options
 * @param elapsedNanos how long the measurement lasted
 * @param latency every latency measured, in nanoseconds, as HdrHistogram records it
 * @param requests the requests completed while measuring
 * @param bytes the bytes received while measuring
 * @param errors failed connections, lost connections, error responses, malformed responses, in the whole run
 * @param firstError the first error's description, or {@code null}
 * @param serverCpuNanos the server process's CPU time while measuring, or -1 when not asked or not readable
 * @param clientCpuNanos this process's CPU time while measuring, or -1 when not readable
 * @param timeline the measured window second by second (the last point may cover less than a second)
 */
public record LoadResult(LoadOptions options, long elapsedNanos, Histogram latency, long requests, long bytes,
        long errors, String firstError, long serverCpuNanos, long clientCpuNanos, List<Second> timeline) {

    /**
     * One second of the measured window.
     *
     * @param endSeconds when it ended, seconds since measuring began
     * @param requestsPerSecond the requests completed in it, per second
     * @param p99Micros the 99th percentile of their latencies, in microseconds
     */
    public record Second(double endSeconds, double requestsPerSecond, double p99Micros) {
    }

    /**
     * Returns the completed requests per second.
     *
     * @return requests / elapsed seconds
     */
    public double requestsPerSecond() {
        return requests / seconds();
    }

    /**
     * Returns the bytes received per second, in MiB: for echo, the payload in one direction.
     *
     * @return MiB/s
     */
    public double mibPerSecond() {
        return bytes / seconds() / (1024.0 * 1024.0);
    }

    /**
     * Returns the latency at a percentile, in microseconds.
     *
     * @param percentile 0 to 100
     * @return microseconds
     */
    public double latencyMicros(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1e3;
    }

    /**
     * Returns a CPU time as a share of the elapsed time.
     *
     * @param cpuNanos a CPU time, or -1
     * @return percent of one core, or -1
     */
    public double cpuPercent(long cpuNanos) {
        return cpuNanos < 0 ? -1 : 100.0 * cpuNanos / elapsedNanos;
    }

    /**
     * Returns the server's CPU time per request.
     *
     * @return microseconds, or -1 when unknown
     */
    public double serverMicrosPerRequest() {
        return serverCpuNanos < 0 || requests == 0 ? -1 : serverCpuNanos / 1e3 / requests;
    }

    /**
     * The report for people.
     *
     * @return several lines
     */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s:%d, %s, %d connection%s x %d in flight, %s, %d loop%s;"
                        + " measured %.1f s after %.1f s of warm-up%n", options.host(), options.port(),
                options.workload(), options.connections(), options.connections() == 1 ? "" : "s", options.pipeline(),
                options.fixedRate() ? String.format(Locale.ROOT, "fixed rate %,.0f req/s", options.rate())
                        : "closed-loop", options.loops(), options.loops() == 1 ? "" : "s", seconds(),
                options.warmupNanos() / 1e9));
        b.append(String.format(Locale.ROOT, "  requests    %,d (%,.0f req/s)%n", requests, requestsPerSecond()));
        b.append(String.format(Locale.ROOT, "  throughput  %,.1f MiB/s received%n", mibPerSecond()));
        b.append(String.format(Locale.ROOT, "  latency us  p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  mean %s%n",
                micros(latencyMicros(50)), micros(latencyMicros(90)), micros(latencyMicros(99)),
                micros(latencyMicros(99.9)), micros(latency.getMaxValue() / 1e3), micros(latency.getMean() / 1e3)));
        if (serverCpuNanos >= 0) {
            b.append(String.format(Locale.ROOT, "  server CPU  %.1f%% of a core, %.2f us per request (pid %d)%n",
                    cpuPercent(serverCpuNanos), serverMicrosPerRequest(), options.serverPid()));
        }
        if (clientCpuNanos >= 0) {
            b.append(String.format(Locale.ROOT, "  client CPU  %.1f%% of a core%n", cpuPercent(clientCpuNanos)));
        }
        b.append(String.format(Locale.ROOT, "  errors      %,d%s%n", errors, firstError == null ? ""
                : " (first: " + firstError + ")"));
        return b.toString();
    }

    /**
     * The report for machines: one JSON object on one line. Latencies in microseconds; -1 for what is unknown.
     *
     * @return the object
     */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"target\":\"%s:%d\",\"protocol\":\"%s\",\"workload\":\"%s\","
                        + "\"connections\":%d,\"pipeline\":%d,\"loops\":%d,\"mode\":\"%s\",\"rate\":%.1f,"
                        + "\"duration_s\":%.3f,\"warmup_s\":%.3f,\"requests\":%d,\"rps\":%.1f,\"mibps\":%.3f,"
                        + "\"latency_us\":{\"p50\":%.1f,\"p90\":%.1f,\"p99\":%.1f,\"p999\":%.1f,\"max\":%.1f,"
                        + "\"mean\":%.1f},\"errors\":%d,\"first_error\":%s,\"server_cpu_pct\":%.1f,"
                        + "\"server_cpu_us_per_req\":%.3f,\"client_cpu_pct\":%.1f}",
                escape(options.host()), options.port(), options.protocol(), escape(options.workload()),
                options.connections(), options.pipeline(), options.loops(),
                options.fixedRate() ? "fixed-rate" : "closed-loop", options.rate(), seconds(),
                options.warmupNanos() / 1e9, requests, requestsPerSecond(), mibPerSecond(), latencyMicros(50),
                latencyMicros(90), latencyMicros(99), latencyMicros(99.9), latency.getMaxValue() / 1e3,
                latency.getMean() / 1e3, errors, firstError == null ? "null" : "\"" + escape(firstError) + "\"",
                cpuPercent(serverCpuNanos), serverMicrosPerRequest(), cpuPercent(clientCpuNanos));
    }

    private double seconds() {
        return Math.max(1, elapsedNanos) / 1e9;
    }

    private static String micros(double us) {
        return us < 100 ? String.format(Locale.ROOT, "%.1f", us) : String.format(Locale.ROOT, "%,.0f", us);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
