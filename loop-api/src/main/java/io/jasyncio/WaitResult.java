/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.Set;

/**
 * What {@link Asyncio#wait} returns: the futures that are done and those still pending.
 *
 * @param done the done futures
 * @param pending the pending futures
 * @param <T> the futures' result type ({@code Object} for futures of several types)
 * @asyncio the (done, pending) tuple of asyncio.wait
 */
public record WaitResult<T>(Set<Future<? extends T>> done, Set<Future<? extends T>> pending) {
}
