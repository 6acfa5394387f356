/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.queues;

import io.jasyncio.Queue;

/** CPython's {@code test_queues.py} QueueJoinTests: the _QueueJoinTestMixin tests on {@link Queue}. */
class QueueJoinTest extends AbstractQueueJoinTest {
    @Override
    protected <T> Queue<T> newQueue() {
        return new Queue<>();
    }
}
