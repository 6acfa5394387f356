/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.queues;

import io.jasyncio.Queue;

/** CPython's {@code test_queues.py} QueueShutdownTests: the _QueueShutdownTestMixin tests on {@link Queue}. */
class QueueShutdownTest extends AbstractQueueShutdownTest {
    @Override
    protected Queue<String> newQueue(int maxsize) {
        return new Queue<>(maxsize);
    }
}
