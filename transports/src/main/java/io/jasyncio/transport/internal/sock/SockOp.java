/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.sock;


import io.jasyncio.Future;
import io.jasyncio.transport.internal.OsErrors;
import java.io.IOException;
import java.nio.channels.SelectableChannel;

/**
 * One {@code sock_*} operation, as asyncio's {@code selector_events} makes it: tried at once, and if the socket is not
 * ready, tried again each time the watcher says it is, until it is done; the future's end (a result, a failure, a
 * cancellation) stops the watching. The operation is its own watcher callback, so that removing it removes only it:
 * a later operation on the same socket that replaced it stays watched (asyncio checks its handle likewise). Loop
 * thread only.
 *
 * @param <T> the result type
 */
abstract class SockOp<T> implements Runnable {
    final Future<T> future;
    final SelectableChannel channel;
    private final ChannelWatcher watcher;
    private final boolean write;

    SockOp(Future<T> future, SelectableChannel channel, ChannelWatcher watcher, boolean write) {
        this.future = future;
        this.channel = channel;
        this.watcher = watcher;
        this.write = write;
    }

    /**
     * One attempt: sets the future's result and returns {@code true} when done, {@code false} to wait for readiness.
     *
     * @return whether the operation is over
     * @throws IOException the socket's error, which fails the future
     */
    abstract boolean attempt() throws IOException;

    /** The failure that an I/O error becomes. */
    Throwable failure(Throwable t) {
        return OsErrors.of(t);
    }

    /** Starts the operation: an attempt, then the watching if it must wait. */
    final Future<T> start() {
        if (tryOnce()) {
            return future;
        }
        if (write) {
            watcher.addWriter(channel, this);
        } else {
            watcher.addReader(channel, this);
        }
        future.addDoneCallback(f -> unwatch());
        return future;
    }

    @Override
    public final void run() {
        if (future.done() || tryOnce()) {
            unwatch();
        }
    }

    private boolean tryOnce() {
        try {
            return attempt() || future.done();
        } catch (IOException | RuntimeException e) {
            if (!future.done()) {
                future.setException(failure(e));
            }
            return true;
        }
    }

    private void unwatch() {
        if (write) {
            watcher.removeWriter(channel, this);
        } else {
            watcher.removeReader(channel, this);
        }
    }
}
