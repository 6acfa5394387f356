/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.netty.NettyEventLoop;
import io.jasyncio.transport.TransportKind;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Choosing the I/O backend: by name, with clear errors for unknown or unusable ones. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BackendChoiceTest {

    @Test
    void testNioByName() {
        try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withTransport("nio"))) {
            assertEquals(TransportKind.NIO, ((NettyEventLoop) loop).transportKind());
        }
    }

    @Test
    void testUnknownBackend() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Asyncio.newEventLoop(LoopOptions.defaults().withTransport("kqueue")));
        assertTrue(e.getMessage().contains("unknown transport 'kqueue'"), e.getMessage());
    }

    /** io_uring's Netty handler cannot move between threads, which a loop run on its caller's thread needs. */
    @Test
    void testIoUringRefusedWithReason() {
        assumeTrue(TransportKind.IO_URING.isAvailable(), "io_uring is not available here");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Asyncio.newEventLoop(LoopOptions.defaults().withTransport("io_uring")));
        assertTrue(e.getMessage().contains("does not support changing threads"), e.getMessage());
    }
}
