/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.SystemProperties;
import java.util.Objects;

/**
 * How a loop is made: its clock, debug mode, slow-callback threshold and I/O backend. Immutable; start from
 * {@link #defaults()} and change with the {@code with} methods.
 *
 * <p>Debug mode defaults to on when the environment variable {@code JASYNCIO_DEBUG} is set to a non-empty value other
 * than {@code 0}, or the system property {@code jasyncio.debug} is {@code true} (asyncio's {@code PYTHONASYNCIODEBUG}).
 * The backend defaults to the system property {@code jasyncio.transport} ({@code epoll}, {@code nio}), else the
 * best available.
 *
 * @param ticker the loop's clock
 * @param debug whether debug mode starts on
 * @param slowCallbackDuration seconds past which a callback is logged as slow in debug mode
 * @param transport the I/O backend's name ({@code epoll}, {@code nio}), or {@code null} for the best available
 */
public record LoopOptions(Ticker ticker, boolean debug, double slowCallbackDuration, String transport) {

    /** asyncio's default for {@code slow_callback_duration}, in seconds. */
    public static final double DEFAULT_SLOW_CALLBACK_DURATION = 0.1;

    /** Validates the components. */
    public LoopOptions {
        Objects.requireNonNull(ticker, "ticker");
        if (!(slowCallbackDuration >= 0)) {
            throw new IllegalArgumentException("slowCallbackDuration must be >= 0: " + slowCallbackDuration);
        }
    }

    /**
     * The defaults: the system ticker, debug mode from the environment, 0.1 s, the backend from
     * {@code jasyncio.transport}.
     *
     * @return the default options
     */
    public static LoopOptions defaults() {
        return new LoopOptions(Ticker.system(), debugFromEnvironment(), DEFAULT_SLOW_CALLBACK_DURATION,
                SystemProperties.TRANSPORT);
    }

    /**
     * Whether the environment asks for debug mode.
     *
     * @return {@code true} if {@code JASYNCIO_DEBUG} or {@code -Djasyncio.debug=true} says so
     */
    public static boolean debugFromEnvironment() {
        String env = System.getenv("JASYNCIO_DEBUG");
        return (env != null && !env.isEmpty() && !env.equals("0")) || SystemProperties.debug();
    }

    /**
     * These options with another ticker.
     *
     * @param value the ticker
     * @return new options
     */
    public LoopOptions withTicker(Ticker value) {
        return new LoopOptions(value, debug, slowCallbackDuration, transport);
    }

    /**
     * These options with debug mode on or off.
     *
     * @param value the flag
     * @return new options
     */
    public LoopOptions withDebug(boolean value) {
        return new LoopOptions(ticker, value, slowCallbackDuration, transport);
    }

    /**
     * These options with another slow-callback threshold.
     *
     * @param seconds the threshold
     * @return new options
     */
    public LoopOptions withSlowCallbackDuration(double seconds) {
        return new LoopOptions(ticker, debug, seconds, transport);
    }

    /**
     * These options with another backend.
     *
     * @param value {@code epoll}, {@code nio}, or {@code null} for the best available
     * @return new options
     */
    public LoopOptions withTransport(String value) {
        return new LoopOptions(ticker, debug, slowCallbackDuration, value);
    }
}
