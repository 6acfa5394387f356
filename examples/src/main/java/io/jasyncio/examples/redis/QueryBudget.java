/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.redis;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory the server lets all its clients' incomplete commands hold together: a quarter of the heap (a bulk that
 * grows by doubling needs its old and new arrays at once, and the store and the replies need the rest). A client
 * that announces or sends more than is left gets {@code -ERR Protocol error: ...} and is closed, as redis closes a
 * client past its {@code client-query-buffer-limit}; the server and the other clients go on. Shared by every
 * connection, on every loop.
 */
final class QueryBudget {
    /** No limit: for a parser alone, in tests. */
    static final QueryBudget UNLIMITED = new QueryBudget(Long.MAX_VALUE);

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    QueryBudget(long limit) {
        this.limit = limit;
    }

    /** A quarter of the heap this JVM may grow to. */
    static QueryBudget quarterOfTheHeap() {
        return new QueryBudget(Runtime.getRuntime().maxMemory() / 4);
    }

    long limit() {
        return limit;
    }

    /** Takes {@code n} bytes from the budget; {@code false}, and nothing taken, when fewer are left. */
    boolean reserve(long n) {
        if (held.addAndGet(n) > limit) {
            held.addAndGet(-n);
            return false;
        }
        return true;
    }

    void release(long n) {
        held.addAndGet(-n);
    }
}
