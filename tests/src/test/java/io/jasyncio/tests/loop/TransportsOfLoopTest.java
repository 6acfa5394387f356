/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.Transports;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Transports#of(EventLoop)}: a loop's backend, without casting to the loop's implementation. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransportsOfLoopTest {

    @Test
    void testTheBackendOfANioLoop() {
        try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withTransport("nio"))) {
            assertEquals(TransportKind.NIO, Transports.of(loop));
        }
    }

    @Test
    void testTheBestBackendByDefault() {
        try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withTransport(null))) {
            assertEquals(Transports.kind(), Transports.of(loop));
        }
    }

    @Test
    void testALoopOffNettyIsRefused() {
        EventLoop foreign = (EventLoop) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventLoop.class}, (proxy, method, args) -> method.getName().equals("toString")
                        ? "<foreign loop>" : null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transports.of(foreign));
        assertEquals("the loop does not run on Netty's transports: <foreign loop>", e.getMessage());
    }
}
