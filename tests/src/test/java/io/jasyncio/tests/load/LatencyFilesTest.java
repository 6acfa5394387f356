/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.examples.EchoServer;
import io.jasyncio.load.Latencies;
import io.jasyncio.load.LoadOptions;
import io.jasyncio.load.LoadResult;
import io.jasyncio.load.LoadRun;
import io.jasyncio.tests.BackendAssumptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load tool's latency files, read back: the interval log with HdrHistogram's own {@link HistogramLogReader}, the
 * {@code .hgrm} distribution by its documented text form (HdrHistogram has no reader for it: it is what its plotter
 * and people read).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LatencyFilesTest {
    /** A row of the distribution: value (ms), percentile (0 to 1), total count, 1/(1-percentile) but in the last. */
    private static final Pattern ROW = Pattern.compile("\\s*([0-9.]+)\\s+([0-9.]+)\\s+([0-9]+)(\\s+[0-9.]+)?\\s*");
    private static final Pattern FOOTER = Pattern.compile("#\\[Max *= *([0-9.]+), Total count *= *([0-9]+)]");

    @TempDir
    Path dir;

    private static LoadResult loadEcho(String... more) {
        BackendAssumptions.assumeBackendAvailable();
        try (LoopGroup serverLoop = new LoopGroup(1, LoopOptions.defaults()).start()) {
            Server server = serverLoop.createServer(EchoServer.Echo::new, "127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            List<String> args = new ArrayList<>(List.of("--target", "127.0.0.1:" + port, "--quiet",
                    "--connections", "2", "--size", "64"));
            args.addAll(List.of(more));
            return LoadRun.run(LoadOptions.parse(args.toArray(String[]::new)), null);
        }
    }

    @Test
    void intervalLogReadsBackAsTheMeasuredLatencies() throws IOException {
        Path hlog = dir.resolve("run.hlog");
        LoadResult r = loadEcho("--duration", "2300ms", "--warmup", "200ms", "--hlog", hlog.toString());
        assertTrue(r.requests() > 0, "no request completed");

        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        Histogram sum = Latencies.histogram();
        int intervals = 0;
        long lastStart = -1;
        for (var e = reader.nextIntervalHistogram(); e != null; e = reader.nextIntervalHistogram()) {
            Histogram h = (Histogram) e;
            assertTrue(h.getStartTimeStamp() >= lastStart, "intervals in order");
            assertTrue(h.getEndTimeStamp() >= h.getStartTimeStamp(), "an interval ends after it starts");
            lastStart = h.getStartTimeStamp();
            sum.add(h);
            intervals++;
        }
        // Two whole seconds, then the rest of the 2.3 s window: together, exactly what the run measured.
        assertEquals(3, intervals, "one histogram a second and the tail");
        assertEquals(r.requests(), sum.getTotalCount());
        assertEquals(r.latency().getValueAtPercentile(99), sum.getValueAtPercentile(99));
        assertEquals(r.latency().getMaxValue(), sum.getMaxValue());
    }

    @Test
    void hgrmHoldsTheDistributionInMilliseconds() throws IOException {
        LoadResult r = loadEcho("--duration", "500ms");
        Path hgrm = dir.resolve("run.hgrm");
        Latencies.writeHgrm(r.latency(), hgrm);

        List<String> lines = Files.readAllLines(hgrm);
        double lastValue = 0;
        double lastPercentile = 0;
        long lastCount = 0;
        double p50Millis = -1;
        int rows = 0;
        Matcher footer = null;
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                double value = Double.parseDouble(row.group(1));
                double percentile = Double.parseDouble(row.group(2));
                long count = Long.parseLong(row.group(3));
                assertTrue(value >= lastValue && percentile >= lastPercentile && count >= lastCount,
                        "rows ascend: " + line);
                if (p50Millis < 0 && percentile >= 0.5) {
                    p50Millis = value;
                }
                lastValue = value;
                lastPercentile = percentile;
                lastCount = count;
                rows++;
            }
            Matcher m = FOOTER.matcher(line);
            if (m.find()) {
                footer = m;
            }
        }
        assertTrue(rows > 10, "a distribution of many rows: " + lines);
        assertEquals(1.0, lastPercentile);
        assertEquals(r.requests(), lastCount);
        assertNotNull(footer, "the footer with the total count");
        assertEquals(r.requests(), Long.parseLong(footer.group(2)));
        // Values are printed in milliseconds with three decimals: the median to within a microsecond.
        assertEquals(r.latency().getValueAtPercentile(50) / 1e6, p50Millis, 0.0011);
        assertEquals(r.latency().getMaxValue() / 1e6, Double.parseDouble(footer.group(1)), 0.0011);
    }

    @Test
    void latencyFileOptionsParse() {
        LoadOptions o = LoadOptions.parse("--target", "h:1", "--hgrm", "a.hgrm", "--hlog", "b.hlog");
        assertEquals(Path.of("a.hgrm"), o.hgrm());
        assertEquals(Path.of("b.hlog"), o.hlog());
        LoadOptions none = LoadOptions.parse("--target", "h:1");
        assertEquals(null, none.hgrm());
    }
}
