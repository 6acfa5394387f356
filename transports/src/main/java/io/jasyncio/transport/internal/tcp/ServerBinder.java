/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.BaseProtocol;
import io.jasyncio.Future;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.internal.OsErrors;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoEventLoop;
import io.netty.channel.ServerChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * asyncio's {@code create_server} and {@code create_unix_server} up to the point where a server listens: the options
 * become Netty's, each address (one, several hosts, or a Unix path) gets a listening socket, and the accepted
 * connections are given their TLS handler and transport. The result is a {@link TcpServer}, which owns the sockets and
 * the clients from then on. Loop thread only.
 */
public final class ServerBinder {
    private final BaseEventLoop loop;
    private final Supplier<? extends BaseProtocol> protocolFactory;
    private final ServerOptions options;
    private final TcpServer server;
    private final Future<Server> result;
    /** A Unix server's path (the socket file it binds), or {@code null}. */
    private final Path unixFile;

    private ServerBinder(BaseEventLoop loop, Supplier<? extends BaseProtocol> protocolFactory, ServerOptions options,
            Path unixFile) {
        this.loop = loop;
        this.protocolFactory = protocolFactory;
        this.options = options;
        this.unixFile = unixFile;
        this.server = new TcpServer(loop, options.cleanupSocket());
        this.result = loop.createFuture();
    }

    /**
     * Binds a TCP server with asyncio's options; {@code host == null} binds every interface.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory one protocol per connection
     * @param host the address to bind, or {@code null}
     * @param port the port, 0 for any
     * @param options the options
     * @return the future of the server; a failed bind fails it with an {@link io.jasyncio.OSError} (errno 98 for an
     *     address in use), a host that does not resolve with a {@link io.jasyncio.GaiError}
     */
    public static Future<Server> create(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, String host, int port, ServerOptions options) {
        InetSocketAddress bindTo = host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        if (bindTo.isUnresolved()) {
            return failed(loop, OsErrors.gaiError(new java.net.UnknownHostException(host)));
        }
        return listen(loop, io, kind, kind.serverChannelClass(), protocolFactory, List.of(bindTo), null, options);
    }

    /**
     * Binds a TCP server on several hosts, one listening socket each, as asyncio's {@code create_server} does with a
     * sequence of hosts; if one bind fails, those already bound are closed and the future fails.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory one protocol per connection
     * @param hosts the addresses to bind, at least one
     * @param port the port, 0 for any (then each socket gets its own)
     * @param options the options
     * @return the future of the server; a failed bind fails it with an {@link io.jasyncio.OSError} (errno 98 for an
     *     address in use), a host that does not resolve with a {@link io.jasyncio.GaiError}
     */
    public static Future<Server> create(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, List<String> hosts, int port, ServerOptions options) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no host to bind");
        }
        List<SocketAddress> addresses = new ArrayList<>();
        for (String host : hosts) {
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                return failed(loop, OsErrors.gaiError(new java.net.UnknownHostException(host)));
            }
            addresses.add(address);
        }
        return listen(loop, io, kind, kind.serverChannelClass(), protocolFactory, addresses, null, options);
    }

    /**
     * Binds a Unix socket server on a path with asyncio's options (backlog, TLS, start serving, cleanup socket); a
     * stale socket file there is replaced, and the file is removed on close if it is still the one bound.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory one protocol per connection
     * @param path the socket's path
     * @param options the options
     * @return the future of the server; a failed bind fails it with an {@link io.jasyncio.OSError} (errno 98 for an
     *     address in use)
     */
    public static Future<Server> createUnix(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, String path, ServerOptions options) {
        TlsHandlers.checkOptions(options.ssl(), options.sslHandshakeTimeout(), options.sslShutdownTimeout());
        Path file = Path.of(path);
        try {
            UnixSocketFile.removeStale(file);
        } catch (java.io.IOException e) {
            return failed(loop, OsErrors.bindFailed(java.net.UnixDomainSocketAddress.of(file), e));
        }
        return listen(loop, io, kind, kind.unixServerChannelClass(), protocolFactory, List.of(kind.unixAddress(path)),
                file, options);
    }

    private static Future<Server> failed(BaseEventLoop loop, Throwable error) {
        Future<Server> f = loop.createFuture();
        f.setException(error);
        return f;
    }

    private static Future<Server> listen(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Class<? extends ServerChannel> channelClass, Supplier<? extends BaseProtocol> protocolFactory,
            List<SocketAddress> addresses, Path unixFile, ServerOptions options) {
        loop.checkClosed();
        TlsHandlers.checkOptions(options.ssl(), options.sslHandshakeTimeout(), options.sslShutdownTimeout());
        ServerBinder binder = new ServerBinder(loop, protocolFactory, options, unixFile);
        ServerBootstrap b = new ServerBootstrap()
                .group(io, io)
                .channel(channelClass)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        binder.initChild(ch, loop);
                    }
                });
        b.option(ChannelOption.SO_BACKLOG, options.backlog())
                .option(ChannelOption.AUTO_READ, options.startServing()); // accept nothing before startServing()
        if (unixFile == null) {
            b.option(ChannelOption.SO_REUSEADDR, options.reuseAddress())
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, options.keepAlive());
            if (options.reusePort()) {
                b.option(kind.reusePortOption(), true);
            }
        }
        binder.bindNext(b, addresses, 0);
        return binder.result;
    }

    /** Gives an accepted connection its TLS handler, if any, and its transport, served by {@code servingLoop}. */
    private void initChild(Channel ch, BaseEventLoop servingLoop) {
        TcpTransport t = server.accepted(protocolFactory, servingLoop);
        SSLContext ssl = options.ssl();
        if (ssl != null) {
            t.sslContext(ssl);
            ch.pipeline().addLast(TlsHandlers.server(ssl, options.sslHandshakeTimeout(),
                    options.sslShutdownTimeout()));
        }
        ch.pipeline().addLast(t);
    }

    /** Binds the addresses one after the other; the server is ready when all are bound, closed if one fails. */
    private void bindNext(ServerBootstrap b, List<SocketAddress> addresses, int i) {
        if (i == addresses.size()) {
            server.bound(options.startServing());
            if (!result.done()) {
                result.setResult(server);
            }
            return;
        }
        SocketAddress bindTo = addresses.get(i);
        ChannelFuture bind = b.bind(bindTo);
        bind.addListener(f -> {
            if (f.isSuccess()) {
                server.listening(bind.channel(),
                        unixFile == null ? null : UnixSocketFile.bound(bind.channel(), unixFile));
                bindNext(b, addresses, i + 1);
            } else {
                server.abandon();
                if (!result.done()) {
                    result.setException(OsErrors.bindFailed(bindTo, f.cause()));
                }
            }
        });
    }

    /** A loop that serves spread connections: the loop and its Netty event loop. */
    public record ChildLoop(BaseEventLoop loop, IoEventLoop io) {
    }

    /**
     * Binds a server whose accepted connections are registered round robin with other loops.
     *
     * @param loop the accepting loop
     * @param io its Netty event loop
     * @param kind the backend
     * @param protocolFactory one protocol per connection, made on the thread of the loop that serves it
     * @param host the address to bind
     * @param port the port, 0 for any
     * @param children the loops that serve the connections
     * @return the future of the server; a failed bind fails it with an {@link io.jasyncio.OSError} (errno 98 for an
     *     address in use), a host that does not resolve with a {@link io.jasyncio.GaiError}
     */
    public static Future<Server> createSpread(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, String host, int port, List<ChildLoop> children) {
        loop.checkClosed();
        if (children.isEmpty()) {
            throw new IllegalArgumentException("no loop to serve the connections");
        }
        TcpServer server = new TcpServer(loop, true);
        Future<Server> result = loop.createFuture();
        Channel serverChannel = new io.netty.channel.ReflectiveChannelFactory<>(kind.serverChannelClass())
                .newChannel();
        serverChannel.config().setOption(ChannelOption.SO_REUSEADDR, true);
        serverChannel.config().setOption(ChannelOption.SO_BACKLOG, 1024);
        int[] next = {0};
        serverChannel.pipeline().addLast(new io.netty.channel.ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
                Channel child = (Channel) msg;
                ChildLoop target = children.get(next[0]++ % children.size());
                child.config().setOption(ChannelOption.TCP_NODELAY, true);
                TcpTransport t = server.accepted(protocolFactory, target.loop());
                child.pipeline().addLast(t);
                ((io.netty.channel.EventLoop) target.io()).register(child).addListener(f -> {
                    if (!f.isSuccess()) {
                        server.dropped(t);
                        child.unsafe().closeForcibly();
                    }
                });
            }
        });
        ((io.netty.channel.EventLoop) io).register(serverChannel).addListener(reg -> {
            if (!reg.isSuccess()) {
                result.setException(OsErrors.of(reg.cause()));
                return;
            }
            InetSocketAddress bindTo = new InetSocketAddress(host, port);
            if (bindTo.isUnresolved()) {
                serverChannel.close();
                result.setException(OsErrors.gaiError(new java.net.UnknownHostException(host)));
                return;
            }
            ChannelFuture bind = serverChannel.bind(bindTo);
            bind.addListener(f -> {
                if (f.isSuccess()) {
                    server.listening(serverChannel, null);
                    server.bound(true);
                    if (!result.done()) {
                        result.setResult(server);
                    }
                } else {
                    serverChannel.close();
                    if (!result.done()) {
                        result.setException(OsErrors.bindFailed(bindTo, f.cause()));
                    }
                }
            });
        });
        return result;
    }
}
