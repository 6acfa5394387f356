/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug;

import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the checks share: the {@code asyncio} logger, one cleaner thread for the checks made at collection, and the
 * formats of durations and creation sites.
 */
public final class DebugLog {
    /** The logger of every message of the checks, as asyncio's {@code asyncio.log.logger}. */
    public static final Logger LOGGER = LoggerFactory.getLogger("asyncio");

    /** The frames kept of a creation site: asyncio's {@code DEBUG_STACK_DEPTH}. */
    public static final int STACK_DEPTH = 10;

    /** Runs the checks made when an object is collected; one daemon thread for all loops. */
    static final Cleaner CLEANER = Cleaner.create();

    private DebugLog() {
    }

    /**
     * Seconds with three decimals, as asyncio's {@code %.3f}.
     *
     * @param nanos a duration
     * @return for example {@code 0.150}
     */
    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /**
     * Milliseconds with three decimals, as asyncio's poll messages.
     *
     * @param nanos a duration
     * @return for example {@code 1000.512}
     */
    public static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    /**
     * The calling code's frames: the library's own (the {@code io.jasyncio} package itself and its {@code internal},
     * {@code spi}, {@code debug}, {@code netty} and {@code transport} packages), Netty's and the JDK's internal ones left out,
     * at most {@link #STACK_DEPTH}.
     *
     * @return the frames, innermost first
     */
    public static StackTraceElement[] callerFrames() {
        return StackWalker.getInstance().walk(s -> s
                .map(StackWalker.StackFrame::toStackTraceElement)
                .filter(f -> isUserFrame(f.getClassName()))
                .limit(STACK_DEPTH)
                .toArray(StackTraceElement[]::new));
    }

    /**
     * Frames filtered as {@link #callerFrames()} filters them.
     *
     * @param frames frames, innermost first
     * @return the user's frames, at most {@link #STACK_DEPTH}
     */
    public static StackTraceElement[] trim(StackTraceElement[] frames) {
        return Arrays.stream(frames).filter(f -> isUserFrame(f.getClassName())).limit(STACK_DEPTH)
                .toArray(StackTraceElement[]::new);
    }

    private static boolean isUserFrame(String className) {
        return !isLibrary(className) && !className.startsWith("jdk.internal.") && !className.startsWith("io.netty.");
    }

    /** The library's own classes: io.jasyncio.X and its internal, spi, debug, netty, transport packages; not
     * tests nor examples. */
    static boolean isLibrary(String className) {
        if (!className.startsWith("io.jasyncio.")) {
            return false;
        }
        String rest = className.substring("io.jasyncio.".length());
        return rest.indexOf('.') < 0 || rest.startsWith("internal.") || rest.startsWith("spi.")
                || rest.startsWith("debug.") || rest.startsWith("netty.") || rest.startsWith("transport.");
    }

    /**
     * Appends a creation site as {@code \n<title> (most recent call first):} and one {@code \tat frame} line each.
     *
     * @param sb where to write
     * @param title for example "Coroutine created at"
     * @param frames the frames; nothing is written when empty
     * @return {@code sb}
     */
    public static StringBuilder appendSite(StringBuilder sb, String title, StackTraceElement[] frames) {
        if (frames == null || frames.length == 0) {
            return sb;
        }
        sb.append('\n').append(title).append(" (most recent call first):");
        for (StackTraceElement f : frames) {
            sb.append("\n\tat ").append(f);
        }
        return sb;
    }
}
