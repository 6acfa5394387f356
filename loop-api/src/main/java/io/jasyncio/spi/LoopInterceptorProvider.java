/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.spi;

import io.jasyncio.EventLoop;

/**
 * Makes interceptors for new loops; found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.jasyncio.spi.LoopInterceptorProvider} file), so that putting a jar on the class path is
 * enough to install them. The {@code debug} module provides the debug-mode checks this way.
 */
public interface LoopInterceptorProvider {

    /**
     * Makes the interceptor for one loop.
     *
     * @param loop the loop
     * @return the interceptor, or {@code null} for none
     */
    LoopInterceptor create(EventLoop loop);

    /**
     * Whether the interceptor is installed only while the loop is in debug mode (installed by {@code setDebug(true)},
     * removed by {@code setDebug(false)}), so that it costs nothing when debug mode is off.
     *
     * @return {@code true} for a debug-mode check (the default)
     */
    default boolean debugOnly() {
        return true;
    }

    /**
     * An interceptor for what happens outside any loop: a coroutine object made on a thread where no loop runs (its
     * hooks then get a {@code null} loop). Asked once per JVM, of debug-only providers, and used only while debug mode
     * is on by default ({@code JASYNCIO_DEBUG=1}, {@code -Djasyncio.debug=true}).
     *
     * @return the interceptor, or {@code null} for none (the default)
     */
    default LoopInterceptor createDetached() {
        return null;
    }
}
