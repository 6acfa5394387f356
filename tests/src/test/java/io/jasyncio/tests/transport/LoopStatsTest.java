/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Server;
import io.jasyncio.Streams;
import io.jasyncio.spi.LoopProbe;
import io.jasyncio.spi.LoopStats;
import org.junit.jupiter.api.Test;

/** The loop's running totals, as the JMX bean shows them: counted on every backend, with no debug mode. */
class LoopStatsTest extends NetTestBase {

    private LoopStats stats() {
        return LoopProbe.of(loop).stats();
    }

    @Test
    void iterationsCallbacksAndTasksAreCounted() {
        LoopStats before = stats();
        assertEquals(0, before.tasksCreated());
        loop.runUntilComplete(loop.createTask(() -> {
            for (int i = 0; i < 5; i++) {
                Asyncio.sleep(0);
            }
            return null;
        }));
        LoopStats after = stats();
        assertEquals(1, after.tasksCreated());
        assertEquals(0, after.tasksPending());
        assertTrue(after.iterations() >= 6, after.toString());
        assertTrue(after.callbacksRun() >= 6, after.toString()); // the task's steps
    }

    @Test
    void transportsServersAndBytesAreCounted() {
        Server server = loop.runUntilComplete(() -> Asyncio.startServer((reader, writer) -> {
            writer.write(reader.readexactly(100));
            writer.drain();
            writer.close();
        }, "127.0.0.1", 0));
        assertEquals(1, stats().serversOpen());
        loop.runUntilComplete(loop.createTask(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port(server));
            assertEquals(2, stats().transportsOpen(), "the client's and the server's side");
            s.writer().write(new byte[100]);
            s.reader().readexactly(100);
            s.writer().close();
            s.writer().waitClosed();
            return null;
        }));
        server.close();
        loop.runUntilComplete(loop.createTask(() -> {
            server.waitClosed();
            return null;
        }));
        LoopStats after = stats();
        assertEquals(0, after.serversOpen(), after.toString());
        assertEquals(0, after.transportsOpen(), after.toString());
        assertEquals(200, after.bytesRead(), "100 each way: " + after);
        assertEquals(200, after.bytesWritten(), "100 each way: " + after);
    }
}
