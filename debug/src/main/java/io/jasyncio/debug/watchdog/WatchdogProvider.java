/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.watchdog;

import io.jasyncio.EventLoop;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * Installs a watchdog on every new loop when the system property {@code jasyncio.watchdog} is set (for example
 * {@code -Djasyncio.watchdog=100ms}), debug mode or not. A bad value is logged once per loop and ignored.
 */
public final class WatchdogProvider implements LoopInterceptorProvider {

    /** For {@link java.util.ServiceLoader}. */
    public WatchdogProvider() {
    }

    @Override
    public LoopInterceptor create(EventLoop loop) {
        String value = System.getProperty(Watchdog.PROPERTY);
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration threshold;
        try {
            threshold = Watchdog.parse(value);
            Watchdog.install(loop, threshold);
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger("asyncio").warn("-D{}={} ignored: {}", Watchdog.PROPERTY, value, e.getMessage());
        }
        return null; // install() added the watchdog's own interceptor
    }

    @Override
    public boolean debugOnly() {
        return false;
    }
}
