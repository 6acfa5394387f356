/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal.coro;

/**
 * One suspendable run of a task's body: resumed by the loop thread, suspended from inside at an await. Exactly one of
 * the loop and a fiber runs at any time.
 */
public interface Fiber {

    /**
     * Runs the body from its start, or from where it last suspended, until it suspends again or ends.
     * Called on the loop thread only, never from inside a fiber of the same task.
     *
     * @return {@code true} if the body has ended (returned or thrown)
     */
    boolean resume();

    /**
     * The body's frames while it is suspended, innermost first.
     *
     * @return the frames, empty when unknown or running
     */
    StackTraceElement[] stack();
}
