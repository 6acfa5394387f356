/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.watchdog;

import io.jasyncio.EventLoop;
import io.jasyncio.spi.LoopProbe;
import io.jasyncio.debug.jfr.JfrEvents;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stall watchdog of one loop: while the loop stays blocked in one callback, task step or I/O callback past the
 * threshold (or a poll outlives its timeout by the threshold), the watchdog thread samples the blocked thread's stack, and reports the stall once to the
 * {@code asyncio} logger (a warning), to JFR ({@code io.jasyncio.LoopStall}) and to its listeners.
 *
 * <pre>{@code
 * Watchdog watchdog = Watchdog.install(loop, Duration.ofMillis(100));
 * ...
 * watchdog.close();   // or leave it on: the loop pays nothing per callback
 * }</pre>
 *
 * or, for every loop of the process, {@code -Djasyncio.watchdog=100ms}.
 */
public final class Watchdog implements AutoCloseable {
    /** The system property that installs a watchdog on every new loop: a threshold such as {@code 100ms}. */
    public static final String PROPERTY = "jasyncio.watchdog";
    /** The default threshold: asyncio's {@code slow_callback_duration}, 100 ms. */
    public static final Duration DEFAULT_THRESHOLD = Duration.ofMillis(100);

    private static final Logger LOGGER = LoggerFactory.getLogger("asyncio");

    private final EventLoop loop;
    private final LoopWatch watch;
    private final List<StallListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean logging = true;

    private Watchdog(EventLoop loop, Duration threshold) {
        long nanos = threshold.toNanos();
        if (nanos < 1_000_000L) {
            throw new IllegalArgumentException("watchdog threshold must be at least 1 ms, got " + threshold);
        }
        this.loop = loop;
        this.watch = new LoopWatch(loop, nanos, this);
    }

    /**
     * Installs a watchdog with the default threshold.
     *
     * @param loop the loop
     * @return the watchdog
     */
    public static Watchdog install(EventLoop loop) {
        return install(loop, DEFAULT_THRESHOLD);
    }

    /**
     * Installs a watchdog; any thread.
     *
     * @param loop the loop
     * @param threshold how long the loop may stay in one callback before it counts as stalled (at least 1 ms)
     * @return the watchdog
     */
    public static Watchdog install(EventLoop loop, Duration threshold) {
        LoopProbe.of(loop); // fails now, not on the watchdog thread, for a loop that offers no probe
        Watchdog w = new Watchdog(loop, threshold);
        WatchdogThread.add(w.watch);
        return w;
    }

    /**
     * The watchdogs watching a loop.
     *
     * @param loop the loop
     * @return the installed watchdogs, oldest first
     */
    public static List<Watchdog> of(EventLoop loop) {
        return WatchdogThread.watching(loop).stream().map(w -> w.owner).toList();
    }

    /**
     * Parses a threshold: {@code 100ms}, {@code 0.25s}, {@code 2s}, or a bare number of milliseconds.
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException for anything else
     */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofNanos((long) (Double.parseDouble(t.substring(0, t.length() - 2).trim()) * 1e6));
            }
            if (t.endsWith("s")) {
                return Duration.ofNanos((long) (Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1e9));
            }
            return Duration.ofNanos((long) (Double.parseDouble(t) * 1e6));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "bad watchdog threshold '" + text + "': expected a duration such as 100ms or 0.5s", e);
        }
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener, called on the watchdog thread
     * @return this watchdog
     */
    public Watchdog addListener(StallListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Turns the warning in the {@code asyncio} logger off or on (on by default); listeners and JFR still hear.
     *
     * @param enabled whether to log
     * @return this watchdog
     */
    public Watchdog setLogging(boolean enabled) {
        logging = enabled;
        return this;
    }

    /**
     * The threshold.
     *
     * @return the threshold
     */
    public Duration threshold() {
        return Duration.ofNanos(watch.thresholdNanos);
    }

    /**
     * The watched loop.
     *
     * @return the loop
     */
    public EventLoop loop() {
        return loop;
    }

    /** Stops watching the loop, reporting a stall in progress; any thread. */
    @Override
    public void close() {
        WatchdogThread.remove(watch);
        WatchdogThread.finish(watch);
    }

    void sampled(Stall stall) {
        for (StallListener l : listeners) {
            try {
                l.stallSampled(stall);
            } catch (RuntimeException e) {
                LOGGER.error("Stall listener {} failed", l, e);
            }
        }
    }

    void report(Stall stall) {
        EventLoop watched = watch.loop.get();
        if (watched != null) {
            io.jasyncio.debug.dump.DebugCounts.stall(watched);
        }
        if (logging) {
            LOGGER.warn(stall.format());
        }
        JfrEvents.loopStall(stall.loop(), stall.running(), stall.task(), stall.durationNanos(), stall.gcNanos(),
                stall.stacks().isEmpty() ? "" : stackText(stall.stacks().get(0).frames()));
        for (StallListener l : listeners) {
            try {
                l.stallReported(stall);
            } catch (RuntimeException e) {
                LOGGER.error("Stall listener {} failed", l, e);
            }
        }
    }

    private static String stackText(List<StackTraceElement> frames) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement f : frames) {
            sb.append("at ").append(f).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "<Watchdog threshold=" + Stall.seconds(watch.thresholdNanos) + "s loop=" + loop + ">";
    }
}
