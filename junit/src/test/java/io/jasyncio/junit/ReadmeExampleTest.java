/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Streams;
import io.jasyncio.Transport;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The README's example of the extension, as it is printed there: it must pass. */
class ReadmeExampleTest {

    /** The README's echo protocol. */
    static final class Echo implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }
    }

    @JasyncioTest(timeout = 5)
    void echoes(EventLoop loop) {
        Server server = Asyncio.await(loop.createServer(Echo::new, "127.0.0.1", 0));
        int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
        Streams conn = Asyncio.openConnection("127.0.0.1", port);
        conn.writer().write("hi".getBytes(StandardCharsets.US_ASCII));
        assertEquals("hi", new String(conn.reader().readexactly(2), StandardCharsets.US_ASCII));
        conn.writer().close();
        conn.writer().waitClosed();
        server.close();
        server.waitClosed();     // forget to close the server and the test fails: "leak: not closed: ..."
    }
}
