/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The part of an epoll pipe transport that both directions share: the parent's end of the pipe and its registration
 * with the loop's Netty epoll instance. The transport is the {@link EpollIoHandle}; this holds what it registered.
 * Loop thread only.
 */
final class EpollPipeRegistration {
    private final IoEventLoop io;
    private final FileDescriptor fd;
    private IoRegistration registration;

    EpollPipeRegistration(IoEventLoop io, FileDescriptor fd) {
        this.io = io;
        this.fd = fd;
    }

    FileDescriptor fd() {
        return fd;
    }

    /** Whether the descriptor is registered now (an event that comes after {@link #unregister} finds it is not). */
    boolean registered() {
        return registration != null;
    }

    /**
     * Registers the handle; once registered, submits the interest that {@code ops} gives then, unless the transport
     * no longer wants to be registered.
     *
     * @param handle the transport
     * @param unwanted whether the registration must be given up as soon as it is made
     * @param ops the interest to submit
     * @param failed told the cause when the registration fails
     */
    void register(EpollIoHandle handle, BooleanSupplier unwanted, Supplier<EpollIoOps> ops,
            Consumer<Throwable> failed) {
        io.register(handle).addListener(f -> {
            if (!f.isSuccess()) {
                failed.accept(f.cause());
                return;
            }
            IoRegistration r = (IoRegistration) f.getNow();
            if (unwanted.getAsBoolean()) {
                r.cancel();
                return;
            }
            registration = r;
            r.submit(ops.get());
        });
    }

    /** Changes the interest, if registered. */
    void submit(EpollIoOps ops) {
        if (registration != null) {
            registration.submit(ops);
        }
    }

    /** Removes the descriptor from epoll, as asyncio's {@code remove_reader}/{@code remove_writer}. */
    void unregister() {
        IoRegistration r = registration;
        registration = null;
        if (r != null) {
            r.cancel();
        }
    }

    /** Unregisters and closes the descriptor. */
    void close() {
        unregister();
        try {
            fd.close();
        } catch (IOException ignored) {
            // closing a pipe that failed: nothing left to do
        }
    }
}
