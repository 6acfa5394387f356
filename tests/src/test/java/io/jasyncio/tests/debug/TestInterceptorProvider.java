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

/** A debug-only provider found through META-INF/services, to test discovery. */
public final class TestInterceptorProvider implements LoopInterceptorProvider {

    /** The interceptor it installs; remembers its loop. */
    static final class Installed implements LoopInterceptor {
        final EventLoop loop;

        Installed(EventLoop loop) {
            this.loop = loop;
        }
    }

    @Override
    public LoopInterceptor create(EventLoop loop) {
        return new Installed(loop);
    }
}
