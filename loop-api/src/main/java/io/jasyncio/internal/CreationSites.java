/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Handle;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * asyncio's {@code _source_traceback} of futures and handles: where they were created, recorded only in debug mode
 * ({@code format_helpers.extract_stack}, {@code DEBUG_STACK_DEPTH} frames), shown by their {@code toString} as
 * {@code created at File.java:12}.
 *
 * <p>Recording is lazy: {@link #capture()} only fills in a {@link Throwable}'s backtrace, which the JVM keeps as method
 * ids and bytecode indexes (tens of nanoseconds a frame, no strings, no {@code StackTraceElement}); the frames are
 * resolved, jasyncio's own dropped and the first {@value #DEPTH} kept, the first time a {@link Site} is read (a
 * {@code toString}, a report, {@code getSourceTraceback()}). Its cost grows with the depth of the stack, 0.7 KB and
 * about a microsecond for the 30 frames of a callback on a Netty thread. A {@link StackWalker} limited to 12 frames
 * cost two to three times a 20-frame backtrace on the build machine (JDK 25): it resolves each frame's method as it
 * walks, and {@code toStackTraceElement} each frame's text.
 *
 * <p>A backtrace takes 0.69 KB for each 32 frames, and the JVM walks the whole stack to fill it in: a task's code runs
 * on the loop's stack (its continuation is mounted on the loop's thread), so a site made in a task holds the loop's
 * frames as well as the task's.
 *
 * <p>A future (a task too) keeps its site in a field (it fits in the padding of the object, so a future costs no
 * more). A handle made by a loop in debug mode is a {@code Handle} subclass with one more field for it; a plain handle
 * stays 32 bytes. A {@code TimerHandle} (final) made in debug mode records its site here, in a weak identity map that exists
 * once debug mode has recorded one, and its {@code toString} looks itself up only then. Outside debug mode nothing
 * here runs.
 */
public final class CreationSites {
    /** asyncio's {@code constants.DEBUG_STACK_DEPTH}. */
    private static final int DEPTH = 10;
    private static final StackTraceElement[] NO_FRAMES = new StackTraceElement[0];
    /** The sites of timer handles made by loops in debug mode; {@code null} until the first. Handles hash by identity. */
    private static volatile Map<Handle, Site> handles;

    private CreationSites() {
    }

    /** The backtrace of a creation site: filled in by the JVM, resolved to frames only when read. */
    private static final class Trace extends Throwable {
        private static final long serialVersionUID = 1L;

        Trace() {
            super(null, null, false, true);
        }
    }

    /**
     * Where a future or handle was made: its frames, resolved when first read, and for a handle how its callback was
     * described when it was cancelled (asyncio keeps a debug handle's repr on {@code cancel()}).
     */
    public static final class Site {
        // Threading: any thread; resolving twice in a race gives equal arrays (benign).
        private Throwable trace;
        private StackTraceElement[] frames;
        private volatile String cancelledCallback;

        private Site(Throwable trace) {
            this.trace = trace;
        }

        /**
         * The frames, innermost (the caller) first: the first one outside jasyncio's own packages, and up to 9 of its
         * callers.
         *
         * @return a copy of the frames; empty when only jasyncio's own frames were on the stack
         */
        public StackTraceElement[] frames() {
            StackTraceElement[] f = resolved();
            return f.length == 0 ? f : f.clone();
        }

        private StackTraceElement[] resolved() {
            StackTraceElement[] f = frames;
            if (f == null) {
                Throwable t = trace;
                f = t == null ? NO_FRAMES : userFrames(t.getStackTrace());
                frames = f;
                trace = null;
            }
            return f;
        }

        /**
         * The callback's description kept by {@code cancel()}.
         *
         * @return the description, or {@code null} if not cancelled
         */
        public String cancelledCallback() {
            return cancelledCallback;
        }

        /**
         * Keeps the callback's description of a handle being cancelled.
         *
         * @param description the description
         */
        public void cancelled(String description) {
            cancelledCallback = description;
        }

        /**
         * asyncio's {@code created at file:line}, see {@link CreationSites#suffix(StackTraceElement[])}.
         *
         * @return the suffix, or an empty string
         */
        public String suffix() {
            return CreationSites.suffix(resolved());
        }
    }

    /**
     * Records the caller's site, lazily: the frames are resolved when the site is first read.
     *
     * @return the site
     */
    public static Site capture() {
        return new Site(new Trace());
    }

    /**
     * The frames of a site.
     *
     * @param site a site, or {@code null}
     * @return its frames, innermost first, or an empty array
     */
    public static StackTraceElement[] frames(Site site) {
        return site == null ? NO_FRAMES : site.frames();
    }

    /** The first user frame of a backtrace and up to {@code DEPTH - 1} of its callers. */
    private static StackTraceElement[] userFrames(StackTraceElement[] all) {
        int first = 0;
        while (first < all.length && !isUserFrame(all[first].getClassName())) {
            first++;
        }
        int n = Math.min(DEPTH, all.length - first);
        return n <= 0 ? NO_FRAMES : java.util.Arrays.copyOfRange(all, first, first + n);
    }

    /**
     * Records where a timer handle was made; a loop in debug mode calls it. Other handles keep their site themselves.
     *
     * @param handle the new handle
     */
    static void record(Handle handle) {
        Site site = capture();
        Map<Handle, Site> map = handles;
        if (map == null) {
            synchronized (CreationSites.class) {
                map = handles;
                if (map == null) {
                    map = Collections.synchronizedMap(new WeakHashMap<>());
                    handles = map;
                }
            }
        }
        map.put(handle, site);
    }

    /**
     * Where a timer handle was made.
     *
     * @param handle the handle
     * @return its site, or {@code null} when it was not made in debug mode
     */
    public static Site of(Handle handle) {
        Map<Handle, Site> map = handles;
        return map == null ? null : map.get(handle);
    }

    /**
     * asyncio's {@code created at file:line} of a site: its first frame of the application's code.
     *
     * @param frames the site, innermost first, or {@code null}
     * @return {@code " created at File.java:12"}, or an empty string when there is no site or only jasyncio's and the
     *     JDK's frames are in it (a handle that a thread of jasyncio's scheduled)
     */
    public static String suffix(StackTraceElement[] frames) {
        if (frames == null) {
            return "";
        }
        for (StackTraceElement f : frames) {
            String c = f.getClassName();
            // the application's line: not jasyncio's (a task's own site starts at createTask), not the JDK's
            if (isUserFrame(c) && !c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                return " created at " + f.getFileName() + ":" + f.getLineNumber();
            }
        }
        return "";
    }

    /** {@link #isUserFrame(String)} of each class, worked out once: a debug loop asks it of each done callback. */
    private static final ClassValue<Boolean> USER_CLASSES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isUserFrame(type.getName());
        }
    };

    /**
     * Whether a class is the user's, as {@link #isUserFrame(String)} tells of its frames; remembered for each class.
     *
     * @param type the class, of a callback for instance
     * @return {@code true} for a user's class
     */
    public static boolean isUserClass(Class<?> type) {
        return USER_CLASSES.get(type);
    }

    /**
     * Whether a frame is the user's: not the JDK's internals, not Netty's, not jasyncio's own (its API package and its
     * internal, SPI, debug, loop and transport packages).
     *
     * @param className the frame's class
     * @return {@code true} for a user's frame
     */
    public static boolean isUserFrame(String className) {
        if (className.startsWith("jdk.internal.") || className.startsWith("io.netty.")
                || className.startsWith("java.lang.invoke.")) {
            return false;
        }
        if (!className.startsWith("io.jasyncio.")) {
            return true;
        }
        String rest = className.substring("io.jasyncio.".length());
        return !(rest.indexOf('.') < 0 || rest.startsWith("internal.") || rest.startsWith("spi.")
                || rest.startsWith("debug.") || rest.startsWith("netty.") || rest.startsWith("transport."));
    }
}
