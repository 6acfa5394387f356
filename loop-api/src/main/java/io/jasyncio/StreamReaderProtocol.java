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
    /** The drains waiting for resumeWriting; made by the first that waits (an idle connection has none). */
    private ArrayDeque<Future<Void>> drainWaiters;
    /** What {@link StreamWriter#waitClosed()} awaits; made by the first call (see closedFuture). */
    private Future<Void> closed;
    private StreamWriter writer;
    private boolean paused;
    private boolean connectionLost;
    private Throwable lostError;
    private boolean overSsl;

    static {
        io.jasyncio.internal.StreamAccess.set((protocol, data) -> {
            if (protocol.reader != null) {
                protocol.reader.feed(data);
            }
        });
    }

    /**
     * A protocol feeding {@code reader}, on the running loop, for a client connection.
     *
     * @param reader the reader to feed, or {@code null}
     * @throws IllegalStateException "There is no current event loop" outside a running loop
     * @asyncio asyncio.StreamReaderProtocol(stream_reader)
     */
    public StreamReaderProtocol(StreamReader reader) {
        this(reader, null, StreamReader.currentLoop());
    }

    /**
     * A protocol feeding {@code reader}, on the running loop; with a callback, a server's: each connection runs it in
     * a new task.
     *
     * @param reader the reader to feed, or {@code null}
     * @param onConnected the client-connected callback, or {@code null}
     * @throws IllegalStateException "There is no current event loop" outside a running loop
     * @asyncio asyncio.StreamReaderProtocol(stream_reader, client_connected_cb)
     */
    public StreamReaderProtocol(StreamReader reader, Streams.ClientConnected onConnected) {
        this(reader, onConnected, StreamReader.currentLoop());
    }

    /**
     * A protocol feeding {@code reader} on {@code loop}.
     *
     * @param reader the reader to feed, or {@code null}
     * @param onConnected the client-connected callback, or {@code null}
     * @param loop the loop
     * @asyncio asyncio.StreamReaderProtocol(stream_reader, client_connected_cb=None, loop=None)
     */
    public StreamReaderProtocol(StreamReader reader, Streams.ClientConnected onConnected, EventLoop loop) {
        this.loop = java.util.Objects.requireNonNull(loop, "loop");
        this.reader = reader;
        this.onConnected = onConnected;
    }

    @Override
    public void connectionMade(Transport transport) {
        if (reader != null) {
            reader.setTransport(transport);
        }
        overSsl = transport.getExtraInfo("sslcontext") != null;
        if (onConnected != null) {
            writer = new StreamWriter(transport, this, reader, loop);
            ClientTask client = new ClientTask(transport);
            loop.createTask(client).addDoneCallback(client);
        }
    }

    /**
     * A server's client-connected callback as a task's body, and what its end does to the connection: one object per
     * connection for both, as it stays for the connection's life.
     */
    private final class ClientTask implements Coroutine<Object>, java.util.function.Consumer<Future<Object>> {
        private final Transport transport;

        ClientTask(Transport transport) {
            this.transport = transport;
        }

        @Override
        public Object call() throws Exception {
            onConnected.handle(reader, writer);
            return null;
        }

        /** The task ended: a cancelled or failed callback closes the connection; a failure is reported first. */
        @Override
        public void accept(Future<Object> t) {
            if (t.cancelled()) {
                transport.close();
                return;
            }
            if (t.exception() != null) {
                loop.callExceptionHandler(ExceptionContext.builder("Unhandled exception in client_connected_cb")
                        .exception(t.exception()).put(ExceptionContext.TRANSPORT, transport).build());
                transport.close();
            }
        }
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (reader != null) {
            reader.feedData(data);
        }
    }

    /**
     * Feeds the end of the stream to the reader; keeps the connection half-open, except over TLS (which cannot).
     *
     * @return {@code true} unless the transport is encrypted
     */
    @Override
    public boolean eofReceived() {
        if (reader != null) {
            reader.feedEof();
        }
        return !overSsl;
    }

    @Override
    public void connectionLost(Throwable exc) {
        connectionLost = true;
        lostError = exc;
        if (reader != null) {
            if (exc == null) {
                reader.feedEof();
            } else {
                reader.setException(exc);
            }
        }
        if (closed != null) {
            settleClosed();
        }
        wakeDrainers();
    }

    /** The connection is lost: the closed future has its outcome. */
    private void settleClosed() {
        if (!closed.done()) {
            if (lostError == null) {
                closed.setResult(null);
            } else {
                closed.setException(lostError);
                closed.exception(); // retrieved: waitClosed reports it, nobody else must
            }
        }
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
        if (drainWaiters == null) {
            return;
        }
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

    /**
     * FlowControlMixin._drain_helper: waits while writing is paused.
     *
     * @throws ConnectionResetError "Connection lost" once the connection is lost, its error as the cause
     */
    void drainHelper() {
        if (connectionLost) {
            throw new ConnectionResetError("Connection lost", lostError);
        }
        if (!paused) {
            return;
        }
        Future<Void> waiter = loop.createFuture();
        if (drainWaiters == null) {
            drainWaiters = new ArrayDeque<>(2);
        }
        drainWaiters.add(waiter);
        try {
            Asyncio.await(waiter);
        } finally {
            drainWaiters.remove(waiter);
        }
    }

    /** After STARTTLS: the transport is now encrypted. asyncio's _replace_transport. */
    void replaceTransport(Transport transport) {
        overSsl = transport.getExtraInfo("sslcontext") != null;
    }

    boolean isServerSide() {
        return onConnected != null;
    }

    /**
     * The loop.
     *
     * @return the loop
     */
    public EventLoop getLoop() {
        return loop;
    }

    Future<Void> closedFuture() {
        if (closed == null) {
            closed = loop.createFuture();
            if (connectionLost) {
                settleClosed();
            }
        }
        return closed;
    }

    /**
     * The writer a server's protocol made at {@code connectionMade} for its client-connected callback.
     *
     * @return the writer, or {@code null} before the connection is made and on a client's protocol
     */
    public StreamWriter writer() {
        return writer;
    }

    StreamReader reader() {
        return reader;
    }
}
