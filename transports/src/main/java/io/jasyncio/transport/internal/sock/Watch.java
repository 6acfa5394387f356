/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.sock;


import io.jasyncio.internal.BaseEventLoop;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One watched channel: its reader and writer callbacks and the selection-key interest they make. The callbacks run
 * as loop handles, so that a failure reaches the loop's exception handler and a callback removed before its turn does
 * not run (asyncio cancels the handle). Threading: loop thread only, but {@link #pending} which belongs to the thread
 * that selects.
 */
final class Watch {
    final SelectableChannel channel;
    // Threading: loop thread only.
    Runnable reader;
    Runnable writer;
    /** Ops that fired and whose callbacks have not run yet: not armed again until they have (selecting thread). */
    int pending;
    private final BaseEventLoop loop;
    final Runnable readTask = this::runReader;
    final Runnable writeTask = this::runWriter;

    Watch(BaseEventLoop loop, SelectableChannel channel) {
        this.loop = loop;
        this.channel = channel;
    }

    /** The interest ops that the callbacks in place ask for: 0 when there are none. */
    int interestOps() {
        int ops = 0;
        if (reader != null) {
            ops |= (channel.validOps() & SelectionKey.OP_READ) != 0 ? SelectionKey.OP_READ : SelectionKey.OP_ACCEPT;
        }
        if (writer != null) {
            // A connect in progress is reported by OP_CONNECT only: asyncio's "writable" after a connect.
            ops |= channel instanceof SocketChannel s && s.isConnectionPending() ? SelectionKey.OP_CONNECT
                    : SelectionKey.OP_WRITE;
        }
        return ops;
    }

    boolean idle() {
        return reader == null && writer == null;
    }

    /** Schedules the callbacks that {@code readyOps} wake, to run in this iteration. */
    void schedule(int readyOps) {
        if ((readyOps & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && reader != null) {
            loop.callSoon(readTask);
        }
        if ((readyOps & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && writer != null) {
            loop.callSoon(writeTask);
        }
    }

    private void runReader() {
        Runnable r = reader;
        if (r != null) {
            r.run();
        }
    }

    private void runWriter() {
        Runnable w = writer;
        if (w != null) {
            w.run();
        }
    }

    static void checkNonBlocking(SelectableChannel channel) {
        if (channel.isBlocking()) {
            throw new IllegalArgumentException("the socket must be non-blocking");
        }
    }
}
