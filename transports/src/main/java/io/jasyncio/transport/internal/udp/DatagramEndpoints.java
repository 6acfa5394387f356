/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.udp;

import io.jasyncio.DatagramEndpoint;
import io.jasyncio.DatagramOptions;
import io.jasyncio.DatagramProtocol;
import io.jasyncio.Future;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.internal.Backend;
import io.jasyncio.transport.internal.OsErrors;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoEventLoop;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * asyncio's {@code create_datagram_endpoint}: checks the arguments, makes or adopts the socket, sets its options,
 * binds and connects it, and hands it to a {@link UdpTransport}.
 */
public final class DatagramEndpoints {
    private static final Logger LOGGER = LoggerFactory.getLogger("asyncio");
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private DatagramEndpoints() {
    }

    /**
     * Creates an endpoint; the future completes once the socket is bound (and connected).
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param factory the protocol's factory
     * @param local the address to bind, or {@code null}
     * @param remote the address to connect to, or {@code null}
     * @param options the family, the socket options, the socket to adopt
     * @param <P> the protocol type
     * @return the future of the endpoint; a failed bind or connect fails it with an {@link io.jasyncio.OSError}
     * @throws IllegalArgumentException for asyncio's ValueError and TypeError
     * @throws UnsupportedOperationException when the backend has no such socket
     */
    public static <P extends DatagramProtocol> Future<DatagramEndpoint<P>> create(BaseEventLoop loop,
            IoEventLoop io, TransportKind kind, Supplier<P> factory, SocketAddress local, SocketAddress remote,
            DatagramOptions options) {
        loop.checkClosed();
        Objects.requireNonNull(options, "options");
        StandardProtocolFamily family = DatagramArgs.check(local, remote, options);
        boolean adopt = options.sock() != null || options.sockFd() >= 0;
        boolean unix = family == StandardProtocolFamily.UNIX;
        if (unix) {
            DatagramChannels.checkUnix(kind); // before any file is touched
        }
        Future<DatagramEndpoint<P>> result = loop.createFuture();
        if (unix && local != null) {
            BindException inUse = removeStale(((UnixDomainSocketAddress) local).getPath());
            if (inUse != null) {
                result.setException(OsErrors.bindFailed(local, inUse));
                return result;
            }
        }
        P protocol = factory.get();
        Channel channel = adopt ? DatagramChannels.adopt(kind, options)
                : unix ? DatagramChannels.unix(kind) : DatagramChannels.udp(kind, family);
        UdpTransport transport = new UdpTransport(loop, kind, protocol, adopt ? null : remote);
        Bootstrap b = new Bootstrap().group(io).channelFactory((io.netty.channel.ChannelFactory<Channel>) () -> channel)
                .handler(transport);
        if (options.reusePort()) {
            b.option(Backend.of(kind).reusePortOption(), true);
        }
        if (options.allowBroadcast()) {
            b.option(ChannelOption.SO_BROADCAST, true);
        }
        SocketAddress nettyLocal = DatagramChannels.toNetty(kind, local);
        SocketAddress nettyRemote = DatagramChannels.toNetty(kind, remote);
        boolean connect = remote != null && !options.allowBroadcast();
        ChannelFuture f;
        if (adopt) {
            f = b.register();
        } else if (connect) {
            f = local != null ? b.connect(nettyRemote, nettyLocal) : b.connect(nettyRemote);
        } else if (local != null) {
            f = b.bind(nettyLocal);
        } else if (unix) {
            // An unnamed socket, as asyncio's with no address: it can send to a named one.
            f = registerUnbound(b);
        } else {
            f = b.bind(new InetSocketAddress(wildcard(family), 0));
        }
        f.addListener(done -> {
            if (result.done()) {
                return;
            }
            if (done.isSuccess()) {
                result.setResult(new DatagramEndpoint<>(transport, protocol));
            } else if (connect) {
                result.setException(OsErrors.connectFailed(remote, local, done.cause()));
            } else {
                result.setException(local != null ? OsErrors.bindFailed(local, done.cause())
                        : OsErrors.of(done.cause()));
            }
        });
        return result;
    }

    /**
     * Registers a channel that binds nothing: Netty activates a datagram channel on its bind or connect, or on its
     * registration with this option, deprecated but the only way in Netty 4.2 to use an unnamed socket.
     */
    @SuppressWarnings("deprecation")
    private static ChannelFuture registerUnbound(Bootstrap b) {
        return b.option(ChannelOption.DATAGRAM_CHANNEL_ACTIVE_ON_REGISTRATION, true).register();
    }

    /** The any-address of a family: {@code 0.0.0.0} or {@code ::}. */
    private static InetAddress wildcard(StandardProtocolFamily family) {
        try {
            return InetAddress.getByAddress(new byte[family == StandardProtocolFamily.INET6 ? 16 : 4]);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * asyncio's removal of a stale Unix socket file before the bind: a socket file goes, any other file stays and the
     * bind is refused (Netty's native bind would unlink it). A failure to look is logged as asyncio logs it.
     *
     * @param path the path to bind
     * @return the error when a file that is not a socket is there, else {@code null}
     */
    private static BindException removeStale(Path path) {
        try {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & S_IFMT) != S_IFSOCK) {
                return new BindException("Address already in use");
            }
            Files.delete(path);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            LOGGER.error("Unable to check or remove stale UNIX socket {}: {}", path, e.toString());
        }
        return null;
    }
}
