/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

/**
 * The system properties of loop-api, all named {@code jasyncio.<area>[.<knob>]}, each read once here into a
 * {@code static final} (the JIT folds it), except {@code jasyncio.debug}, which asyncio reads anew for each loop.
 *
 * <table>
 * <caption>loop-api's system properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code jasyncio.transport}</td><td>the best available</td><td>the I/O backend of new loops:
 *     {@code epoll}, {@code io_uring} or {@code nio}</td></tr>
 * <tr><td>{@code jasyncio.transport.readInto}</td><td>{@code true}</td><td>{@code false} makes stream transports
 *     read into a buffer of Netty's and copy into a {@code BufferedProtocol}'s buffer, instead of reading into it in
 *     place (to compare the two, or to step around a backend's trouble with it)</td></tr>
 * <tr><td>{@code jasyncio.transport.immediateSend}</td><td>{@code true}</td><td>{@code false} makes a write with
 *     nothing queued go through a Netty buffer as any other, instead of to the socket at once (to compare)</td></tr>
 * <tr><td>{@code jasyncio.coroutines}</td><td>continuations where accessible</td><td>{@code vthread} runs tasks on
 *     virtual threads even where JDK continuations are accessible</td></tr>
 * <tr><td>{@code jasyncio.coroutines.monitorCheck}</td><td>{@code debug}</td><td>when an await checks that the task
 *     holds no monitor: {@code debug} (in debug mode), {@code always}, {@code off}</td></tr>
 * <tr><td>{@code jasyncio.debug}</td><td>{@code false}</td><td>debug mode on for new loops (as the environment
 *     variable {@code JASYNCIO_DEBUG}); read at each loop's creation</td></tr>
 * </table>
 * The debug module has its own: {@code jasyncio.watchdog} and {@code jasyncio.jmx}.
 */
public final class SystemProperties {
    /** The prefix of every property. */
    public static final String PREFIX = "jasyncio.";

    /** {@code jasyncio.transport}: the backend's name, or {@code null} for the best available. */
    public static final String TRANSPORT = System.getProperty(PREFIX + "transport");

    /** {@code jasyncio.transport.readInto}: whether a BufferedProtocol's buffer is read into in place. */
    public static final boolean READ_INTO = !"false".equals(System.getProperty(PREFIX + "transport.readInto"));

    /** {@code jasyncio.transport.immediateSend}: whether a write with nothing queued goes to the socket at once. */
    public static final boolean IMMEDIATE_SEND =
            !"false".equals(System.getProperty(PREFIX + "transport.immediateSend"));

    /**
     * {@code jasyncio.loop.nettyCaches}: whether a loop that runs on a caller's thread runs it as Netty's own
     * threads run (its per-thread allocator caches and object pools on), or as any other thread (off).
     */
    public static final boolean NETTY_CACHES = !"false".equals(System.getProperty(PREFIX + "loop.nettyCaches"));

    /** {@code jasyncio.coroutines}: {@code vthread}, or {@code null} for continuations where accessible. */
    public static final String COROUTINES = System.getProperty(PREFIX + "coroutines");

    /** {@code jasyncio.coroutines.monitorCheck}: {@code debug} (the default), {@code always} or {@code off}. */
    public static final String MONITOR_CHECK = System.getProperty(PREFIX + "coroutines.monitorCheck", "debug");

    /** The name of the debug property, read at each call of {@link #debug()}. */
    public static final String DEBUG = PREFIX + "debug";

    private SystemProperties() {
    }

    /**
     * Whether {@code -Djasyncio.debug=true} asks for debug mode now: read at each call, as asyncio reads
     * {@code PYTHONASYNCIODEBUG} for each new loop.
     *
     * @return the property's value
     */
    public static boolean debug() {
        return Boolean.getBoolean(DEBUG);
    }
}
