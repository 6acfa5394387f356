/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayList;
import java.util.List;

/**
 * An event manages a flag that can be set to true with {@link #set()} and reset to false with {@link #clear()};
 * {@link #wait_()} suspends the current task until the flag is true. The flag is initially false.
 *
 * <p>{@code wait()} is {@link #wait_()}: asyncio names that clash with {@link Object}'s final methods take a trailing
 * underscore (see the package documentation).
 *
 * <p>Threading: loop thread only, for the tasks of one loop (the first one that waits on it binds it).
 *
 * @asyncio asyncio.Event
 *     Differences: {@code wait()} is {@code wait_()}; {@code toString()} has no object address.
 */
public final class Event extends LoopBound {
    // Threading: loop thread only.
    private final List<Future<Boolean>> waiters = new ArrayList<>();
    private boolean value;

    /** Creates an event that is not set. */
    public Event() {
    }

    /**
     * Return true if and only if the internal flag is true.
     *
     * @return the flag
     * @asyncio Event.is_set()
     */
    public boolean isSet() {
        return value;
    }

    /**
     * Set the internal flag to true: all tasks waiting for it to become true are awakened; tasks that call
     * {@link #wait_()} once the flag is true do not suspend at all.
     *
     * @asyncio Event.set()
     */
    public void set() {
        if (!value) {
            value = true;
            for (Future<Boolean> fut : waiters) {
                if (!fut.done()) {
                    fut.setResult(true);
                }
            }
        }
    }

    /**
     * Reset the internal flag to false: tasks calling {@link #wait_()} then suspend until {@link #set()} is called.
     *
     * @asyncio Event.clear()
     */
    public void clear() {
        value = false;
    }

    /**
     * Block until the internal flag is true: returns {@code true} at once if it is, else suspends the current task until
     * another one calls {@link #set()}.
     *
     * @return {@code true}
     * @throws CancelledError if the task is cancelled while waiting
     * @throws IllegalStateException outside a task, or when the event is bound to another loop
     * @asyncio await Event.wait()
     */
    public boolean wait_() {
        if (value) {
            return true;
        }
        awaitNewWaiter(waiters);
        return true;
    }

    @Override
    public String toString() {
        return "<Event [" + (value ? "set" : "unset") + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size())
                + "]>";
    }
}
