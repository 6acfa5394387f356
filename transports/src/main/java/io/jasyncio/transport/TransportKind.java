/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport;

import io.jasyncio.transport.internal.Backend;
import java.util.Locale;

/**
 * The I/O backends a loop can run on: Netty's native transports (epoll on Linux, the default there; io_uring on Linux,
 * on request; kqueue on macOS, the default there) and Java NIO everywhere else, or where the native library is
 * missing. {@link Transports} chooses among them.
 */
public enum TransportKind {
    /** Linux epoll through Netty's native transport. */
    EPOLL,
    /** Linux io_uring through Netty's native transport; chosen only on request. */
    IO_URING,
    /** BSD kqueue through Netty's native transport: the default on macOS. */
    KQUEUE,
    /** Java NIO selectors: everywhere. */
    NIO;

    /**
     * Whether the backend can run here.
     *
     * @return {@code true} if available
     */
    public boolean isAvailable() {
        return Backend.of(this).isAvailable();
    }

    /**
     * Why the backend cannot run here.
     *
     * @return the original error, or {@code null} when available
     */
    public Throwable unavailabilityCause() {
        return Backend.of(this).unavailabilityCause();
    }

    /**
     * The backend of a name.
     *
     * @param name {@code epoll}, {@code io_uring}, {@code kqueue} or {@code nio}, any case
     * @return the kind
     * @throws IllegalArgumentException for an unknown name
     */
    public static TransportKind of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown transport '" + name + "': expected epoll, io_uring, kqueue or nio", e);
        }
    }
}
