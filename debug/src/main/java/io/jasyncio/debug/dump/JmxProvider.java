/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.dump;

import io.jasyncio.EventLoop;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;

/** Registers every new loop with {@link LoopMBeans} when {@code -Djasyncio.jmx=true}; adds no interceptor. */
public final class JmxProvider implements LoopInterceptorProvider {

    /** For {@link java.util.ServiceLoader}. */
    public JmxProvider() {
    }

    @Override
    public LoopInterceptor create(EventLoop loop) {
        if (Boolean.getBoolean(LoopMBeans.PROPERTY)) {
            LoopMBeans.register(loop);
        }
        return null;
    }

    @Override
    public boolean debugOnly() {
        return false;
    }
}
