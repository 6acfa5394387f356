/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.Asyncio;
import io.jasyncio.BaseProtocol;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Server;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.Interceptors;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * asyncio's {@code Server}: the lifecycle of a server and what it owns, its listening sockets (Netty server channels;
 * with SO_REUSEPORT on a group, one per loop, each on its own loop's thread) and the connections they accepted (a
 * {@link TcpTransport} each). {@link ServerBinder} makes it and hands it each
 * socket once bound and each connection once accepted; from then on it serves, stops serving, closes its clients and
 * tells {@code waitClosed} when the last socket and the last client are gone.
 */
public final class TcpServer implements Server {
    private final BaseEventLoop loop;
    /** Whether the loop's count of open servers includes this one (bound and not yet closed). */
    private boolean counted;
    /** The accepted connections, linked through their transports; spread connections end on other loops' threads. */
    private final Clients clients = new Clients();
    /** Told by each client when it is lost: one listener for them all, not one per connection. */
    private final java.util.function.Consumer<TcpTransport> onClientLost = this::clientLost;
    private final Future<Void> closed;
    /** The listening sockets: one per address bound (asyncio's {@code _sockets}). */
    private final List<Channel> serverChannels = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** A Unix server's socket file, removed on close if asked and still the one bound; {@code null} for TCP. */
    private UnixSocketFile unixSocketFile;
    /** The address of a socket adopted from a descriptor, whose Netty channel does not know it; else {@code null}. */
    private SocketAddress adoptedAddress;
    /** Whether it accepts; volatile, as the sockets of a server that accepts on every loop read it there. */
    private volatile boolean serving;
    /** close() was called: asyncio's {@code _sockets is None}. */
    private boolean closeCalled;
    private Future<Void> servingForever;

    /**
     * A server with no socket yet.
     *
     * @param loop the server's loop (it accepts; its clients may be served by other loops)
     */
    TcpServer(BaseEventLoop loop) {
        this.loop = loop;
        this.closed = loop.createFuture();
    }

    /**
     * Adopts a connection just accepted: it counts as a client until it is lost.
     *
     * @param protocolFactory the server's protocol factory
     * @param servingLoop the loop that serves the connection
     * @return the connection's transport, to put last in its pipeline
     */
    TcpTransport accepted(Supplier<? extends BaseProtocol> protocolFactory, BaseEventLoop servingLoop) {
        TcpTransport t = new TcpTransport(servingLoop, protocolFactory, onClientLost);
        clients.add(t);
        return t;
    }

    /**
     * Forgets a connection that was never served (its channel could not be registered), as if it were lost.
     *
     * @param t its transport
     */
    void dropped(TcpTransport t) {
        clientLost(t);
    }

    /**
     * Adopts a listening socket just bound.
     *
     * @param channel the bound server channel
     * @param socketFile its socket file, for a Unix server, else {@code null}
     */
    void listening(Channel channel, UnixSocketFile socketFile) {
        serverChannels.add(channel);
        if (socketFile != null) {
            unixSocketFile = socketFile;
        }
        channel.closeFuture().addListener(c -> onServerLoop(this::onServerChannelClosed));
    }

    /** Runs an action on the server's loop: now on its thread, else through its inbox (a socket of another loop). */
    private void onServerLoop(Runnable action) {
        if (loop.runsOnCurrentThread()) {
            action.run();
        } else {
            try {
                loop.callSoonThreadsafe(action);
            } catch (IllegalStateException closed) {
                // The server's loop is closed: nobody waits for waitClosed any more.
            }
        }
    }

    /**
     * Adopts a listening socket made elsewhere (asyncio's {@code sock}), whose address was read from it.
     *
     * @param channel the registered server channel
     * @param address its local address, or {@code null}
     */
    void adopted(Channel channel, SocketAddress address) {
        adoptedAddress = address;
        listening(channel, null);
    }

    /** Closes the sockets bound so far, after another failed to bind. */
    void abandon() {
        for (Channel bound : serverChannels) {
            bound.close();
        }
    }

    /**
     * Every socket is bound: the server serves now, or once {@link #startServing()} is called.
     *
     * @param startServing whether it accepts at once (its sockets were bound with autoRead on)
     */
    void bound(boolean startServing) {
        serving = startServing;
        opened();
    }

    private void clientLost(TcpTransport t) {
        clients.remove(t);
        onServerLoop(this::maybeClosed);
    }

    private boolean listening() {
        for (Channel c : serverChannels) {
            if (c.isOpen()) {
                return true;
            }
        }
        return false;
    }

    private void onServerChannelClosed() {
        if (listening()) {
            return; // another of its sockets still listens
        }
        serving = false;
        if (unixSocketFile != null) {
            unixSocketFile.closed();
        }
        maybeClosed();
    }

    private void maybeClosed() {
        if (!serving && clients.isEmpty() && !listening() && !closed.done()) {
            closed.setResult(null);
        }
    }

    /** Tells the loop's interceptors that the server listens (the debug checks follow it until close). */
    private void opened() {
        counted = true;
        loop.counters().opened(true);
        Interceptors ic = loop.activeInterceptors();
        if (ic != null) {
            ic.transportOpened(this);
        }
    }

    @Override
    public void close() {
        if (counted) {
            counted = false;
            loop.counters().closed(true);
        }
        if (!closeCalled) {
            Interceptors ic = loop.activeInterceptors();
            if (ic != null) {
                ic.transportClosed(this);
            }
        }
        closeCalled = true;
        serving = false;
        for (Channel c : serverChannels) {
            if (unixSocketFile != null) {
                unixSocketFile.beforeClose(c);
            }
            c.close();
        }
        if (servingForever != null && !servingForever.done()) {
            servingForever.cancel();
        }
    }

    @Override
    public void waitClosed() {
        Asyncio.await(closed);
    }

    @Override
    public boolean isServing() {
        return serving;
    }

    @Override
    public List<SocketAddress> sockets() {
        if (closeCalled) {
            return List.of();
        }
        List<SocketAddress> sockets = new ArrayList<>();
        for (Channel c : serverChannels) {
            if (c.isOpen()) {
                SocketAddress a = unixSocketFile != null ? unixSocketFile.address() : c.localAddress();
                a = a != null ? a : adoptedAddress;
                if (a != null) {
                    sockets.add(a);
                }
            }
        }
        return List.copyOf(sockets);
    }

    @Override
    public void closeClients() {
        for (TcpTransport t : clients.snapshot()) {
            onItsLoop(t, t::close);
        }
    }

    @Override
    public void abortClients() {
        for (TcpTransport t : clients.snapshot()) {
            onItsLoop(t, t::abort);
        }
    }

    /** Runs an action on the loop that serves a connection: now if this thread runs it, else through its inbox. */
    private static void onItsLoop(TcpTransport t, Runnable action) {
        BaseEventLoop owner = t.loop();
        if (owner.runsOnCurrentThread()) {
            action.run();
        } else {
            owner.callSoonThreadsafe(action);
        }
    }

    @Override
    public void startServing() {
        beginServing();
        Asyncio.sleep(0); // as asyncio's start_serving, one iteration for the accepting to begin
    }

    private void beginServing() {
        if (serving) {
            return;
        }
        if (closeCalled || !listening()) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        serving = true;
        for (Channel c : serverChannels) {
            c.config().setAutoRead(true);
        }
    }

    @Override
    public void serveForever() {
        if (servingForever != null) {
            throw new IllegalStateException("server " + this + " is already being awaited on serve_forever()");
        }
        if (closeCalled || !listening()) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        beginServing();
        servingForever = loop.createFuture();
        try {
            Asyncio.await(servingForever);
        } catch (CancelledError e) {
            close();
            Asyncio.await(closed);
            throw e;
        } finally {
            servingForever = null;
        }
    }

    @Override
    public EventLoop getLoop() {
        return loop;
    }

    @Override
    public String toString() {
        return "<Server sockets=" + sockets() + " clients=" + clients.size() + (serving ? " serving" : "") + ">";
    }
}
