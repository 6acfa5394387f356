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
 * <p>A future keeps its site in a field (it fits in the padding of the object, so a future costs no more); a handle
 * does not, as a field would make each handle 8 bytes larger: a debug loop records its handles' sites here, in a weak
 * identity map that exists once debug mode has recorded one, and a handle's {@code toString} looks itself up only
 * then. Outside debug mode nothing here runs.
 */
public final class CreationSites {
    /** asyncio's {@code constants.DEBUG_STACK_DEPTH}. */
    private static final int DEPTH = 10;
    /** The sites of handles made by loops in debug mode; {@code null} until the first. Handles hash by identity. */
    private static volatile Map<Handle, Site> handles;

    private CreationSites() {
    }

    /**
     * The site of a handle: its frames, and how its callback was described when it was cancelled (asyncio keeps a
     * debug handle's repr on {@code cancel()}).
     */
    public static final class Site {
        private final StackTraceElement[] frames;
        private volatile String cancelledCallback;

        private Site(StackTraceElement[] frames) {
            this.frames = frames;
        }

        /**
         * The frames, innermost (the caller) first.
         *
         * @return the frames, not empty
         */
        public StackTraceElement[] frames() {
            return frames.clone();
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
    }

    /**
     * The caller's frames: the first one outside jasyncio's own packages, and up to 9 of its callers.
     *
     * @return the frames, innermost first, or {@code null} when only jasyncio's own frames are on the stack
     */
    public static StackTraceElement[] capture() {
        StackTraceElement[] frames = StackWalker.getInstance().walk(s -> s
                .dropWhile(f -> !isUserFrame(f.getClassName()))
                .limit(DEPTH)
                .map(StackWalker.StackFrame::toStackTraceElement)
                .toArray(StackTraceElement[]::new));
        return frames.length == 0 ? null : frames;
    }

    /**
     * Records where a handle was made; a loop in debug mode calls it.
     *
     * @param handle the new handle
     */
    static void record(Handle handle) {
        StackTraceElement[] frames = capture();
        if (frames == null) {
            return;
        }
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
        map.put(handle, new Site(frames));
    }

    /**
     * Where a handle was made.
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
