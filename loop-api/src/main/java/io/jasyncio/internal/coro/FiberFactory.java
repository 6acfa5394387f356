/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal.coro;

/** Makes fibers and suspends the current one: one implementation per coroutine path. */
public interface FiberFactory {

    /**
     * Makes a fiber that will run the body when first resumed.
     *
     * @param body the body; it must not throw (the task catches everything around the coroutine)
     * @param onStart called in the fiber's thread before the body, to bind thread-locals (the virtual-thread path);
     *     {@code null} where fibers do not own threads (the continuation path never calls it)
     * @return the fiber
     */
    Fiber create(Runnable body, Runnable onStart);

    /**
     * Suspends the fiber running on this thread until it is resumed; called from inside a body.
     *
     * @throws IllegalStateException if no fiber runs here, or the fiber cannot suspend (a held monitor)
     */
    void suspend();

    /**
     * The thread that runs the code of a resumed fiber, as seen from inside it.
     *
     * @return {@code true} if fibers run on their own threads (virtual threads), {@code false} if on the loop's
     */
    boolean ownThreads();

    /**
     * A name for logs.
     *
     * @return the path's name
     */
    String name();
}
