/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug;

import io.jasyncio.EventLoop;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;

/**
 * The I/O poll time of each iteration, as asyncio's {@code _run_once} logged it in debug mode: every poll that may wait
 * ("poll 250.000 ms took 250.112 ms: timeout", "poll took 3.001 ms" when it may wait forever) at DEBUG, or at INFO when
 * it took a second or more. And, at WARN, a poll that returned later than its timeout by {@code slowCallbackDuration} or
 * more: its I/O callbacks (which run inside the poll) or a stalled thread held the loop:
 * "poll 0.000 ms took 150.000 ms: 0.150 seconds past its timeout".
 *
 * <p>asyncio also counts the events of each poll; the poll hook does not carry that count, so the messages leave it out.
 */
public final class SlowPollCheck implements LoopInterceptor {
    private static final long ONE_SECOND = 1_000_000_000L;

    /** Creates the check; {@link Provider} installs one in each loop in debug mode. */
    public SlowPollCheck() {
    }

    /** Installs the check in loops in debug mode. */
    public static final class Provider implements LoopInterceptorProvider {
        /** For {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public LoopInterceptor create(EventLoop loop) {
            return new SlowPollCheck();
        }
    }

    @Override
    public void afterPoll(EventLoop loop, long timeoutNanos, long durationNanos) {
        if (timeoutNanos != 0) {
            boolean slow = durationNanos >= ONE_SECOND;
            if (slow || DebugLog.LOGGER.isDebugEnabled()) {
                String message;
                if (timeoutNanos < 0) {
                    message = "poll took " + DebugLog.millis(durationNanos) + " ms";
                } else {
                    message = "poll " + DebugLog.millis(timeoutNanos) + " ms took " + DebugLog.millis(durationNanos)
                            + " ms" + (durationNanos >= timeoutNanos ? ": timeout" : "");
                }
                if (slow) {
                    DebugLog.LOGGER.info(message);
                } else {
                    DebugLog.LOGGER.debug(message);
                }
            }
        }
        if (timeoutNanos >= 0) {
            long over = durationNanos - timeoutNanos;
            if (over >= (long) (loop.getSlowCallbackDuration() * 1e9)) {
                DebugLog.LOGGER.warn("poll {} ms took {} ms: {} seconds past its timeout", DebugLog.millis(timeoutNanos),
                        DebugLog.millis(durationNanos), DebugLog.seconds(over));
            }
        }
    }

    @Override
    public String toString() {
        return "SlowPollCheck";
    }
}
