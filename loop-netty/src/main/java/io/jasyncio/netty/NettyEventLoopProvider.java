/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.netty;

import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.spi.EventLoopProvider;

/** Makes {@link NettyEventLoop}s for {@code Asyncio.newEventLoop()}. */
public final class NettyEventLoopProvider implements EventLoopProvider {

    /** For {@link java.util.ServiceLoader}. */
    public NettyEventLoopProvider() {
    }

    @Override
    public EventLoop newEventLoop(LoopOptions options) {
        return new NettyEventLoop(options);
    }

    @Override
    public int priority() {
        return 10;
    }
}
