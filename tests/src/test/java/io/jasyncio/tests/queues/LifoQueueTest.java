/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.LifoQueue;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's {@code Lib/test/test_asyncio/test_queues.py} LifoQueueTests. */
class LifoQueueTest extends LoopTestBase {

    /** Port of test_queues.py LifoQueueTests.test_order. */
    @Test
    void testOrder() {
        LifoQueue<Integer> q = new LifoQueue<>();
        List<Integer> items = run(() -> {
            for (int i : new int[] {1, 3, 2}) {
                q.put(i);
            }
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(q.get());
            }
            return got;
        });
        assertEquals(List.of(2, 3, 1), items);
    }
}
