/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.sock;


import java.nio.channels.SelectableChannel;

/**
 * Watches JDK channels for readiness and runs callbacks on the loop: asyncio's {@code add_reader} and friends on a
 * {@link SelectableChannel}. Level-triggered: a callback runs once per iteration while its channel stays ready. Loop
 * thread only.
 */
interface ChannelWatcher {

    /**
     * Runs {@code callback} on the loop while {@code channel} is readable (or acceptable); replaces an earlier one.
     *
     * @param channel a non-blocking channel
     * @param callback the callback
     */
    void addReader(SelectableChannel channel, Runnable callback);

    /**
     * Stops watching for reads, if {@code onlyIf} is {@code null} or is the callback in place.
     *
     * @param channel the channel
     * @param onlyIf the callback to remove, or {@code null} for any
     * @return whether a callback was removed
     */
    boolean removeReader(SelectableChannel channel, Runnable onlyIf);

    /**
     * Runs {@code callback} on the loop while {@code channel} is writable (or has finished connecting).
     *
     * @param channel a non-blocking channel
     * @param callback the callback
     */
    void addWriter(SelectableChannel channel, Runnable callback);

    /**
     * Stops watching for writes, if {@code onlyIf} is {@code null} or is the callback in place.
     *
     * @param channel the channel
     * @param onlyIf the callback to remove, or {@code null} for any
     * @return whether a callback was removed
     */
    boolean removeWriter(SelectableChannel channel, Runnable onlyIf);
}
