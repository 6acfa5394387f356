/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * jasyncio's API: the event loop, futures, tasks, coroutines, synchronization primitives, queues, streams and the
 * protocol and transport interfaces ({@code io.jasyncio}), and the SPI that loop implementations and debug checks
 * plug into ({@code io.jasyncio.spi}). The loop's machinery ({@code io.jasyncio.internal}) is exported only to the
 * transports and the Netty loop; the coroutine paths ({@code io.jasyncio.internal.coro}) are not exported at all.
 *
 * <p>The coroutine fast path runs tasks as {@code jdk.internal.vm.Continuation}s, which needs
 * {@code --add-exports java.base/jdk.internal.vm=io.jasyncio} on the module path
 * ({@code =ALL-UNNAMED} on the class path); without it tasks run on virtual threads.
 */
@SuppressWarnings("module") // the qualified exports name modules built after this one
module io.jasyncio {
    requires org.slf4j;
    requires java.management;
    requires jdk.unsupported; // sun.misc.Signal, for the loops' signal handlers

    exports io.jasyncio;
    exports io.jasyncio.spi;
    exports io.jasyncio.internal to io.jasyncio.transport, io.jasyncio.netty;

    uses io.jasyncio.spi.EventLoopProvider;
    uses io.jasyncio.spi.LoopInterceptorProvider;
}
