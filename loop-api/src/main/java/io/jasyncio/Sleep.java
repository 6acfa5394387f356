/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * {@link Asyncio#sleep(double, Object)}, after CPython's {@code tasks.sleep}: a zero or negative delay yields one loop
 * iteration; a positive one awaits a future that a timer completes, and the timer is cancelled when the task leaves
 * early (cancelled), so a cancelled sleep leaves no handle in the loop's timer heap.
 */
final class Sleep {

    private Sleep() {
    }

    static <T> T sleep(double delay, T result) {
        Task<?> task = Asyncio.requireTask("sleep");
        if (delay <= 0) {
            task.suspendOn(null);
            return result;
        }
        if (Double.isNaN(delay)) {
            throw new IllegalArgumentException("Invalid delay: NaN (not a number)");
        }
        EventLoop loop = task.getLoop();
        Future<T> future = loop.createFuture();
        TimerHandle h = loop.callLater(delay, () -> {
            if (!future.done()) {
                future.setResult(result);
            }
        });
        try {
            return Asyncio.await(future);
        } finally {
            h.cancel();
        }
    }
}
