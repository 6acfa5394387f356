/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import io.jasyncio.tests.Gc;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Connection;
import io.jasyncio.DatagramEndpoint;
import io.jasyncio.DatagramProtocol;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Transports, servers and loops left open (the guide's "Close transports and event loops"). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnclosedResourceCheckTest extends DebugTestBase {

    /** Reads and drops. */
    static final class Sink implements Protocol {
        @Override
        public void dataReceived(java.nio.ByteBuffer data) {
        }
    }

    /** Receives and drops. */
    static final class DatagramSink implements DatagramProtocol {
        @Override
        public void datagramReceived(java.nio.ByteBuffer data, java.net.SocketAddress addr) {
        }
    }

    private Server server() {
        return loop.runUntilComplete(loop.createServer(Sink::new, "127.0.0.1", 0));
    }

    private Connection<Sink> connect(Server server) {
        InetSocketAddress addr = (InetSocketAddress) server.sockets().get(0);
        return loop.runUntilComplete(loop.createConnection(Sink::new, "127.0.0.1", addr.getPort()));
    }

    @Test
    void testUnclosedAtLoopClose() {
        Server server = server();
        Connection<Sink> conn = connect(server);
        DatagramEndpoint<DatagramSink> udp = loop.runUntilComplete(loop.createDatagramEndpoint(
                DatagramSink::new, new InetSocketAddress("127.0.0.1", 0), null));
        String serverText = server.toString();
        String connText = conn.transport().toString();
        String udpText = udp.transport().toString();
        loop.close();
        String log = log();
        assertTrue(log.contains("WARN asyncio - unclosed server " + serverText), log);
        assertTrue(log.contains("WARN asyncio - unclosed transport " + connText), log);
        assertTrue(log.contains("WARN asyncio - unclosed transport " + udpText), log);
    }

    @Test
    void testClosedOrDebugOffNotLogged() {
        Server server = server();
        Connection<Sink> conn = connect(server);
        conn.transport().close();
        server.close();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
        loop.setDebug(false);
        server();
        loop.close();
        assertFalse(log().contains("unclosed"), log());
    }

    private static void dropLoop(boolean debug, boolean close) {
        EventLoop other = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(debug));
        other.runUntilComplete(other.createTask(() -> "ran"));
        if (close) {
            other.close();
        }
    }

    @Test
    void testUnclosedEventLoopCollected() {
        dropLoop(true, false);
        awaitLog("WARN asyncio - unclosed event loop <NettyEventLoop running=false closed=false debug=true>");
    }

    @Test
    void testClosedOrNotDebugLoopCollectedNotLogged() {
        dropLoop(true, true);
        dropLoop(false, false);
        String before = log();
        dropLoop(true, false);
        awaitLog("unclosed event loop");
        assertTrue(Gc.until(() -> log().indexOf("unclosed event loop") == log().lastIndexOf("unclosed event loop")),
                log());
        assertFalse(before.contains("unclosed"), before);
    }
}
