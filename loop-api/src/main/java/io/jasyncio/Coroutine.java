/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * A coroutine: code that runs in a {@link Task} and may suspend at {@link Asyncio#await(Future)}. Creating the lambda
 * runs nothing; {@code loop.createTask(coro)} schedules it, {@code Asyncio.await(coro)} runs it inline in the current
 * task, as {@code await coro()} does. A lambda may run any number of times; {@link Asyncio#coroutine(String, Coroutine)}
 * makes a named coroutine object that runs once, as Python's does, and that debug mode reports if it is collected
 * without being awaited or handed to a task ("coroutine 'name' was never awaited").
 *
 * @param <T> the result type
 * @asyncio a coroutine object (the result of calling an {@code async def} function)
 *     Differences: checked exceptions may be thrown freely; an exception comes out of {@code await} unwrapped.
 */
@FunctionalInterface
public interface Coroutine<T> {

    /**
     * Runs the coroutine's body.
     *
     * @return the result
     * @throws Exception whatever the body throws; {@link CancelledError} when it was cancelled at an await
     */
    T call() throws Exception;
}
