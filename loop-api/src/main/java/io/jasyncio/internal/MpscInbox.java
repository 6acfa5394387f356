/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The loop's inbox for callbacks from other threads: an intrusive multi-producer single-consumer queue (Vyukov's
 * non-blocking MPSC list), linked through {@link QueueNode}, so an offer allocates nothing.
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
            TAIL = MethodHandles.lookup().findVarHandle(MpscInbox.class, "tail", QueueNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A node that is never a callback: the queue's first consumed position. */
    private static final class Stub extends QueueNode {
    }

    // Threading: any thread (getAndSet).
    @SuppressWarnings("unused")
    private volatile QueueNode tail;
    // Threading: loop thread only.
    private QueueNode head;

    MpscInbox() {
        QueueNode stub = new Stub();
        head = stub;
        tail = stub;
    }

    /**
     * Adds a node; any thread. Each thread's nodes come out in the order it offered them.
     *
     * @param node the node, not in any queue
     */
    void offer(QueueNode node) {
        node.spNext(null);
        QueueNode prev = (QueueNode) TAIL.getAndSet(this, node);
        prev.soNext(node);
    }

    /**
     * Whether the inbox looks empty; any thread, a hint only while producers run.
     *
     * @return {@code true} when nothing was offered since the last drain
     */
    boolean isEmpty() {
        return head == (QueueNode) TAIL.getVolatile(this);
    }

    /**
     * Moves every node that is fully linked into the ready queue, in order; loop thread only.
     *
     * @param ready where the nodes go
     * @return how many were moved
     */
    int drainTo(ReadyQueue ready) {
        QueueNode h = head;
        int n = 0;
        QueueNode next;
        while ((next = h.lvNext()) != null) {
            h = next;
            ready.add((io.jasyncio.Handle) next);
            n++;
        }
        head = h;
        return n;
    }
}
