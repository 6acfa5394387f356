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
 * A node of the loop's intrusive queues: the link lives in the {@link io.jasyncio.Handle} itself, so queueing a
 * callback allocates nothing beyond the handle (uvloop's and JCTools' discipline).
 */
public abstract class QueueNode {
    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(QueueNode.class, "next", QueueNode.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Threading: written by producers (release) and read by the loop thread (acquire); see MpscInbox, ReadyQueue.
    private QueueNode next;

    /** For subclasses. */
    protected QueueNode() {
    }

    final QueueNode lvNext() {
        return (QueueNode) NEXT.getAcquire(this);
    }

    final void soNext(QueueNode value) {
        NEXT.setRelease(this, value);
    }

    final QueueNode lpNext() {
        return (QueueNode) NEXT.get(this);
    }

    final void spNext(QueueNode value) {
        NEXT.set(this, value);
    }
}
