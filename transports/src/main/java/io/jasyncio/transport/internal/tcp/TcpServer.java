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
import io.jasyncio.ConnectionOptions;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.Interceptors;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.internal.OsErrors;
import io.netty.bootstrap.Bootstrap;
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
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * asyncio's {@code Server} over a Netty server channel registered with the loop's Netty event loop; accepted
 * connections get a {@link TcpTransport} each. Also makes client connections ({@link #connect}).
 */
public final class TcpServer implements Server {
    private final BaseEventLoop loop;
    /** The accepted connections; a concurrent set, since spread connections end on other loops' threads. */
    private final Set<TcpTransport> clients = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Future<Void> closed;
    /** The listening sockets: one per address bound (asyncio's {@code _sockets}). */
    private final List<Channel> serverChannels = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean serving;
    /** close() was called: asyncio's {@code _sockets is None}. */
    private boolean closeCalled;
    private Future<Void> servingForever;
    /** A Unix server's path (the socket file it binds), or {@code null}. */
    private Path unixFile;
    /** The socket file once bound, removed on close when {@code cleanupSocket}. */
    private UnixSocketFile unixSocketFile;
    private boolean cleanupSocket;

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
     * @return the future of the server; a failed bind fails it with an {@link io.jasyncio.OSError} (errno 98 for an
     *     address in use), a host that does not resolve with a {@link io.jasyncio.GaiError}
     */
    public static Future<Server> create(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, String host, int port) {
        return create(loop, io, kind, protocolFactory, host, port, ServerOptions.defaults());
    }

    /**
     * Binds a server, with TLS when {@code ssl} is given.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory one protocol per connection
     * @param host the address to bind
     * @param port the port, 0 for any
     * @param ssl the TLS context, or {@code null}
     * @return the future of the server; a failed bind fails it with an {@link io.jasyncio.OSError} (errno 98 for an
     *     address in use), a host that does not resolve with a {@link io.jasyncio.GaiError}
     */
    public static Future<Server> create(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, String host, int port, SSLContext ssl) {
        return create(loop, io, kind, protocolFactory, host, port, ServerOptions.defaults().withSsl(ssl));
    }

    /**
     * Binds a server with asyncio's options; {@code host == null} binds every interface.
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
     * Binds a Unix socket server on a path; a stale socket file there is replaced, and the file is removed on close
     * if it is still the one bound.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory one protocol per connection
     * @param path the socket's path
     * @return the future of the server; a failed bind fails it with an {@link io.jasyncio.OSError} (errno 98 for an
     *     address in use), a host that does not resolve with a {@link io.jasyncio.GaiError}
     */
    public static Future<Server> createUnix(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, String path) {
        return createUnix(loop, io, kind, protocolFactory, path, ServerOptions.defaults());
    }

    /**
     * Binds a Unix socket server on a path with asyncio's options (backlog, TLS, start serving).
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory one protocol per connection
     * @param path the socket's path
     * @param options the options
     * @return the future of the server; a failed bind fails it with an {@link io.jasyncio.OSError} (errno 98 for an
     *     address in use), a host that does not resolve with a {@link io.jasyncio.GaiError}
     */
    public static Future<Server> createUnix(BaseEventLoop loop, IoEventLoop io, TransportKind kind,
            Supplier<? extends BaseProtocol> protocolFactory, String path, ServerOptions options) {
        checkTlsOptions(options.ssl(), options.sslHandshakeTimeout(), options.sslShutdownTimeout());
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
        checkTlsOptions(options.ssl(), options.sslHandshakeTimeout(), options.sslShutdownTimeout());
        SSLContext ssl = options.ssl();
        TcpServer server = new TcpServer(loop);
        server.unixFile = unixFile;
        server.cleanupSocket = options.cleanupSocket();
        Future<Server> result = loop.createFuture();
        ServerBootstrap b = new ServerBootstrap()
                .group(io, io)
                .channel(channelClass)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        TcpTransport t = new TcpTransport(loop, protocolFactory, server::clientLost);
                        server.clients.add(t);
                        if (ssl != null) {
                            t.sslContext(ssl);
                            ch.pipeline().addLast(TlsHandlers.server(ssl, options.sslHandshakeTimeout(),
                                    options.sslShutdownTimeout()));
                        }
                        ch.pipeline().addLast(t);
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
        bindNext(b, server, addresses, 0, options, result);
        return result;
    }

    /** Binds the addresses one after the other; the server is ready when all are bound, closed if one fails. */
    private static void bindNext(ServerBootstrap b, TcpServer server, List<SocketAddress> addresses, int i,
            ServerOptions options, Future<Server> result) {
        if (i == addresses.size()) {
            server.serving = options.startServing();
            server.opened();
            if (!result.done()) {
                result.setResult(server);
            }
            return;
        }
        SocketAddress bindTo = addresses.get(i);
        ChannelFuture bind = b.bind(bindTo);
        bind.addListener(f -> {
            if (f.isSuccess()) {
                server.serverChannels.add(bind.channel());
                if (server.unixFile != null) {
                    server.unixSocketFile = UnixSocketFile.bound(bind.channel(), server.unixFile);
                }
                bind.channel().closeFuture().addListener(c -> server.onServerChannelClosed());
                bindNext(b, server, addresses, i + 1, options, result);
            } else {
                for (Channel bound : server.serverChannels) {
                    bound.close();
                }
                if (!result.done()) {
                    result.setException(OsErrors.bindFailed(bindTo, f.cause()));
                }
            }
        });
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
     * @return the future of the connection; it fails with a
     *     {@link io.jasyncio.ConnectionRefusedError} (or another {@link io.jasyncio.OSError}),
     *     {@link io.jasyncio.GaiError} for a host that does not resolve, {@link io.jasyncio.SSLError} for a failed
     *     handshake
     */
    public static <P extends BaseProtocol> Future<Connection<P>> connect(BaseEventLoop loop, IoEventLoop io,
            TransportKind kind, Supplier<P> protocolFactory, String host, int port) {
        return connect(loop, io, kind, protocolFactory, host, port, ConnectionOptions.defaults());
    }

    /**
     * Connects to a server, with TLS when {@code ssl} is given (the host is checked against the certificate).
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory the protocol's factory
     * @param host the host
     * @param port the port
     * @param ssl the TLS context, or {@code null}
     * @param <P> the protocol type
     * @return the future of the connection, completed after the handshake; it fails with a
     *     {@link io.jasyncio.ConnectionRefusedError} (or another {@link io.jasyncio.OSError}),
     *     {@link io.jasyncio.GaiError} for a host that does not resolve, {@link io.jasyncio.SSLError} for a failed
     *     handshake
     */
    public static <P extends BaseProtocol> Future<Connection<P>> connect(BaseEventLoop loop, IoEventLoop io,
            TransportKind kind, Supplier<P> protocolFactory, String host, int port, SSLContext ssl) {
        return connect(loop, io, kind, protocolFactory, host, port, ConnectionOptions.defaults().withSsl(ssl));
    }

    /**
     * Connects to a server with asyncio's options: TLS (the server name defaults to the host), a local address, happy
     * eyeballs. The host is resolved off the loop and each of its addresses tried ({@link Connector}).
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory the protocol's factory
     * @param host the host
     * @param port the port
     * @param options the options
     * @param <P> the protocol type
     * @return the future of the connection, completed after connectionMade (with TLS, after the handshake); it fails with a
     *     {@link io.jasyncio.ConnectionRefusedError} (or another {@link io.jasyncio.OSError}),
     *     {@link io.jasyncio.GaiError} for a host that does not resolve, {@link io.jasyncio.SSLError} for a failed
     *     handshake
     */
    public static <P extends BaseProtocol> Future<Connection<P>> connect(BaseEventLoop loop, IoEventLoop io,
            TransportKind kind, Supplier<P> protocolFactory, String host, int port, ConnectionOptions options) {
        checkClientOptions(options);
        loop.checkClosed();
        String serverHostname = options.serverHostname() != null ? options.serverHostname() : host;
        return Connector.connect(loop, host, port, options, protocolFactory, (address, factory) -> connect(loop, io,
                kind.socketChannelClass(), factory, address, options, serverHostname, port));
    }

    /**
     * Connects to a Unix socket server.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory the protocol's factory
     * @param path the socket's path
     * @param <P> the protocol type
     * @return the future of the connection; it fails with a
     *     {@link io.jasyncio.ConnectionRefusedError} (or another {@link io.jasyncio.OSError}),
     *     {@link io.jasyncio.GaiError} for a host that does not resolve, {@link io.jasyncio.SSLError} for a failed
     *     handshake
     */
    public static <P extends BaseProtocol> Future<Connection<P>> connectUnix(BaseEventLoop loop, IoEventLoop io,
            TransportKind kind, Supplier<P> protocolFactory, String path) {
        return connectUnix(loop, io, kind, protocolFactory, path, ConnectionOptions.defaults());
    }

    /**
     * Connects to a Unix socket server, with TLS when the options give a context and a server name.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory the protocol's factory
     * @param path the socket's path
     * @param options the options
     * @param <P> the protocol type
     * @return the future of the connection; it fails with a
     *     {@link io.jasyncio.ConnectionRefusedError} (or another {@link io.jasyncio.OSError}),
     *     {@link io.jasyncio.GaiError} for a host that does not resolve, {@link io.jasyncio.SSLError} for a failed
     *     handshake
     */
    public static <P extends BaseProtocol> Future<Connection<P>> connectUnix(BaseEventLoop loop, IoEventLoop io,
            TransportKind kind, Supplier<P> protocolFactory, String path, ConnectionOptions options) {
        checkClientOptions(options);
        if (options.ssl() != null && options.serverHostname() == null) {
            throw new IllegalArgumentException("You must set server_hostname when using ssl without a host");
        }
        return connect(loop, io, kind.unixSocketChannelClass(), protocolFactory, kind.unixAddress(path),
                options.withLocalAddr(null), options.serverHostname(), 0);
    }

    private static <P extends BaseProtocol> Future<Connection<P>> connect(BaseEventLoop loop, IoEventLoop io,
            Class<? extends Channel> channelClass, Supplier<P> protocolFactory, SocketAddress remote,
            ConnectionOptions options, String serverHostname, int port) {
        loop.checkClosed();
        SSLContext ssl = options.ssl();
        Future<Connection<P>> result = loop.createFuture();
        TcpTransport transport = new TcpTransport(loop, protocolFactory);
        Bootstrap b = new Bootstrap().group(io).channel(channelClass);
        if (ssl == null) {
            b.handler(transport);
        } else {
            b.handler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    transport.sslContext(ssl);
                    ch.pipeline().addLast(TlsHandlers.client(ssl, serverHostname, port, options.sslHandshakeTimeout(),
                            options.sslShutdownTimeout()), transport);
                }
            });
            transport.onHandshake(error -> {
                if (result.done()) {
                    return;
                }
                if (error == null) {
                    result.setResult(new Connection<>(transport, madeProtocol(transport)));
                } else {
                    result.setException(TlsHandlers.handshakeError(error, options.sslHandshakeTimeout()));
                }
            });
        }
        if (remote instanceof InetSocketAddress) {
            b.option(ChannelOption.TCP_NODELAY, true);
        }
        ChannelFuture connect = options.localAddr() == null ? b.connect(remote)
                : b.connect(remote, options.localAddr());
        connect.addListener(f -> {
            if (result.done()) {
                return;
            }
            if (!f.isSuccess()) {
                result.setException(OsErrors.connectFailed(remote, options.localAddr(), f.cause()));
                return;
            }
            P protocol;
            try {
                protocol = madeProtocol(transport); // asyncio calls protocol_factory() once connected
            } catch (Throwable t) {
                connect.channel().close();
                result.setException(t);
                return;
            }
            if (ssl == null) {
                result.setResult(new Connection<>(transport, protocol));
            } // with TLS, the handshake completes the future

        });
        result.addDoneCallback(r -> {
            if (r.cancelled()) {
                connect.channel().close();
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <P extends BaseProtocol> P madeProtocol(TcpTransport transport) {
        return (P) transport.ensureProtocol();
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
        TcpServer server = new TcpServer(loop);
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
                TcpTransport t = new TcpTransport(target.loop(), protocolFactory, server::clientLost);
                server.clients.add(t);
                child.pipeline().addLast(t);
                ((io.netty.channel.EventLoop) target.io()).register(child).addListener(f -> {
                    if (!f.isSuccess()) {
                        server.clients.remove(t);
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
                    server.serverChannels.add(serverChannel);
                    server.serving = true;
                    server.opened();
                    serverChannel.closeFuture().addListener(c -> server.onServerChannelClosed());
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

    /** asyncio's ValueErrors for TLS-only options given without TLS. */
    private static void checkTlsOptions(SSLContext ssl, Double handshakeTimeout, Double shutdownTimeout) {
        if (ssl == null && handshakeTimeout != null) {
            throw new IllegalArgumentException("ssl_handshake_timeout is only meaningful with ssl");
        }
        if (ssl == null && shutdownTimeout != null) {
            throw new IllegalArgumentException("ssl_shutdown_timeout is only meaningful with ssl");
        }
    }

    private static void checkClientOptions(ConnectionOptions options) {
        if (options.serverHostname() != null && options.ssl() == null) {
            throw new IllegalArgumentException("server_hostname is only meaningful with ssl");
        }
        checkTlsOptions(options.ssl(), options.sslHandshakeTimeout(), options.sslShutdownTimeout());
    }

    private void clientLost(TcpTransport t) {
        clients.remove(t);
        if (loop.runsOnCurrentThread()) {
            maybeClosed();
        } else {
            try {
                loop.callSoonThreadsafe(this::maybeClosed);
            } catch (IllegalStateException closed) {
                // The server's loop is closed: nobody waits for waitClosed any more.
            }
        }
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
        if (unixSocketFile != null && cleanupSocket) {
            unixSocketFile.cleanUp();
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
        Interceptors ic = loop.activeInterceptors();
        if (ic != null) {
            ic.transportOpened(this);
        }
    }

    @Override
    public void close() {
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
                sockets.add(c.localAddress());
            }
        }
        return List.copyOf(sockets);
    }

    @Override
    public void closeClients() {
        for (TcpTransport t : new ArrayList<>(clients)) {
            onItsLoop(t, t::close);
        }
    }

    @Override
    public void abortClients() {
        for (TcpTransport t : new ArrayList<>(clients)) {
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
