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
import io.jasyncio.Connection;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Server;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.TransportKind;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoEventLoop;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * asyncio's {@code Server} over a Netty server channel registered with the loop's Netty event loop; accepted
 * connections get a {@link TcpTransport} each. Also makes client connections ({@link #connect}).
 */
public final class TcpServer implements Server {
    private final BaseEventLoop loop;
    private final Set<TcpTransport> clients = new LinkedHashSet<>();
    private final Future<Void> closed;
    private Channel serverChannel;
    private boolean serving;
    private Future<Void> servingForever;

    private TcpServer(BaseEventLoop loop) {
        this.loop = loop;
        this.closed = loop.createFuture();
    }

    /**
     * Binds a server; the future completes on the loop once it listens.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory one protocol per connection
     * @param host the address to bind
     * @param port the port, 0 for any
     * @return the future of the server
     */
    public static Future<Server> create(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, String host, int port) {
        loop.checkClosed();
        TcpServer server = new TcpServer(loop);
        Future<Server> result = loop.createFuture();
        ServerBootstrap b = new ServerBootstrap()
                .group(io, io)
                .channel(kind.serverChannelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 100)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        TcpTransport t = new TcpTransport(loop, protocolFactory.get(), server::clientLost);
                        server.clients.add(t);
                        ch.pipeline().addLast(t);
                    }
                });
        ChannelFuture bind = b.bind(host, port);
        bind.addListener(f -> {
            if (f.isSuccess()) {
                server.serverChannel = bind.channel();
                server.serving = true;
                bind.channel().closeFuture().addListener(c -> server.onServerChannelClosed());
                if (!result.done()) {
                    result.setResult(server);
                }
            } else if (!result.done()) {
                result.setException(f.cause());
            }
        });
        return result;
    }

    /**
     * Connects to a server; the future completes once {@code connectionMade} has run.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory the protocol's factory
     * @param host the host
     * @param port the port
     * @param <P> the protocol type
     * @return the future of the connection
     */
    public static <P extends BaseProtocol> Future<Connection<P>> connect(BaseEventLoop loop, IoEventLoop io,
            TransportKind kind, Supplier<P> protocolFactory, String host, int port) {
        loop.checkClosed();
        Future<Connection<P>> result = loop.createFuture();
        P protocol = protocolFactory.get();
        TcpTransport transport = new TcpTransport(loop, protocol, null);
        ChannelFuture connect = new Bootstrap()
                .group(io)
                .channel(kind.socketChannelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(transport)
                .connect(host, port);
        connect.addListener(f -> {
            if (result.done()) {
                return;
            }
            if (f.isSuccess()) {
                result.setResult(new Connection<>(transport, protocol));
            } else {
                result.setException(f.cause());
            }
        });
        result.addDoneCallback(r -> {
            if (r.cancelled()) {
                connect.channel().close();
            }
        });
        return result;
    }

    private void clientLost(TcpTransport t) {
        clients.remove(t);
        maybeClosed();
    }

    private void onServerChannelClosed() {
        serving = false;
        maybeClosed();
    }

    private void maybeClosed() {
        if (!serving && clients.isEmpty() && (serverChannel == null || !serverChannel.isOpen()) && !closed.done()) {
            closed.setResult(null);
        }
    }

    @Override
    public void close() {
        serving = false;
        if (serverChannel != null) {
            serverChannel.close();
        }
        if (servingForever != null && !servingForever.done()) {
            servingForever.cancel();
        }
    }

    @Override
    public Future<Void> waitClosed() {
        return closed;
    }

    @Override
    public boolean isServing() {
        return serving;
    }

    @Override
    public List<SocketAddress> sockets() {
        return serverChannel == null || !serverChannel.isOpen() ? List.of() : List.of(serverChannel.localAddress());
    }

    @Override
    public void closeClients() {
        for (TcpTransport t : new ArrayList<>(clients)) {
            t.close();
        }
    }

    @Override
    public void abortClients() {
        for (TcpTransport t : new ArrayList<>(clients)) {
            t.abort();
        }
    }

    @Override
    public void serveForever() {
        if (servingForever != null) {
            throw new IllegalStateException("server " + this + " is already being awaited on serve_forever()");
        }
        if (serverChannel == null || !serverChannel.isOpen()) {
            throw new IllegalStateException("server " + this + " is closed");
        }
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
