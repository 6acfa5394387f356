/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * What reached a {@link TcpTransport} while its reading was paused, waiting for {@code resumeReading}, in order: data
 * Netty had read already (turning autoRead off stops the next read, not one under way), the peer's EOF
 * ({@link #EOF}) and the end of the connection ({@link #INACTIVE}). asyncio's {@code pause_reading} removes the
 * reader and the kernel keeps the bytes; Netty hands them over all the same, so they wait here.
 *
 * <p>Static methods over the transport's {@code heldBack} queue, made by the first event held back: a connection
 * never paused with a read in flight has none. Loop thread only.
 */
final class HeldBack {
    /** The peer's EOF, held back after the data that came before it. */
    static final Object EOF = new Object();
    /** The end of the connection (Netty's channelInactive), held back after everything else. */
    static final Object INACTIVE = new Object();

    private HeldBack() {
    }

    /**
     * Holds an event back, after those held back before it.
     *
     * @param t the transport
     * @param event a read (a ByteBuf the queue now owns), {@link #EOF} or {@link #INACTIVE}
     */
    static void add(TcpTransport t, Object event) {
        if (t.heldBack == null) {
            t.heldBack = new ArrayDeque<>();
        }
        t.heldBack.add(event);
    }

    /**
     * Holds back what is left of a read the protocol paused in the middle of: first in line.
     *
     * @param t the transport
     * @param rest the rest of the read, a ByteBuf the queue now owns
     */
    static void addFirst(TcpTransport t, ByteBuf rest) {
        if (t.heldBack == null) {
            t.heldBack = new ArrayDeque<>();
        }
        t.heldBack.addFirst(rest);
    }

    /**
     * Whether anything is held back.
     *
     * @param t the transport
     * @return {@code true} when an event waits
     */
    static boolean any(TcpTransport t) {
        ArrayDeque<Object> heldBack = t.heldBack;
        return heldBack != null && !heldBack.isEmpty();
    }

    /**
     * On {@code resumeReading}: delivers what was held back, in order, while the protocol keeps reading.
     *
     * @param t the transport, reading again
     * @return {@code false} when the held-back end was reached (connectionLost has been called), else {@code true}
     */
    static boolean deliver(TcpTransport t) {
        while (any(t) && t.reading) {
            Object event = t.heldBack.poll();
            if (event == EOF) {
                t.deliverEof();
            } else if (event == INACTIVE) {
                release(t);
                t.connectionLostOnce();
                return false;
            } else {
                t.deliver((ByteBuf) event);
            }
        }
        return true;
    }

    /**
     * Drops what is held back, releasing its reads: the connection ended, or will with nothing more delivered.
     *
     * @param t the transport
     */
    static void release(TcpTransport t) {
        ArrayDeque<Object> heldBack = t.heldBack;
        if (heldBack != null) {
            for (Object o : heldBack) {
                if (o instanceof ByteBuf b) {
                    b.release();
                }
            }
            t.heldBack = null;
        }
    }
}
