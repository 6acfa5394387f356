/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Latencies as HdrHistogram records them, in nanoseconds, and the two files its tools read: the percentile
 * distribution ({@code .hgrm}, as {@code wrk2} prints it and HdrHistogram's plotter draws it) and the interval log
 * ({@code .hlog}, one compressed histogram a second, read back by {@link org.HdrHistogram.HistogramLogReader}).
 */
public final class Latencies {
    /** Three significant digits: a value is known to within 0.1% of itself, as wrk2 records it. */
    private static final int SIGNIFICANT_DIGITS = 3;
    /** The unit of the {@code .hgrm} file's values: milliseconds, as the plotters label their axis. */
    private static final double NANOS_PER_MILLISECOND = 1e6;
    /** Rows per halving of the distance to 100%, as HdrHistogram's own tools print it. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private Latencies() {
    }

    /**
     * A new empty histogram of latencies in nanoseconds, three significant digits, growing to fit the largest value.
     *
     * @return the histogram
     */
    public static Histogram histogram() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }

    /**
     * Writes the percentile distribution, in milliseconds, in HdrHistogram's {@code .hgrm} text form.
     *
     * @param latency the latencies, in nanoseconds
     * @param file where to write it; replaced if it exists
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void writeHgrm(Histogram latency, Path file) {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "US-ASCII")) {
            latency.outputPercentileDistribution(out, TICKS_PER_HALF_DISTANCE, NANOS_PER_MILLISECOND);
            if (out.checkError()) {
                throw new IOException("cannot write " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * An interval log being written: HdrHistogram's {@code .hlog}, one histogram per interval.
     */
    public static final class IntervalLog implements AutoCloseable {
        private final Path file;
        private final PrintStream out;
        private final HistogramLogWriter writer;

        /**
         * Opens the log and writes its header.
         *
         * @param file where to write it; replaced if it exists
         * @param startMillis the run's start, milliseconds since the epoch: the log's base time
         * @throws UncheckedIOException when the file cannot be opened
         */
        public IntervalLog(Path file, long startMillis) {
            this.file = file;
            try {
                this.out = new PrintStream(Files.newOutputStream(file), false, "US-ASCII");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            this.writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMillis);
            writer.setBaseTime(startMillis);
            writer.outputLegend();
        }

        /**
         * Appends one interval.
         *
         * @param latency the interval's latencies, in nanoseconds
         * @param startMillis the interval's start, milliseconds since the epoch
         * @param endMillis its end
         */
        public void append(Histogram latency, long startMillis, long endMillis) {
            latency.setStartTimeStamp(startMillis);
            latency.setEndTimeStamp(endMillis);
            writer.outputIntervalHistogram(latency);
        }

        /**
         * Flushes and closes the file.
         *
         * @throws UncheckedIOException when something could not be written
         */
        @Override
        public void close() {
            out.close();
            if (out.checkError()) {
                throw new UncheckedIOException(new IOException("cannot write " + file));
            }
        }
    }
}
