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
 * An event that tasks wait for: {@link #set()} wakes every waiter, {@link #clear()} resets it.
 *
 * <p>Names that clash with {@link Object}'s final methods take a trailing underscore, as PEP 8 does for clashes with
 * keywords: {@code wait()} is {@link #wait_()}.
 *
 * @asyncio asyncio.Event
 */
public final class Event extends LoopBound {
    private final List<Future<Boolean>> waiters = new ArrayList<>();
    private boolean value;

    /** Creates an event that is not set. */
    public Event() {
    }

    /**
     * Whether the event is set.
     *
     * @return the flag
     * @asyncio Event.is_set()
     */
    public boolean isSet() {
        return value;
    }

    /**
     * Sets the event: every waiting task wakes.
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
     * Clears the event.
     *
     * @asyncio Event.clear()
     */
    public void clear() {
        value = false;
    }

    /**
     * Suspends the current task until the event is set; returns at once if it is.
     *
     * @return {@code true}
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
