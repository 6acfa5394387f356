/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import io.jasyncio.BaseProtocol;
import io.jasyncio.Connection;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.Ticker;
import io.jasyncio.tests.LoopTestBase;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What the network suites share: a loop on the real clock, servers on 127.0.0.1 port 0 whose connections are
 * {@link Recorder}s kept in {@link #serverSide}, and plain blocking sockets for peers that misbehave (that never read,
 * or reset). Waits are the loop's own ({@link #waitUntil}, {@link #sleep}): nothing sleeps a thread.
 */
abstract class NetTestBase extends LoopTestBase {
    /** The protocols of the connections the server accepted, in order. */
    protected final List<Recorder> serverSide = new ArrayList<>();

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system()); // real sockets, real time
    }

    protected Server listen(Supplier<? extends BaseProtocol> factory) {
        return listen(factory, ServerOptions.defaults());
    }

    protected Server listen(Supplier<? extends BaseProtocol> factory, ServerOptions options) {
        return loop.runUntilComplete(loop.createServer(factory, "127.0.0.1", 0, options));
    }

    /** A server whose connections are Recorders, kept in {@link #serverSide}. */
    protected Server listenRecording() {
        return listenRecording(ServerOptions.defaults());
    }

    protected Server listenRecording(ServerOptions options) {
        return listen(() -> {
            Recorder r = new Recorder(loop);
            serverSide.add(r);
            return r;
        }, options);
    }

    protected static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    protected Connection<Recorder> connect(Server server) {
        return loop.runUntilComplete(loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port(server)));
    }

    /** The {@code i}-th accepted connection, once its connectionMade has run. */
    protected Recorder accepted(int i) {
        waitUntil(() -> serverSide.size() > i && serverSide.get(i).transport != null);
        return serverSide.get(i);
    }

    /** Runs the loop for {@code seconds} of real time: long enough for loopback I/O that should not happen. */
    protected void sleep(double seconds) {
        Future<Void> later = loop.createFuture();
        loop.callLater(seconds, () -> later.setResult(null));
        loop.runUntilComplete(later);
    }

    protected void closeServer(Server server) {
        server.close();
        server.abortClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    /** Closes a client connection and waits for its connectionLost. */
    protected void closeClient(Connection<Recorder> c) {
        c.transport().close();
        loop.runUntilComplete(c.protocol().lost);
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A blocking peer on 127.0.0.1 with a small receive buffer, so that it stops our writes quickly. */
    protected static Socket stingyPeer(Server server) throws java.io.IOException {
        Socket peer = new Socket();
        peer.setReceiveBufferSize(4096);
        peer.connect(new InetSocketAddress("127.0.0.1", port(server)));
        return peer;
    }

    /**
     * Writes to a peer that never reads (a {@link #stingyPeer}) until the transport's write buffer holds data, running
     * the loop between writes.
     *
     * @return the bytes written
     */
    protected long fill(io.jasyncio.Transport t) {
        byte[] chunk = new byte[65536];
        long written = 0;
        // More than a few chunks held back: on io_uring a write in flight counts as buffered until it completes.
        for (int i = 0; i < 2000 && t.getWriteBufferSize() <= 4L * chunk.length; i++) {
            t.write(chunk);
            written += chunk.length;
            runOnce();
        }
        org.junit.jupiter.api.Assertions.assertTrue(t.getWriteBufferSize() > 0, "the peer's socket buffers never filled");
        return written;
    }

    /** Reads {@code n} bytes from a blocking socket on a thread of its own; the future has them. */
    protected static CompletableFuture<byte[]> readOnThread(Socket peer, long n) {
        CompletableFuture<byte[]> got = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                InputStream in = peer.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                byte[] chunk = new byte[65536];
                while (all.size() < n) {
                    int r = in.read(chunk);
                    if (r < 0) {
                        break;
                    }
                    all.write(chunk, 0, r);
                }
                got.complete(all.toByteArray());
            } catch (java.io.IOException e) {
                got.completeExceptionally(e);
            }
        }, "peer-reader");
        t.setDaemon(true);
        t.start();
        return got;
    }
}
