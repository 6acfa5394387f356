/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The protocol under a stream pair: feeds the {@link StreamReader}, keeps the flow-control state that
 * {@link StreamWriter#drain()} waits on, and on a server runs the client-connected callback in a new task.
 *
 * @asyncio asyncio.StreamReaderProtocol (with FlowControlMixin)
 */
public final class StreamReaderProtocol implements Protocol {
    private final EventLoop loop;
    private final StreamReader reader;
    private final Streams.ClientConnected onConnected;
    private final ArrayDeque<Future<Void>> drainWaiters = new ArrayDeque<>();
    private final Future<Void> closed;
    private StreamWriter writer;
    private boolean paused;
    private boolean connectionLost;
    private Throwable lostError;

    StreamReaderProtocol(EventLoop loop, StreamReader reader, Streams.ClientConnected onConnected) {
        this.loop = loop;
        this.reader = reader;
        this.onConnected = onConnected;
        this.closed = loop.createFuture();
    }

    @Override
    public void connectionMade(Transport transport) {
        reader.setTransport(transport);
        writer = new StreamWriter(transport, this, reader, loop);
        if (onConnected != null) {
            StreamWriter w = writer;
            Task<Object> task = loop.createTask(() -> {
                onConnected.handle(reader, w);
                return null;
            });
            task.addDoneCallback(t -> {
                if (!t.cancelled() && t.exception() != null) {
                    loop.callExceptionHandler(ExceptionContext.builder("Unhandled exception in client_connected_cb")
                            .exception(t.exception()).put(ExceptionContext.TRANSPORT, transport).build());
                    transport.close();
                }
            });
        }
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        reader.feedData(data);
    }

    @Override
    public boolean eofReceived() {
        reader.feedEof();
        return true;
    }

    @Override
    public void connectionLost(Throwable exc) {
        connectionLost = true;
        lostError = exc;
        if (exc == null) {
            reader.feedEof();
        } else {
            reader.setException(exc);
        }
        if (!closed.done()) {
            if (exc == null) {
                closed.setResult(null);
            } else {
                closed.setException(exc);
                closed.exception(); // retrieved: waitClosed reports it, nobody else must
            }
        }
        wakeDrainers();
    }

    @Override
    public void pauseWriting() {
        paused = true;
    }

    @Override
    public void resumeWriting() {
        paused = false;
        wakeDrainers();
    }

    private void wakeDrainers() {
        while (!drainWaiters.isEmpty()) {
            Future<Void> w = drainWaiters.poll();
            if (!w.done()) {
                if (lostError != null) {
                    w.setException(lostError);
                } else {
                    w.setResult(null);
                }
            }
        }
    }

    /** FlowControlMixin._drain_helper: waits while writing is paused. */
    void drainHelper() {
        if (connectionLost) {
            throw new IllegalStateException("Connection lost", lostError);
        }
        if (!paused) {
            return;
        }
        Future<Void> waiter = loop.createFuture();
        drainWaiters.add(waiter);
        try {
            Asyncio.await(waiter);
        } finally {
            drainWaiters.remove(waiter);
        }
    }

    Future<Void> closedFuture() {
        return closed;
    }

    StreamWriter writer() {
        return writer;
    }

    StreamReader reader() {
        return reader;
    }
}
