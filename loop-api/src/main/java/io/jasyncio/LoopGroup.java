/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * N event loops, each running forever on a thread of its own, for using every core: asyncio runs one loop per process,
 * a JVM can run one per core. Servers spread accepted connections over a group; each connection's callbacks stay on
 * one loop.
 *
 * <p>Threading: every method is thread-safe. Work reaches a loop of the group with {@code callSoonThreadsafe}.
 */
public final class LoopGroup implements AutoCloseable {
    private final List<EventLoop> loops;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private boolean started;
    private boolean closed;

    /**
     * Creates {@code size} loops (not running yet).
     *
     * @param size how many loops
     * @param options the options of every loop
     */
    public LoopGroup(int size, LoopOptions options) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1: " + size);
        }
        List<EventLoop> made = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            made.add(Asyncio.newEventLoop(options));
        }
        this.loops = List.copyOf(made);
    }

    /**
     * Creates one loop per available processor, with the default options.
     *
     * @return a group, not started
     */
    public static LoopGroup perCore() {
        return new LoopGroup(Runtime.getRuntime().availableProcessors(), LoopOptions.defaults());
    }

    /**
     * Starts every loop on its own thread, named {@code jasyncio-loop-N} and never a daemon (a running group keeps the
     * JVM alive until it is closed); returns when all run.
     *
     * @return this
     * @throws IllegalStateException if started before, closed, if a loop of the group is closed, or if a loop failed
     *     to start (the cause says why)
     */
    public synchronized LoopGroup start() {
        if (closed) {
            throw new IllegalStateException("LoopGroup is closed");
        }
        if (started) {
            throw new IllegalStateException("LoopGroup is already started");
        }
        for (EventLoop loop : loops) {
            if (loop.isClosed()) {
                throw new IllegalStateException("Event loop is closed");
            }
        }
        started = true;
        CountDownLatch running = new CountDownLatch(loops.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < loops.size(); i++) {
            EventLoop loop = loops.get(i);
            loop.callSoon(running::countDown);
            Thread t = new Thread(() -> {
                try {
                    loop.runForever();
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    running.countDown(); // start() must not wait for a loop that will never run
                    throw e;
                }
            }, "jasyncio-loop-" + i);
            t.setDaemon(false);
            threads.add(t);
            t.start();
        }
        boolean interrupted = false;
        while (true) {
            try {
                running.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("a loop of the group failed to start; close the group", failed);
        }
        return this;
    }

    /**
     * How many loops.
     *
     * @return the size
     */
    public int size() {
        return loops.size();
    }

    /**
     * One loop of the group.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the loop
     */
    public EventLoop loop(int index) {
        return loops.get(index);
    }

    /**
     * The loops, in order.
     *
     * @return an immutable list
     */
    public List<EventLoop> loops() {
        return loops;
    }

    /**
     * The next loop, round robin.
     *
     * @return a loop
     */
    public EventLoop next() {
        return loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
    }

    /**
     * Starts a TCP server on the group: the first loop accepts, the connections are spread round robin over every
     * loop of the group (see {@link #createServer(Supplier, String, int, ServerOptions)} for a socket per loop). The factory runs on the loop that serves the connection, once it is made. Call after
     * {@link #start()}, from any thread but the group's; it blocks until the server listens.
     *
     * @param protocolFactory makes a protocol per connection
     * @param host the address to bind
     * @param port the port, 0 for any
     * @return the listening server; close it with {@code server.getLoop().callSoonThreadsafe(server::close)}
     * @throws OSError with errno 98 (EADDRINUSE) when the address is already in use
     * @throws GaiError when the host cannot be resolved
     */
    public Server createServer(Supplier<? extends BaseProtocol> protocolFactory, String host, int port) {
        return createServer(protocolFactory, host, port, ServerOptions.defaults());
    }

    /**
     * Starts a TCP server on the group with options, as
     * {@link EventLoop#createServer(Supplier, String, int, ServerOptions)} with the group's loops as
     * {@link ServerOptions#childLoops()}: every option applies as on one loop (TLS and its timeouts, several hosts,
     * backlog, SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE, start serving). With {@code startServing} false, call
     * {@link Server#startServing()} on the server's loop ({@link Server#getLoop()}).
     *
     * <p>Who accepts: by default the first loop accepts every connection and hands them round robin to the loops.
     * With {@link ServerOptions#withReusePort(boolean) withReusePort(true)} (asyncio's {@code reuse_port=True}, the
     * way asyncio servers scale over processes) every loop binds a listening socket of its own to the same address
     * with SO_REUSEPORT, accepts on it and serves what it accepts, and the kernel spreads the connections over the
     * sockets: no loop hands connections to another, which helps when connections come and go quickly. With port 0
     * the first socket picks the port and the others bind it; {@link Server#sockets()} lists one socket per loop,
     * and closing the server closes them all. Where the kernel does not spread a port's connections (anywhere but
     * Linux), the first loop accepts for all, as by default, and the {@code asyncio} logger says so.
     *
     * @param protocolFactory makes a protocol per connection
     * @param host the address to bind, or {@code null} for every interface or for the options' hosts
     * @param port the port, 0 for any
     * @param options the options; their child loops are replaced by the group's
     * @return the listening server
     * @throws OSError with errno 98 (EADDRINUSE) when the address is already in use
     * @throws GaiError when the host cannot be resolved
     * @throws IllegalArgumentException asyncio's ValueError for TLS timeouts without TLS; a host given with the
     *     options' hosts
     */
    public Server createServer(Supplier<? extends BaseProtocol> protocolFactory, String host, int port,
            ServerOptions options) {
        EventLoop acceptor = loops.get(0);
        ServerOptions spread = options.withChildLoops(loops);
        java.util.concurrent.CompletableFuture<Server> made = new java.util.concurrent.CompletableFuture<>();
        acceptor.callSoonThreadsafe(() -> {
            try {
                acceptor.createServer(protocolFactory, host, port, spread).addDoneCallback(f -> {
                    if (f.exception() != null) {
                        made.completeExceptionally(f.exception());
                    } else {
                        made.complete(f.result());
                    }
                });
            } catch (RuntimeException e) {
                made.completeExceptionally(e);
            }
        });
        try {
            return made.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw Asyncio.<RuntimeException>sneaky(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the server was starting", e);
        }
    }

    /**
     * Starts a Streams server on the group, as {@link Asyncio#startServer} does on one loop: the first loop accepts,
     * the connections are spread round robin, and each client's reader, writer and task live on the loop that serves
     * it. Call after {@link #start()}, from any thread but the group's; it blocks until the server listens.
     *
     * @param clientConnected the handler, run in a new task for each client, on that client's loop
     * @param host the address to bind
     * @param port the port, 0 for any
     * @return the listening server; close it with {@code server.getLoop().callSoonThreadsafe(server::close)}
     * @throws OSError with errno 98 (EADDRINUSE) when the address is already in use
     * @throws GaiError when the host cannot be resolved
     * @asyncio asyncio.start_server(client_connected_cb, host, port), spread over several loops
     */
    public Server startServer(Streams.ClientConnected clientConnected, String host, int port) {
        return startServer(clientConnected, host, port, ServerOptions.defaults());
    }

    /**
     * Starts a Streams server on the group with options, among them the clients' reader limit
     * ({@link ServerOptions#withLimit}).
     *
     * @param clientConnected the handler, run in a new task for each client, on that client's loop
     * @param host the address to bind
     * @param port the port, 0 for any
     * @param options the options; their child loops are replaced by the group's
     * @return the listening server
     * @throws OSError with errno 98 (EADDRINUSE) when the address is already in use
     * @throws GaiError when the host cannot be resolved
     * @asyncio asyncio.start_server(client_connected_cb, host, port, limit=limit, **kwds), spread over several loops
     */
    public Server startServer(Streams.ClientConnected clientConnected, String host, int port, ServerOptions options) {
        java.util.Objects.requireNonNull(clientConnected, "clientConnected");
        int limit = options.limit();
        return createServer(() -> {
            EventLoop serving = Asyncio.getRunningLoop(); // the factory runs on the loop that serves the client
            return new StreamReaderProtocol(new StreamReader(serving, limit), clientConnected, serving);
        }, host, port, options);
    }

    /**
     * Stops every loop, waits for its thread, and closes it. Idempotent.
     *
     * @throws IllegalStateException when called from a loop of the group, which would wait for itself
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (threads.contains(Thread.currentThread())) {
            throw new IllegalStateException("Cannot close a LoopGroup from one of its own loops");
        }
        closed = true;
        for (EventLoop loop : loops) {
            if (!loop.isClosed()) {
                loop.callSoonThreadsafe(loop::stop);
            }
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (EventLoop loop : loops) {
            loop.close();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
