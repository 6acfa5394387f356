/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * jasyncio's event loop over Netty. It exports nothing: applications reach the loop as an {@code io.jasyncio.EventLoop}
 * through {@code Asyncio.newEventLoop()} or {@code Asyncio.run}, which find it as the
 * {@link io.jasyncio.spi.EventLoopProvider} service.
 */
module io.jasyncio.netty {
    requires transitive io.jasyncio.transport;
    requires io.netty.common;
    requires io.netty.transport;

    provides io.jasyncio.spi.EventLoopProvider with io.jasyncio.netty.NettyEventLoopProvider;
}
