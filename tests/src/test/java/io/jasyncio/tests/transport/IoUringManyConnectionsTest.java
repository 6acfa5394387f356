/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.examples.EchoServer;
import io.jasyncio.load.LoadOptions;
import io.jasyncio.load.LoadResult;
import io.jasyncio.load.LoadRun;
import io.jasyncio.tests.BackendAssumptions;
import io.jasyncio.tests.LogCapture;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thousand busy connections on one io_uring loop: the completion queue must not overflow. With Netty's default
 * 128-entry submission queue it did (about ten "CompletionQueue overflow detected" warnings in five seconds of 1,000
 * echo connections): the completions of one batch queue a new receive and send each, a full submission queue is
 * submitted in the middle of the batch, and sockets already readable complete at once, while the batch still holds
 * its place in the completion queue. The io_uring backend sizes its rings for this (see {@code Backend.IO_URING}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IoUringManyConnectionsTest {
    private static final int CONNECTIONS = 1000;

    @Test
    void testThousandEchoConnectionsDoNotOverflowTheCompletionQueue() {
        assumeTrue("io_uring".equals(System.getProperty("jasyncio.transport")), "the io_uring execution only");
        BackendAssumptions.assumeBackendAvailable();
        long fds = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();
        assumeTrue(fds >= 2 * CONNECTIONS + 200, "needs a file descriptor limit over 2,200 (ulimit -n): " + fds);
        LoopGroup serverLoop = new LoopGroup(1, LoopOptions.defaults()).start();
        try (LogCapture log = new LogCapture()) {
            Server server = serverLoop.createServer(EchoServer.Echo::new, "127.0.0.1", 0);
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            LoadResult r = LoadRun.run(LoadOptions.parse(new String[] {"--target", "127.0.0.1:" + port, "--quiet",
                "--connections", String.valueOf(CONNECTIONS), "--duration", "2s", "--size", "1024",
                "--transport", "io_uring"}), null);
            assertEquals(0, r.errors(), "errors: " + r.firstError());
            assertTrue(r.requests() >= CONNECTIONS, "every connection answered: " + r.requests() + " requests");
            assertFalse(log.text().contains("CompletionQueue overflow"), log.text());
        } finally {
            serverLoop.close();
        }
    }
}
