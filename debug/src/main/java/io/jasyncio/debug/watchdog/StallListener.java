/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.watchdog;

/**
 * Hears about stalls, on the watchdog thread: keep it short and never block.
 */
public interface StallListener {

    /**
     * The watchdog sampled a stalled loop; called after every sample, with what was seen so far.
     *
     * @param stall the stall so far ({@code ended} is {@code false})
     */
    default void stallSampled(Stall stall) {
    }

    /**
     * The watchdog reports a stall: once per stall, when the loop goes on, or while it is still blocked once the
     * report delay has passed.
     *
     * @param stall the stall
     */
    default void stallReported(Stall stall) {
    }
}
