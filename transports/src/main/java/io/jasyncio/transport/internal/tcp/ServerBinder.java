/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.transport.internal.Backend;
import io.jasyncio.BaseProtocol;
import io.jasyncio.Future;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.internal.OsErrors;
import io.jasyncio.transport.internal.sock.Adoption;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
 * connections are given their TLS handler and transport, on the server's loop or spread round robin over child loops
 * (a {@code LoopGroup}) with the same options. With child loops and SO_REUSEPORT where the kernel balances it (Linux),
 * each child loop binds a socket of its own instead and serves what it accepts: the first socket of an address picks
 * the port, the others bind that one. The result is a {@link TcpServer}, which owns the sockets and
 * the clients from then on. A failed accept rests the listening socket as asyncio does ({@link AcceptErrors}). Loop
 * thread only.
 */
public final class ServerBinder {
    private final BaseEventLoop loop;
    private final Supplier<? extends BaseProtocol> protocolFactory;
    private final ServerOptions options;
    private final TcpServer server;
    private final Future<Server> result;
    /** A Unix server's path (the socket file it binds), or {@code null}. */
    private final Path unixFile;
    /** The loops that serve the accepted connections, round robin; empty when the server's loop serves them. */
    private final List<ChildLoop> children;
    /** The socket that listens already (asyncio's {@code sock}), or {@code null} when the server binds its own. */
    private final Adoption.Server adopted;
    /** The server's loop's Netty event loop: the bind steps run on its thread. */
    private final IoEventLoop loopIo;
    /** The listening sockets bound so far, in the order of the bindings. */
    private final List<Channel> bound = new ArrayList<>();

    private ServerBinder(BaseEventLoop loop, IoEventLoop loopIo, Supplier<? extends BaseProtocol> protocolFactory,
            ServerOptions options, Path unixFile, List<ChildLoop> children, Adoption.Server adopted) {
        this.adopted = adopted;
        this.loop = loop;
        this.loopIo = loopIo;
        this.protocolFactory = protocolFactory;
        this.options = options;
        this.unixFile = unixFile;
        this.children = List.copyOf(children);
        this.server = new TcpServer(loop);
        this.result = loop.createFuture();
    }

    /** A loop that serves spread connections: the loop and its Netty event loop, of the same backend. */
    public record ChildLoop(BaseEventLoop loop, IoEventLoop io) {
    }

    /**
     * Binds a TCP server with asyncio's options: one listening socket for {@code host} ({@code null}: every
     * interface), or one per address of {@link ServerOptions#hosts()}, as asyncio's {@code create_server} does with a
     * sequence of hosts; if one bind fails, those already bound are closed and the future fails. With child loops, the
     * connections are spread over them round robin, with the same options (TLS, backlog, reuse port, start serving)
     * as on the server's loop alone.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory one protocol per connection, made on the loop that serves it
     * @param host the address to bind, or {@code null} for every interface or for {@code options.hosts()}
     * @param port the port, 0 for any (with several hosts, each socket then gets its own)
     * @param options the options (hosts, child loops and the TCP socket options do not apply)
     * @return the future of the server; a failed bind fails it with an {@link io.jasyncio.OSError} (errno 98 for an
     *     address in use), a host that does not resolve with a {@link io.jasyncio.GaiError}
     * @throws IllegalArgumentException when both {@code host} and {@code options.hosts()} are given
     */
    public static Future<Server> tcp(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, String host, int port, ServerOptions options,
            List<ChildLoop> children) {
        List<String> hosts = options.hosts();
        if (options.sock() != null) {
            Adoption.checkNoAddress(host != null || port != 0 || hosts != null, false);
            return adopt(loop, io, kind, protocolFactory, Adoption.server(kind, options.sock(), false,
                    options.backlog()), options, children);
        }
        if (hosts != null && host != null) {
            throw new IllegalArgumentException("a host and hosts given: " + host + ", " + hosts);
        }
        List<SocketAddress> addresses = new ArrayList<>();
        if (hosts == null) {
            InetSocketAddress bindTo = host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
            if (bindTo.isUnresolved()) {
                return failed(loop, OsErrors.gaiError(new java.net.UnknownHostException(host)));
            }
            addresses.add(bindTo);
        } else {
            for (String h : hosts) {
                InetSocketAddress address = new InetSocketAddress(h, port);
                if (address.isUnresolved()) {
                    return failed(loop, OsErrors.gaiError(new java.net.UnknownHostException(h)));
                }
                addresses.add(address);
            }
        }
        return listen(loop, io, kind, Backend.of(kind).serverChannelClass(), protocolFactory, addresses, null, options, children);
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
     * @param options the options (hosts, child loops and the TCP socket options do not apply)
     * @return the future of the server; a failed bind fails it with an {@link io.jasyncio.OSError} (errno 98 for an
     *     address in use)
     */
    public static Future<Server> unix(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, String path, ServerOptions options) {
        TlsHandlers.checkOptions(options.ssl(), options.sslHandshakeTimeout(), options.sslShutdownTimeout());
        if (options.sock() != null) {
            Adoption.checkNoAddress(path != null, true);
            return adopt(loop, io, kind, protocolFactory, Adoption.server(kind, options.sock(), true,
                    options.backlog()), options, List.of());
        }
        if (path == null) {
            throw new IllegalArgumentException("path was not specified, and no sock specified");
        }
        Path file = Path.of(path);
        try {
            UnixSocketFile.removeStale(file);
        } catch (java.io.IOException e) {
            return failed(loop, OsErrors.bindFailed(java.net.UnixDomainSocketAddress.of(file), e));
        }
        return listen(loop, io, kind, Backend.of(kind).unixServerChannelClass(), protocolFactory,
                List.of(UnixSocketFile.bindAddress(Backend.of(kind).unixAddress(path))), file, options, List.of());
    }

    /**
     * Serves a socket that listens already (asyncio's {@code sock} argument): its channel is registered with the loop
     * instead of bound; its socket options and backlog stay as they were set. No socket file is removed on close.
     */
    private static Future<Server> adopt(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, Adoption.Server adopted, ServerOptions options,
            List<ChildLoop> children) {
        SocketAddress address = adopted.address() != null ? adopted.address() : new InetSocketAddress(0);
        return listen(loop, io, kind, null, protocolFactory, List.of(address), null, options, children, adopted);
    }

    private static Future<Server> failed(BaseEventLoop loop, Throwable error) {
        Future<Server> f = loop.createFuture();
        f.setException(error);
        return f;
    }

    private static Future<Server> listen(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Class<? extends ServerChannel> channelClass, Supplier<? extends BaseProtocol> protocolFactory,
            List<SocketAddress> addresses, Path unixFile, ServerOptions options, List<ChildLoop> children) {
        return listen(loop, io, kind, channelClass, protocolFactory, addresses, unixFile, options, children, null);
    }

    private static Future<Server> listen(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Class<? extends ServerChannel> channelClass, Supplier<? extends BaseProtocol> protocolFactory,
            List<SocketAddress> addresses, Path unixFile, ServerOptions options, List<ChildLoop> children,
            Adoption.Server adopted) {
        loop.checkClosed();
        TlsHandlers.checkOptions(options.ssl(), options.sslHandshakeTimeout(), options.sslShutdownTimeout());
        ServerBinder binder = new ServerBinder(loop, io, protocolFactory, options, unixFile, children, adopted);
        List<Binding> bindings = new ArrayList<>();
        if (binder.acceptsOnEveryLoop(kind)) {
            // One socket per address and loop: the first of each address picks the port (0: any), the others share it.
            for (SocketAddress address : addresses) {
                int first = bindings.size();
                for (ChildLoop child : children) {
                    bindings.add(new Binding(binder.bootstrap(kind, channelClass, child.io(), child.loop(), null),
                            address, bindings.size() == first ? -1 : first));
                }
            }
        } else {
            Spread spread = children.isEmpty() ? null : binder.new Spread();
            ServerBootstrap b = binder.bootstrap(kind, channelClass, io, loop, spread);
            for (SocketAddress address : addresses) {
                bindings.add(new Binding(b, address, -1));
            }
        }
        binder.bindNext(bindings, 0);
        return binder.result;
    }

    /**
     * Whether each child loop accepts on a socket of its own, all bound to the same address with SO_REUSEPORT so that
     * the kernel spreads the connections (Linux: epoll, io_uring and NIO alike); else the server's loop accepts and
     * spreads them round robin. Asked for with child loops and {@link ServerOptions#reusePort()}; where the platform
     * does not spread a port's connections over its sockets, one loop accepts as without it, and the log says so.
     */
    private boolean acceptsOnEveryLoop(TransportKind kind) {
        if (children.isEmpty() || !options.reusePort() || adopted != null || unixFile != null) {
            return false;
        }
        if (!Backend.of(kind).balancesReusePort()) {
            BaseEventLoop.LOGGER.warn("SO_REUSEPORT does not spread connections over sockets on {} here ({}): one"
                    + " loop accepts for all {} and spreads the connections", kind, System.getProperty("os.name"),
                    children.size());
            return false;
        }
        return true;
    }

    /** One listening socket to bind: its bootstrap, its address, and the binding whose port it takes, or -1. */
    private record Binding(ServerBootstrap bootstrap, SocketAddress address, int portOf) {
    }

    /**
     * A bootstrap for listening sockets on one loop, with the server's options: the sockets' handlers run on
     * {@code acceptingLoop}, and so do the connections they accept, unless {@code spread} hands those to the child
     * loops.
     */
    @SuppressWarnings("unchecked")
    private ServerBootstrap bootstrap(TransportKind kind, Class<? extends ServerChannel> channelClass, IoEventLoop io,
            BaseEventLoop acceptingLoop, Spread spread) {
        ServerBootstrap b = new ServerBootstrap().group(io, io);
        if (adopted == null) {
            b.channel(channelClass);
        } else {
            b.channelFactory((io.netty.channel.ChannelFactory<ServerChannel>) adopted::channel);
        }
        b.childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        initChild(ch, acceptingLoop);
                    }
                });
        b.handler(new ChannelInitializer<Channel>() { // before Netty's acceptor, in each listening socket
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new AcceptErrors(acceptingLoop, server));
                if (spread != null) {
                    ch.pipeline().addLast(spread); // Netty's acceptor then sees no connection
                }
            }
        });
        b.option(ChannelOption.SO_BACKLOG, options.backlog())
                // accept nothing before startServing(); an adopted socket listens already, so it accepts only once
                // Netty's acceptor is in its pipeline (added by a task that registration queues): see bindNext
                .option(ChannelOption.AUTO_READ, options.startServing() && adopted == null);
        if (adopted != null && !adopted.unix()) {
            b.childOption(ChannelOption.TCP_NODELAY, true).childOption(ChannelOption.SO_KEEPALIVE, options.keepAlive());
        } else if (unixFile == null && adopted == null) {
            b.option(ChannelOption.SO_REUSEADDR, options.reuseAddress())
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, options.keepAlive());
            if (options.reusePort()) {
                b.option(Backend.of(kind).reusePortOption(), true);
            }
        }
        return b;
    }

    /**
     * Gives an accepted connection its TLS handler, if any, and its transport, served by {@code servingLoop}. The TLS
     * handler is made first: a connection whose handler cannot be made is closed without ever counting as a client.
     *
     * @return the transport
     */
    private TcpTransport initChild(Channel ch, BaseEventLoop servingLoop) {
        SSLContext ssl = options.ssl();
        io.netty.handler.ssl.SslHandler tls = ssl == null ? null
                : TlsHandlers.server(ssl, options.sslHandshakeTimeout(), options.sslShutdownTimeout());
        ImmediateSend.accepted(ch);
        TcpTransport t = server.accepted(protocolFactory, servingLoop);
        if (tls != null) {
            TlsLayer.of(t).context(ssl);
            ch.pipeline().addLast(tls);
        }
        ch.pipeline().addLast(t);
        return t;
    }

    /**
     * Spreads the accepted connections of every listening socket of the server round robin over the child loops:
     * each gets the options and the handlers it would get on the server's loop, then is registered with its loop's
     * Netty event loop, whose thread runs its callbacks from then on. Its protocol is made there, once active.
     */
    @io.netty.channel.ChannelHandler.Sharable // one per server; its sockets share the accepting loop's thread
    private final class Spread extends ChannelInboundHandlerAdapter {
        private int next;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Channel child = (Channel) msg;
            ChildLoop target = children.get(next);
            next = (next + 1) % children.size();
            if (unixFile == null && (adopted == null || !adopted.unix())) {
                child.config().setOption(ChannelOption.TCP_NODELAY, true);
                child.config().setOption(ChannelOption.SO_KEEPALIVE, options.keepAlive());
            }
            TcpTransport t;
            try {
                t = initChild(child, target.loop());
            } catch (RuntimeException e) {
                child.unsafe().closeForcibly(); // as Netty's own acceptor does with a connection it cannot set up
                BaseEventLoop.LOGGER.warn("Failed to set up an accepted connection: {}", child, e);
                return;
            }
            ((io.netty.channel.EventLoop) target.io()).register(child).addListener(f -> {
                if (!f.isSuccess()) {
                    server.dropped(t);
                    child.unsafe().closeForcibly();
                }
            });
        }
    }

    /**
     * Binds the sockets one after the other; the server is ready when all are bound, closed if one fails. Each step
     * runs on the server's loop: a socket of another loop reports its bind on that loop's thread, and hands over.
     */
    private void bindNext(List<Binding> bindings, int i) {
        if (i == bindings.size()) {
            server.bound(options.startServing());
            if (!result.done()) {
                result.setResult(server);
            }
            return;
        }
        Binding binding = bindings.get(i);
        SocketAddress bindTo = binding.address();
        if (binding.portOf() >= 0 && bindTo instanceof InetSocketAddress inet && inet.getPort() == 0) {
            SocketAddress picked = bound.get(binding.portOf()).localAddress();
            bindTo = new InetSocketAddress(inet.getAddress(), ((InetSocketAddress) picked).getPort());
        }
        SocketAddress address = bindTo;
        ChannelFuture bind = adopted != null ? binding.bootstrap().register() : binding.bootstrap().bind(address);
        bind.addListener(f -> {
            if (loop.runsOnCurrentThread()) {
                bindDone(bindings, i, bind, address);
            } else {
                loopIo.execute(() -> bindDone(bindings, i, bind, address));
            }
        });
    }

    private void bindDone(List<Binding> bindings, int i, ChannelFuture bind, SocketAddress address) {
        if (bind.isSuccess()) {
            bound.add(bind.channel());
            if (adopted != null) {
                server.adopted(bind.channel(), adopted.address());
                if (options.startServing()) { // queued after the acceptor's task, so it runs after it
                    Channel listening = bind.channel();
                    listening.eventLoop().execute(() -> listening.config().setAutoRead(true));
                }
            } else {
                server.listening(bind.channel(), unixFile == null ? null
                        : UnixSocketFile.bound(bind.channel(), unixFile, options.cleanupSocket()));
            }
            bindNext(bindings, i + 1);
        } else {
            server.abandon();
            if (!result.done()) {
                result.setException(OsErrors.bindFailed(address, bind.cause()));
            }
        }
    }
}
