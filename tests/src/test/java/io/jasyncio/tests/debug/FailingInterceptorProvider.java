/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import io.jasyncio.EventLoop;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;

/** A debug-only provider found through META-INF/services that fails while a test arms it; else it installs nothing. */
public final class FailingInterceptorProvider implements LoopInterceptorProvider {
    /** Whether create() throws. */
    static volatile boolean armed;

    @Override
    public LoopInterceptor create(EventLoop loop) {
        if (armed) {
            throw new IllegalStateException("provider bug");
        }
        return null;
    }

    @Override
    public String toString() {
        return "FailingInterceptorProvider";
    }
}
