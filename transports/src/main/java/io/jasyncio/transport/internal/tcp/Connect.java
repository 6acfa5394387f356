/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.transport.internal.Backend;
import io.jasyncio.BaseProtocol;
import io.jasyncio.Connection;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.Future;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.internal.OsErrors;
import io.jasyncio.transport.internal.sock.Adoption;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoEventLoop;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * asyncio's {@code create_connection} and {@code create_unix_connection}: checks the options, lets {@link Connector}
 * choose among a host's addresses, and makes each attempt, a Netty channel connected to one address with its TLS
 * handler, if any, and its {@link TcpTransport}. The future completes once {@code connectionMade} has run (with TLS,
 * after the handshake). Loop thread only.
 */
public final class Connect {

    private Connect() {
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
    public static <P extends BaseProtocol> Future<Connection<P>> tcp(BaseEventLoop loop, IoEventLoop io,
            TransportKind kind, Supplier<P> protocolFactory, String host, int port, ConnectionOptions options) {
        checkClientOptions(options);
        loop.checkClosed();
        if (options.sock() != null) {
            Adoption.checkNoAddress(host != null || port != 0, false);
            if (options.ssl() != null && options.serverHostname() == null) {
                throw new IllegalArgumentException("You must set server_hostname when using ssl without a host");
            }
            return adopted(loop, io, protocolFactory, Adoption.connected(kind, options.sock(), false), options,
                    false);
        }
        if (host == null && port == 0) {
            throw new IllegalArgumentException("host and port was not specified and no sock specified");
        }
        String serverHostname = options.serverHostname() != null ? options.serverHostname() : host;
        return Connector.connect(loop, host, port, options, protocolFactory, (address, factory) -> attempt(loop, io,
                Backend.of(kind).socketChannelClass(), factory, address, options, serverHostname, port));
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
    public static <P extends BaseProtocol> Future<Connection<P>> unix(BaseEventLoop loop, IoEventLoop io,
            TransportKind kind, Supplier<P> protocolFactory, String path, ConnectionOptions options) {
        checkClientOptions(options);
        if (options.ssl() != null && options.serverHostname() == null) {
            throw new IllegalArgumentException("You must set server_hostname when using ssl without a host");
        }
        if (options.sock() != null) {
            Adoption.checkNoAddress(path != null, true);
            return adopted(loop, io, protocolFactory, Adoption.connected(kind, options.sock(), true), options, false);
        }
        if (path == null) {
            throw new IllegalArgumentException("no path and sock were specified");
        }
        return attempt(loop, io, Backend.of(kind).unixSocketChannelClass(), protocolFactory, Backend.of(kind).unixAddress(path),
                options.withLocalAddr(null), options.serverHostname(), 0);
    }

    /**
     * asyncio's {@code connect_accepted_socket}: the TLS options are checked, then the socket adopted, with TLS on
     * the server's side.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param protocolFactory the protocol's factory
     * @param sock the accepted socket
     * @param options the TLS options
     * @param <P> the protocol type
     * @return the future of the connection, completed after connectionMade (with TLS, after the handshake)
     */
    public static <P extends BaseProtocol> Future<Connection<P>> accepted(BaseEventLoop loop, IoEventLoop io,
            TransportKind kind, Supplier<P> protocolFactory, io.jasyncio.Sock sock, ConnectionOptions options) {
        loop.checkClosed();
        TlsHandlers.checkOptions(options.ssl(), options.sslHandshakeTimeout(), options.sslShutdownTimeout());
        return adopted(loop, io, protocolFactory, Adoption.connected(kind, sock, false), options, true);
    }

    /**
     * Makes the transport of a socket connected elsewhere (asyncio's {@code sock} argument and
     * {@code connect_accepted_socket}): the channel is registered with the loop instead of connected.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param protocolFactory the protocol's factory
     * @param socket the adopted socket
     * @param options the TLS options
     * @param serverSide whether TLS takes the server's side ({@code connect_accepted_socket})
     * @param <P> the protocol type
     * @return the future of the connection, completed after connectionMade (with TLS, after the handshake)
     */
    public static <P extends BaseProtocol> Future<Connection<P>> adopted(BaseEventLoop loop, IoEventLoop io,
            Supplier<P> protocolFactory, Adoption.Connected socket, ConnectionOptions options, boolean serverSide) {
        TlsHandlers.checkOptions(options.ssl(), options.sslHandshakeTimeout(), options.sslShutdownTimeout());
        return attempt(loop, io, null, protocolFactory, null, options, options.serverHostname(), 0, socket,
                serverSide);
    }

    private static <P extends BaseProtocol> Future<Connection<P>> attempt(BaseEventLoop loop, IoEventLoop io,
            Class<? extends Channel> channelClass, Supplier<P> protocolFactory, SocketAddress remote,
            ConnectionOptions options, String serverHostname, int port) {
        return attempt(loop, io, channelClass, protocolFactory, remote, options, serverHostname, port, null, false);
    }

    private static <P extends BaseProtocol> Future<Connection<P>> attempt(BaseEventLoop loop, IoEventLoop io,
            Class<? extends Channel> channelClass, Supplier<P> protocolFactory, SocketAddress remote,
            ConnectionOptions options, String serverHostname, int port, Adoption.Connected adopted,
            boolean serverSide) {
        loop.checkClosed();
        SSLContext ssl = options.ssl();
        Future<Connection<P>> result = loop.createFuture();
        TcpTransport transport = new TcpTransport(loop, protocolFactory);
        Bootstrap b = new Bootstrap().group(io);
        if (adopted == null) {
            b.channel(channelClass);
        } else {
            b.channelFactory((io.netty.channel.ChannelFactory<Channel>) adopted::channel);
        }
        if (ssl == null) {
            b.handler(transport);
        } else {
            b.handler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    TlsLayer.of(transport).context(ssl);
                    ch.pipeline().addLast(serverSide
                            ? TlsHandlers.server(ssl, options.sslHandshakeTimeout(), options.sslShutdownTimeout())
                            : TlsHandlers.client(ssl, serverHostname, port, options.sslHandshakeTimeout(),
                                    options.sslShutdownTimeout()), transport);
                }
            });
            TlsLayer.of(transport).onHandshake(error -> {
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
        if (adopted != null ? !adopted.unix() : remote instanceof InetSocketAddress) {
            b.option(ChannelOption.TCP_NODELAY, true);
        }
        ChannelFuture connect = adopted != null ? b.register()
                : options.localAddr() == null ? b.connect(remote) : b.connect(remote, options.localAddr());
        connect.addListener(f -> {
            if (result.done()) {
                return;
            }
            if (!f.isSuccess()) {
                result.setException(remote == null ? OsErrors.of(f.cause())
                        : OsErrors.connectFailed(remote, options.localAddr(), f.cause()));
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

    private static void checkClientOptions(ConnectionOptions options) {
        if (options.serverHostname() != null && options.ssl() == null) {
            throw new IllegalArgumentException("server_hostname is only meaningful with ssl");
        }
        TlsHandlers.checkOptions(options.ssl(), options.sslHandshakeTimeout(), options.sslShutdownTimeout());
    }
}
