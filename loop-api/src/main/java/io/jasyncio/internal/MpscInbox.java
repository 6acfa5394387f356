/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Handle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The loop's inbox for callbacks from other threads: an intrusive multi-producer single-consumer queue (Vyukov's
 * non-blocking MPSC list), linked through the handles' own {@code next} field, so an offer allocates nothing.
 *
 * <p>Invariants: {@code head} is a consumed stub; the nodes after it are the queue. A producer swaps itself into
 * {@code tail}, then links the old tail to itself; between those two steps the consumer sees a gap and stops draining
 * (the node will be there at the next drain, and the producer's wake-up follows). The last node drained stays as
 * the new stub; the {@link ReadyQueue} holds handles in an array, not through this link, so that is safe.
 */
final class MpscInbox {
    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(MpscInbox.class, "tail", Handle.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A handle that is never run: the queue's first consumed position. */
    private static final Runnable STUB = () -> { };

    // Threading: any thread (getAndSet).
    @SuppressWarnings("unused")
    private volatile Handle tail;
    // Threading: loop thread only.
    private Handle head;

    MpscInbox() {
        Handle stub = HandleAccess.newHandle(STUB, null);
        head = stub;
        tail = stub;
    }

    /**
     * Adds a node; any thread. Each thread's nodes come out in the order it offered them.
     *
     * @param node the node, not in any queue
     */
    void offer(Handle node) {
        HandleAccess.spNext(node, null);
        Handle prev = (Handle) TAIL.getAndSet(this, node);
        HandleAccess.soNext(prev, node);
    }

    /**
     * Whether the inbox looks empty; any thread, a hint only while producers run.
     *
     * @return {@code true} when nothing was offered since the last drain
     */
    boolean isEmpty() {
        return head == (Handle) TAIL.getVolatile(this);
    }

    /**
     * Moves the nodes that are fully linked into the ready queue, in order, at most {@code limit} of them; loop thread
     * only. The rest stay in the inbox, in order, for the next drain.
     *
     * @param ready where the nodes go
     * @param limit the most to move
     * @return how many were moved
     */
    int drainTo(ReadyQueue ready, int limit) {
        Handle h = head;
        int n = 0;
        Handle next;
        while (n < limit && (next = HandleAccess.lvNext(h)) != null) {
            h = next;
            ready.add(next);
            n++;
        }
        head = h;
        return n;
    }
}
