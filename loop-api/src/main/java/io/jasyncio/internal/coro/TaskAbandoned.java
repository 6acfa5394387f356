/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal.coro;

/**
 * Thrown at the await of a task still pending when its loop closes, so that its body unwinds and its
 * {@code finally} blocks run, as asyncio closes a destroyed task's coroutine with {@code GeneratorExit}. An
 * {@link Error}, like {@code GeneratorExit} is no {@code Exception}: {@code catch (Exception e)} lets it through.
 */
public final class TaskAbandoned extends Error {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the error.
     *
     * @param task the task, for the message
     */
    public TaskAbandoned(Object task) {
        super("the event loop closed while the task was pending: " + task, null, false, false);
    }
}
