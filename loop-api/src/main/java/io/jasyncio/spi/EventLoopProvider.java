/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.spi;

import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;

/**
 * Makes event loops with I/O; found with {@link java.util.ServiceLoader}. The {@code loop-netty} module provides the
 * one in use, so that {@code loop-api} needs no Netty import.
 *
 * @asyncio asyncio's event loop policy's new_event_loop()
 */
public interface EventLoopProvider {

    /**
     * Makes a new loop.
     *
     * @param options its clock, debug mode and backend
     * @return a new, not running, loop
     */
    EventLoop newEventLoop(LoopOptions options);

    /**
     * Which provider wins when several are found: the highest.
     *
     * @return the priority
     */
    default int priority() {
        return 0;
    }
}
