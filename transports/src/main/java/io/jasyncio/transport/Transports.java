/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport;

import io.jasyncio.EventLoop;
import io.jasyncio.transport.internal.TransportLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the I/O backend: the one asked for by name, else epoll where available, else NIO. The first choice is logged
 * once, with the reason when epoll is missing.
 */
public final class Transports {
    private static final Logger LOGGER = LoggerFactory.getLogger(Transports.class);
    private static volatile boolean logged;

    private Transports() {
    }

    /**
     * The best backend available here.
     *
     * @return {@link TransportKind#EPOLL} if available, else {@link TransportKind#NIO}
     */
    public static TransportKind kind() {
        return TransportKind.EPOLL.isAvailable() ? TransportKind.EPOLL : TransportKind.NIO;
    }

    /**
     * Why epoll is not available.
     *
     * @return the original error, or {@code null} when epoll is available
     */
    public static Throwable unavailabilityCause() {
        return TransportKind.EPOLL.unavailabilityCause();
    }

    /**
     * The backend for a requested name.
     *
     * @param name {@code epoll}, {@code nio}, or {@code null}/empty for the best available
     * @return the kind
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException if the named backend cannot run here, with the cause
     */
    public static TransportKind choose(String name) {
        TransportKind kind = name == null || name.isBlank() ? kind() : TransportKind.of(name);
        if (!kind.isAvailable()) {
            throw new IllegalStateException("transport " + kind + " is not available here", kind.unavailabilityCause());
        }
        if (!logged) {
            logged = true;
            if (kind == TransportKind.NIO && name == null) {
                LOGGER.info("jasyncio transport: NIO (epoll unavailable: {})", String.valueOf(unavailabilityCause()));
            } else {
                LOGGER.info("jasyncio transport: {}", kind);
            }
        }
        return kind;
    }

    /**
     * The backend a loop runs on.
     *
     * @param loop a loop made by {@code Asyncio.newEventLoop} or {@code Asyncio.run}
     * @return its kind
     * @throws IllegalArgumentException if the loop does not run on Netty's transports
     */
    public static TransportKind of(EventLoop loop) {
        if (loop instanceof TransportLoop t) {
            return t.transportKind();
        }
        throw new IllegalArgumentException("the loop does not run on Netty's transports: " + loop);
    }
}
