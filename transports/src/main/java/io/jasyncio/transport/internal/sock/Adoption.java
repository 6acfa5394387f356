/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.sock;


import io.jasyncio.Sock;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.internal.OsErrors;
import io.jasyncio.transport.internal.tcp.SendingNioServerSocketChannel;
import io.jasyncio.transport.internal.tcp.SendingNioSocketChannel;
import io.netty.channel.Channel;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * asyncio's {@code sock} argument: a socket made elsewhere becomes a Netty channel of the loop's backend, after
 * asyncio's checks. A JDK channel is wrapped by Netty's NIO channels (a TCP one by the backend's own
 * {@code SendingNioSocketChannel} and {@code SendingNioServerSocketChannel}, so that an adopted connection, and every
 * one an adopted server accepts, sends at once as the loop's own do; a Unix one by {@code NioDomainSocketChannel} and
 * the like); a descriptor number by Netty's epoll channels
 * ({@code EpollServerSocketChannel(int)} and the like), its type, family and state read with {@code getsockopt}.
 * The other pairs cannot be made without reaching into the JDK's internals (a JDK channel's descriptor number) and are
 * refused. Any thread; the channel is registered later.
 */
public final class Adoption {
    private static final int SOL_SOCKET = 1;
    private static final int SO_TYPE = 3;
    private static final int SO_ACCEPTCONN = 30;
    private static final int SO_DOMAIN = 39;
    private static final int SOCK_STREAM = 1;
    private static final int AF_UNIX = 1;

    private Adoption() {
    }

    /**
     * A listening socket to serve.
     *
     * @param channel the Netty channel over it, not registered yet
     * @param address its local address, for messages
     * @param unix whether it is a Unix domain socket
     */
    public record Server(ServerChannel channel, SocketAddress address, boolean unix) {
    }

    /**
     * A connected socket.
     *
     * @param channel the Netty channel over it, not registered yet
     * @param unix whether it is a Unix domain socket
     */
    public record Connected(Channel channel, boolean unix) {
    }

    /**
     * Checks asyncio's rule for {@code host}/{@code port} or {@code path} given with {@code sock}.
     *
     * @param given whether an address was given too
     * @param unix whether it was a path
     * @throws IllegalArgumentException "host/port and sock can not be specified at the same time", or the path's
     */
    public static void checkNoAddress(boolean given, boolean unix) {
        if (given) {
            throw new IllegalArgumentException(unix ? "path and sock can not be specified at the same time"
                    : "host/port and sock can not be specified at the same time");
        }
    }

    /**
     * The server channel over a listening socket; a descriptor that is bound but not listening is made to listen.
     *
     * @param kind the loop's backend
     * @param sock the socket
     * @param unixOnly whether only a Unix domain socket will do ({@code create_unix_server})
     * @param backlog the backlog, for a descriptor that does not listen yet
     * @return the channel
     * @throws IllegalArgumentException "A Stream Socket was expected, got ...", "A UNIX Domain Stream Socket was
     *     expected, got ...", a socket that is not bound, a kind of sock that this backend cannot adopt
     */
    public static Server server(TransportKind kind, Sock sock, boolean unixOnly, int backlog) {
        if (sock.channel() != null) {
            NetworkChannel ch = sock.channel();
            if (!(ch instanceof ServerSocketChannel ssc)) {
                throw new IllegalArgumentException(expected(unixOnly, sock));
            }
            SocketAddress local = localAddress(ssc);
            if (local == null) {
                throw new IllegalArgumentException("the socket is not bound: " + sock);
            }
            boolean unix = local instanceof UnixDomainSocketAddress;
            if (unixOnly && !unix) {
                throw new IllegalArgumentException(expected(true, sock));
            }
            needs(kind, TransportKind.NIO, sock);
            return new Server(unix ? new NioServerDomainSocketChannel(ssc) : new SendingNioServerSocketChannel(ssc),
                    local, unix);
        }
        needs(kind, TransportKind.EPOLL, sock); // before any native call: only epoll has loaded Netty's library
        int fd = sock.fd();
        Socket s = new Socket(fd);
        boolean unix = describe(s, unixOnly, sock);
        try {
            if (s.getIntOpt(SOL_SOCKET, SO_ACCEPTCONN) == 0) {
                s.listen(backlog); // asyncio's create_server calls sock.listen(backlog)
            }
            NonBlocking.set(fd); // asyncio's sock.setblocking(False); systemd passes blocking sockets
            SocketAddress local = unix ? s.localDomainSocketAddress() : s.localAddress();
            return new Server(unix ? new EpollServerDomainSocketChannel(fd, true) : new EpollServerSocketChannel(fd),
                    local, unix);
        } catch (IOException e) {
            throw asUnchecked(e);
        }
    }

    /**
     * The channel over a connected socket.
     *
     * @param kind the loop's backend
     * @param sock the socket
     * @param unixOnly whether only a Unix domain socket will do ({@code create_unix_connection})
     * @return the channel
     * @throws IllegalArgumentException "A Stream Socket was expected, got ...", a socket that is not connected, a kind
     *     of sock that this backend cannot adopt
     */
    public static Connected connected(TransportKind kind, Sock sock, boolean unixOnly) {
        if (sock.channel() != null) {
            if (!(sock.channel() instanceof SocketChannel sc)) {
                throw new IllegalArgumentException(expected(unixOnly, sock));
            }
            SocketAddress local = localAddress(sc);
            boolean unix = local instanceof UnixDomainSocketAddress;
            if (unixOnly && !unix) {
                throw new IllegalArgumentException(expected(true, sock));
            }
            if (!sc.isConnected()) {
                throw new IllegalArgumentException("the socket is not connected: " + sock);
            }
            needs(kind, TransportKind.NIO, sock);
            return new Connected(unix ? new NioDomainSocketChannel(sc) : new SendingNioSocketChannel(sc), unix);
        }
        needs(kind, TransportKind.EPOLL, sock); // before any native call: only epoll has loaded Netty's library
        int fd = sock.fd();
        Socket s = new Socket(fd);
        boolean unix = describe(s, unixOnly, sock);
        try {
            if (s.getIntOpt(SOL_SOCKET, SO_ACCEPTCONN) != 0) {
                throw new IllegalArgumentException("the socket is not connected: " + sock);
            }
            NonBlocking.set(fd);
        } catch (IOException e) {
            throw asUnchecked(e);
        }
        return new Connected(unix ? new EpollDomainSocketChannel(fd, true) : new EpollSocketChannel(fd), unix);
    }

    /** Checks that a descriptor is a stream socket (of the Unix family if asked); returns whether it is Unix. */
    private static boolean describe(Socket s, boolean unixOnly, Sock sock) {
        int type;
        int domain;
        try {
            type = s.getIntOpt(SOL_SOCKET, SO_TYPE);
            domain = s.getIntOpt(SOL_SOCKET, SO_DOMAIN);
        } catch (IOException e) {
            throw asUnchecked(e); // EBADF, ENOTSOCK: as socket.socket(fileno=fd) fails
        }
        if (type != SOCK_STREAM || (unixOnly && domain != AF_UNIX)) {
            throw new IllegalArgumentException(expected(unixOnly, sock));
        }
        return domain == AF_UNIX;
    }

    private static String expected(boolean unix, Sock sock) {
        return (unix ? "A UNIX Domain Stream Socket was expected, got " : "A Stream Socket was expected, got ") + sock;
    }

    private static void needs(TransportKind kind, TransportKind needed, Sock sock) {
        if (kind != needed) {
            throw new IllegalArgumentException(sock.channel() != null
                    ? "a JDK channel as sock needs the nio transport (the JDK does not give its file descriptor to the "
                            + kind + " loop): " + sock
                    : "a file descriptor number as sock needs the epoll transport (Netty's " + kind
                            + " channels cannot adopt a descriptor): " + sock);
        }
    }

    private static SocketAddress localAddress(NetworkChannel ch) {
        try {
            return ch.getLocalAddress();
        } catch (IOException e) {
            throw asUnchecked(e);
        }
    }

    private static RuntimeException asUnchecked(IOException e) {
        Throwable t = OsErrors.of(e);
        return t instanceof RuntimeException r ? r : new java.io.UncheckedIOException(e);
    }
}
