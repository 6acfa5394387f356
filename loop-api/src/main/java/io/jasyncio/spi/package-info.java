/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Extension points: {@link io.jasyncio.spi.EventLoopProvider} makes loops with I/O and is found with
 * {@link java.util.ServiceLoader}, so that the API module needs no I/O library.
 * {@link io.jasyncio.spi.LoopInterceptor} hooks into a loop's life (callbacks, polls, iterations, tasks, failed futures,
 * coroutine objects, transports, closing); {@link io.jasyncio.spi.LoopInterceptorProvider}s found the same way install
 * interceptors in every new loop, or only while it is in debug mode: the {@code debug} module's checks come this way.
 * {@link io.jasyncio.spi.LoopProbe} is what those checks read of a loop from another thread (its thread, its progress,
 * its tasks), so that they need nothing of the loop's implementation.
 */
package io.jasyncio.spi;
