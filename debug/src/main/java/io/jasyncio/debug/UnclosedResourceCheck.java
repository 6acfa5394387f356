/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug;

import io.jasyncio.BaseTransport;
import io.jasyncio.EventLoop;
import io.jasyncio.Server;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Transports, servers and loops nobody closed: asyncio's {@code ResourceWarning}s, logged at WARN.
 *
 * <ul>
 *   <li>"unclosed transport &lt;TcpTransport ...&gt;", "unclosed server &lt;TcpServer ...&gt;": when the loop closes
 *       while they are still open (not closed nor closing), and when one is collected open.
 *   <li>"unclosed event loop &lt;NettyEventLoop ...&gt;": when a loop is collected without {@code close()}.
 * </ul>
 *
 * <p>An open transport is reachable from its loop's I/O machinery, so the loop's close is where most are found; the
 * loop's own check disarms when the check is removed (debug mode turned off).
 */
public final class UnclosedResourceCheck implements LoopInterceptor {
    /** The open transports and servers, held weakly. */
    private final Map<Object, Resource> open = Collections.synchronizedMap(new WeakHashMap<>());
    /** The loop's own check: reported if the loop is collected while this stays armed. */
    private final Resource loopResource;

    /** Installs the check in loops in debug mode. */
    public static final class Provider implements LoopInterceptorProvider {
        /** For {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public LoopInterceptor create(EventLoop loop) {
            return new UnclosedResourceCheck(loop);
        }
    }

    /** What the cleaner needs of a resource; holds nothing of the resource itself. */
    private static final class Resource implements Runnable {
        final String what;
        volatile boolean settled;

        Resource(String what) {
            this.what = what;
        }

        @Override
        public void run() {
            if (!settled) {
                DebugLog.LOGGER.warn("unclosed {}", what);
                io.jasyncio.debug.jfr.JfrEvents.resourceNotClosed(what, null);
            }
        }
    }

    UnclosedResourceCheck(EventLoop loop) {
        // The loop is being made: its own toString may not be ready. At collection it is neither running nor closed.
        loopResource = new Resource("event loop <" + loop.getClass().getSimpleName()
                + " running=false closed=false debug=true>");
        DebugLog.CLEANER.register(loop, loopResource);
    }

    private static String describe(Object resource) {
        return (resource instanceof Server ? "server " : "transport ") + resource;
    }

    @Override
    public void transportOpened(EventLoop loop, Object transport) {
        Resource r = new Resource(describe(transport));
        open.put(transport, r);
        DebugLog.CLEANER.register(transport, r);
    }

    @Override
    public void transportClosed(EventLoop loop, Object transport) {
        Resource r = open.remove(transport);
        if (r != null) {
            r.settled = true;
        }
    }

    @Override
    public void loopClosed(EventLoop loop) {
        loopResource.settled = true;
        List<Map.Entry<Object, Resource>> left;
        synchronized (open) {
            left = new ArrayList<>(open.entrySet());
            open.clear();
        }
        for (Map.Entry<Object, Resource> e : left) {
            Resource r = e.getValue();
            r.settled = true;
            Object resource = e.getKey();
            boolean closing = resource instanceof BaseTransport t && t.isClosing();
            if (!closing) {
                DebugLog.LOGGER.warn("unclosed {}", describe(resource));
                io.jasyncio.debug.jfr.JfrEvents.resourceNotClosed(describe(resource), null);
            }
        }
    }

    /** Debug mode went off: nothing is followed any more, so nothing may be reported later. */
    @Override
    public void removed(EventLoop loop) {
        loopResource.settled = true;
        synchronized (open) {
            open.values().forEach(r -> r.settled = true);
            open.clear();
        }
    }

    @Override
    public String toString() {
        return "UnclosedResourceCheck";
    }
}
