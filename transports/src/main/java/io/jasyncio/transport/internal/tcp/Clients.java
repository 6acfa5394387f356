/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import java.util.ArrayList;
import java.util.List;

/**
 * A server's accepted connections, asyncio's {@code Server._clients}: a doubly linked list through the transports
 * themselves ({@link TcpTransport#prevClient}, {@link TcpTransport#nextClient}), so that a connection costs its server
 * two references and no node of a set.
 *
 * <p>Threading: any thread (the connections of a server spread over child loops end on those loops' threads); each
 * method holds this object's lock, which is uncontended but for those ends.
 */
final class Clients {
    private TcpTransport first;
    private int size;

    /**
     * Adds a connection just accepted.
     *
     * @param t its transport, in no list yet
     */
    synchronized void add(TcpTransport t) {
        t.nextClient = first;
        if (first != null) {
            first.prevClient = t;
        }
        first = t;
        size++;
    }

    /**
     * Removes a connection; nothing happens for one not in the list (removed already).
     *
     * @param t its transport
     */
    synchronized void remove(TcpTransport t) {
        if (t.prevClient == null && first != t) {
            return;
        }
        TcpTransport prev = t.prevClient;
        TcpTransport next = t.nextClient;
        if (prev == null) {
            first = next;
        } else {
            prev.nextClient = next;
        }
        if (next != null) {
            next.prevClient = prev;
        }
        t.prevClient = null;
        t.nextClient = null;
        size--;
    }

    /**
     * The number of connections.
     *
     * @return the count
     */
    synchronized int size() {
        return size;
    }

    /**
     * Whether there is no connection.
     *
     * @return {@code true} when empty
     */
    synchronized boolean isEmpty() {
        return size == 0;
    }

    /**
     * The connections now, for closing each of them (a copy: closing one may remove it).
     *
     * @return the transports
     */
    synchronized List<TcpTransport> snapshot() {
        List<TcpTransport> all = new ArrayList<>(size);
        for (TcpTransport t = first; t != null; t = t.nextClient) {
            all.add(t);
        }
        return all;
    }
}
