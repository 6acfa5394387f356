/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.tools;

import io.jasyncio.Asyncio;
import io.jasyncio.Connection;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.debug.strict.StrictMode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Strict mode in a test: a failing callback nobody expected, a failed task nobody looked at, a wrong-thread
 * {@code callSoon}, a connection left open;
 * {@code verify()} lists them. Then a test that hangs: {@code StrictMode.runUntilComplete} prints every task and fails.
 */
public final class StrictExample {
    private StrictExample() {
    }

    /** Ignores what it receives. */
    static final class Sink implements Protocol {
        @Override
        public void dataReceived(ByteBuffer data) {
        }
    }

    /**
     * Runs the example.
     *
     * @param args none
     * @throws Exception if a thread is interrupted
     */
    public static void main(String[] args) throws Exception {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.setExceptionHandler((l, c) -> { }); // the test's own handler: strict mode hears the calls anyway
            StrictMode strict = StrictMode.install(loop);
            Server server = loop.runUntilComplete(loop.createServer(Sink::new, "127.0.0.1", 0));
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            Connection<Sink> c = loop.runUntilComplete(loop.createConnection(Sink::new, "127.0.0.1", port));
            loop.callSoon(() -> Integer.parseInt("forty-two"));
            loop.createTask(() -> {
                throw new java.io.IOException("disk full"); // a task that fails, and nobody looks at it
            }, "save");
            Future<Void> done = loop.createFuture();
            Thread runner = Thread.ofPlatform().start(() -> loop.runUntilComplete(done));
            java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
            loop.callSoonThreadsafe(running::countDown); // right: from another thread
            running.await();
            loop.callSoon(() -> { }); // wrong: from the main thread while the loop runs on another
            loop.callSoonThreadsafe(() -> done.setResult(null));
            runner.join();
            try {
                strict.verify();
            } catch (AssertionError e) {
                System.out.println(e.getMessage());
            }
            c.transport().close();
            server.close();
            strict.close();

            Future<String> never = loop.createFuture();
            try {
                StrictMode.runUntilComplete(loop, loop.createTask(() -> Asyncio.await(never), "waits-forever"),
                        Duration.ofMillis(200));
            } catch (AssertionError e) {
                System.out.println("AssertionError: " + e.getMessage());
            }
            loop.runUntilComplete(() -> {
                server.waitClosed();
                return null;
            });
        }
    }
}
