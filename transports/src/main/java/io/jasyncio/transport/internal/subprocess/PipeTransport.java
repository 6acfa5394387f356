/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.jasyncio.BaseProtocol;
import io.jasyncio.OSError;
import io.jasyncio.Transport;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.ProtocolFailures;
import java.nio.ByteBuffer;

/**
 * What the read and the write pipe transports share: the loop, the protocol, the closing state, the protocol
 * callbacks that report a failure as asyncio's {@code _fatal_error}, and the methods of the other direction, which
 * throw {@link UnsupportedOperationException} (asyncio's pipe transports do not have them).
 */
abstract class PipeTransport implements Transport {
    /**
     * The stack of a pipe's thread: it only moves bytes. Platform daemon threads, not virtual ones: a blocking read
     * of a JDK process stream happens inside its monitor and in a file read, which keep a virtual thread on its
     * carrier; a few children blocked that way would starve every virtual thread of the JVM.
     */
    static final long STACK_SIZE = 256 * 1024;

    // Threading: loop thread only, unless marked.
    final BaseEventLoop loop;
    BaseProtocol protocol;
    /** The pipe: a {@code java.nio} channel, or the {@code java.lang.Process} stream. */
    final Object pipe;
    boolean closing;
    boolean lost;

    PipeTransport(BaseEventLoop loop, BaseProtocol protocol, Object pipe) {
        this.loop = loop;
        this.protocol = protocol;
        this.pipe = pipe;
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    /**
     * {@code pipe}: the channel or the stream given to the loop.
     *
     * @param name the key
     * @return the value, or {@code null}
     */
    @Override
    public Object getExtraInfo(String name) {
        return "pipe".equals(name) ? pipe : null;
    }

    @Override
    public BaseProtocol getProtocol() {
        return protocol;
    }

    @Override
    public void setProtocol(BaseProtocol p) {
        protocol = java.util.Objects.requireNonNull(p, "protocol");
    }

    /**
     * Schedules {@code connectionMade}, then {@code then}; asyncio's {@code call_soon(connection_made)}.
     *
     * @param then runs after {@code connectionMade}, or {@code null}
     */
    void start(Runnable then) {
        loop.callSoon(() -> {
            connectionMade();
            if (then != null) {
                then.run();
            }
        });
    }

    /** Starts the I/O; call it after {@link #start} has run, so that no data comes before {@code connectionMade}. */
    abstract void startIo();

    /** Runs {@code connectionMade}; a failure closes the transport as asyncio's does. */
    void connectionMade() {
        try {
            protocol.connectionMade(this);
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.connection_made() call failed.");
        }
    }

    /**
     * asyncio's {@code _fatal_error}: an {@link OSError} is only logged at debug level, anything else goes to the
     * exception handler; then the transport closes with the error.
     */
    void fatalError(Throwable t, String message) {
        if (t instanceof OSError) {
            BaseEventLoop.LOGGER.debug("{}: {}", this, message, t);
        } else {
            ProtocolFailures.report(loop, message, t, this, protocol);
        }
        forceClose(t);
    }

    /** Closes at once: nothing more is read or written, {@code connectionLost(exc)} comes next. */
    abstract void forceClose(Throwable exc);

    /** asyncio's {@code _call_connection_lost}: tells the protocol, then closes the pipe. */
    void callConnectionLost(Throwable exc) {
        if (lost) {
            return;
        }
        lost = true;
        try {
            protocol.connectionLost(exc);
        } catch (Throwable t) {
            ProtocolFailures.report(loop, "Fatal error: protocol.connection_lost() call failed.", t, this, protocol);
        } finally {
            closePipe();
        }
    }

    /** Closes the channel or stream; does not block. */
    abstract void closePipe();

    /**
     * Schedules {@link #callConnectionLost}, or closes the pipe at once when the loop can no longer run it: a loop
     * that is closed, or closing its I/O (Netty closes the handles left when its loop stops), has nobody left to tell.
     */
    final void connectionLostSoon(Throwable exc) {
        if (loop.isClosed()) {
            closePipe();
            return;
        }
        try {
            loop.callSoon(() -> callConnectionLost(exc));
        } catch (IllegalStateException closingIo) {
            closePipe();
        }
    }

    // ---- the other direction

    UnsupportedOperationException notThisWay(String what) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " has no " + what);
    }
}
