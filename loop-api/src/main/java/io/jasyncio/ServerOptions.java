/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The keyword arguments of {@link EventLoop#createServer(java.util.function.Supplier, String, int, ServerOptions)}:
 * immutable, built from {@link #defaults()} with the {@code withX} methods.
 *
 * @param backlog the maximum number of queued connections passed to {@code listen()} (100)
 * @param reuseAddress SO_REUSEADDR: bind even if a previous socket on the port is in TIME_WAIT ({@code true})
 * @param reusePort SO_REUSEPORT: share the port with other sockets that set it too ({@code false}); on a
 *     {@link LoopGroup} (or with {@code childLoops}), each loop then accepts on a socket of its own where the kernel
 *     spreads connections over them (Linux)
 * @param keepAlive SO_KEEPALIVE on every accepted connection ({@code false})
 * @param startServing whether the server accepts connections at once, or only after {@link Server#startServing()}
 *     ({@code true})
 * @param ssl the TLS context of the server (its key managers hold the certificate), or {@code null} for plain TCP
 * @param sslHandshakeTimeout seconds to wait for each TLS handshake, or {@code null} for asyncio's 60 s
 * @param sslShutdownTimeout seconds to wait for the TLS close_notify exchange, or {@code null} for asyncio's 30 s
 * @param cleanupSocket for a Unix socket server: whether closing it removes its socket file, if the file is still the
 *     one it bound ({@code true}); a file another server put there since is left alone
 * @param limit for a stream server ({@link Asyncio#startServer}), the buffer limit of each client's
 *     {@link StreamReader} ({@link StreamReader#DEFAULT_LIMIT}, 64 KiB); protocol servers ignore it
 * @param hosts the addresses to bind, one listening socket each, instead of the {@code host} argument (which must then
 *     be {@code null}), or {@code null} for that argument
 * @param childLoops the loops that serve the accepted connections, round robin, while the server's own loop accepts
 *     them (as a {@link LoopGroup} does), or {@code null} for the server's loop alone
 * @param sock a socket that is bound and listening already, to serve instead of binding one (the {@code host} and
 *     {@code port} arguments must then be {@code null} and 0, the path of a Unix server {@code null}), or
 *     {@code null}; see {@link Sock} for which backend takes which. Its backlog and socket options stay as they
 *     were set.
 * @asyncio loop.create_server(..., backlog=100, ssl=None, reuse_address=None, reuse_port=None, keep_alive=None,
 *     ssl_handshake_timeout=None, ssl_shutdown_timeout=None, start_serving=True), and
 *     loop.create_unix_server(..., cleanup_socket=True) (3.13), and their sock=sock
 * Differences: no {@code family} or {@code flags}; several hosts go in {@code hosts}; {@code sock} is a
 * {@link Sock}. With {@code startServing} false the socket already listens (Netty binds and listens in one step) but accepts nothing until
 * {@link Server#startServing()}: a client's connect succeeds and waits in the backlog, where asyncio's is refused.
 */
public record ServerOptions(int backlog, boolean reuseAddress, boolean reusePort, boolean keepAlive,
        boolean startServing, SSLContext ssl, Double sslHandshakeTimeout, Double sslShutdownTimeout,
        boolean cleanupSocket, int limit, List<String> hosts, List<EventLoop> childLoops, Sock sock) {

    /** asyncio's default backlog. */
    public static final int DEFAULT_BACKLOG = 100;

    private static final ServerOptions DEFAULTS = new ServerOptions(DEFAULT_BACKLOG, true, false, false, true, null,
            null, null, true, StreamReader.DEFAULT_LIMIT, null, null, null);

    /**
     * Validates the timeouts and the limit (asyncio's ValueError is IllegalArgumentException) and copies the lists.
     *
     * @throws IllegalArgumentException "ssl_handshake_timeout should be a positive number, got ...", "Limit cannot be
     *     &lt;= 0", or an empty list of hosts or loops
     */
    public ServerOptions {
        ConnectionOptions.checkTimeout("ssl_handshake_timeout", sslHandshakeTimeout);
        ConnectionOptions.checkTimeout("ssl_shutdown_timeout", sslShutdownTimeout);
        ConnectionOptions.checkLimit(limit);
        if (hosts != null) {
            hosts = List.copyOf(hosts);
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("no host to bind");
            }
        }
        if (childLoops != null) {
            childLoops = List.copyOf(childLoops);
            if (childLoops.isEmpty()) {
                throw new IllegalArgumentException("no loop to serve the connections");
            }
        }
    }

    /**
     * asyncio's defaults.
     *
     * @return backlog 100, SO_REUSEADDR on, serving at once, no TLS
     */
    public static ServerOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with another backlog.
     *
     * @param value the backlog
     * @return new options
     */
    public ServerOptions withBacklog(int value) {
        return new ServerOptions(value, reuseAddress, reusePort, keepAlive, startServing, ssl, sslHandshakeTimeout,
                sslShutdownTimeout, cleanupSocket, limit, hosts, childLoops, sock);
    }

    /**
     * These options with SO_REUSEADDR on or off.
     *
     * @param value the flag
     * @return new options
     */
    public ServerOptions withReuseAddress(boolean value) {
        return new ServerOptions(backlog, value, reusePort, keepAlive, startServing, ssl, sslHandshakeTimeout,
                sslShutdownTimeout, cleanupSocket, limit, hosts, childLoops, sock);
    }

    /**
     * These options with SO_REUSEPORT on or off. With child loops (a {@link LoopGroup}'s server), on also gives every
     * loop a listening socket of its own on Linux, the kernel spreading the connections over them.
     *
     * @param value the flag
     * @return new options
     */
    public ServerOptions withReusePort(boolean value) {
        return new ServerOptions(backlog, reuseAddress, value, keepAlive, startServing, ssl, sslHandshakeTimeout,
                sslShutdownTimeout, cleanupSocket, limit, hosts, childLoops, sock);
    }

    /**
     * These options with SO_KEEPALIVE on or off for accepted connections.
     *
     * @param value the flag
     * @return new options
     */
    public ServerOptions withKeepAlive(boolean value) {
        return new ServerOptions(backlog, reuseAddress, reusePort, value, startServing, ssl, sslHandshakeTimeout,
                sslShutdownTimeout, cleanupSocket, limit, hosts, childLoops, sock);
    }

    /**
     * These options with serving at once, or only after {@link Server#startServing()}.
     *
     * @param value the flag
     * @return new options
     */
    public ServerOptions withStartServing(boolean value) {
        return new ServerOptions(backlog, reuseAddress, reusePort, keepAlive, value, ssl, sslHandshakeTimeout,
                sslShutdownTimeout, cleanupSocket, limit, hosts, childLoops, sock);
    }

    /**
     * These options with TLS.
     *
     * @param value the server's context, or {@code null} for plain TCP
     * @return new options
     */
    public ServerOptions withSsl(SSLContext value) {
        return new ServerOptions(backlog, reuseAddress, reusePort, keepAlive, startServing, value,
                sslHandshakeTimeout, sslShutdownTimeout, cleanupSocket, limit, hosts, childLoops, sock);
    }

    /**
     * These options with another TLS handshake timeout.
     *
     * @param seconds a positive number of seconds, or {@code null} for the default
     * @return new options
     */
    public ServerOptions withSslHandshakeTimeout(Double seconds) {
        return new ServerOptions(backlog, reuseAddress, reusePort, keepAlive, startServing, ssl, seconds,
                sslShutdownTimeout, cleanupSocket, limit, hosts, childLoops, sock);
    }

    /**
     * These options with another TLS shutdown timeout.
     *
     * @param seconds a positive number of seconds, or {@code null} for the default
     * @return new options
     */
    public ServerOptions withSslShutdownTimeout(Double seconds) {
        return new ServerOptions(backlog, reuseAddress, reusePort, keepAlive, startServing, ssl, sslHandshakeTimeout,
                seconds, cleanupSocket, limit, hosts, childLoops, sock);
    }

    /**
     * These options with the socket file of a Unix server kept or removed on close.
     *
     * @param value whether closing the server removes its socket file (if unchanged)
     * @return new options
     */
    public ServerOptions withCleanupSocket(boolean value) {
        return new ServerOptions(backlog, reuseAddress, reusePort, keepAlive, startServing, ssl, sslHandshakeTimeout,
                sslShutdownTimeout, value, limit, hosts, childLoops, sock);
    }

    /**
     * These options with another reader limit for the clients of a stream server.
     *
     * @param value the buffer limit of each client's reader, greater than 0
     * @return new options
     * @asyncio asyncio.start_server(..., limit=limit)
     */
    public ServerOptions withLimit(int value) {
        return new ServerOptions(backlog, reuseAddress, reusePort, keepAlive, startServing, ssl, sslHandshakeTimeout,
                sslShutdownTimeout, cleanupSocket, value, hosts, childLoops, sock);
    }

    /**
     * These options with several addresses to bind, one listening socket each ({@link Server#sockets()} lists them
     * all); the {@code host} argument must then be {@code null}. If one address cannot be bound, the sockets bound
     * already are closed and the server is not made.
     *
     * @param value the addresses, for example {@code List.of("127.0.0.1", "::1")}, or {@code null} for the host
     *     argument
     * @return new options
     * @asyncio loop.create_server(protocol_factory, host=[...], port)
     */
    public ServerOptions withHosts(List<String> value) {
        return new ServerOptions(backlog, reuseAddress, reusePort, keepAlive, startServing, ssl, sslHandshakeTimeout,
                sslShutdownTimeout, cleanupSocket, limit, value, childLoops, sock);
    }

    /**
     * These options with the accepted connections spread round robin over other loops: the server's loop accepts,
     * each connection's callbacks run on the loop it was given (as {@link LoopGroup#createServer} does). The loops may
     * be running on their own threads.
     *
     * @param value the loops that serve the connections, or {@code null} for the server's loop alone
     * @return new options
     */
    public ServerOptions withChildLoops(List<? extends EventLoop> value) {
        return new ServerOptions(backlog, reuseAddress, reusePort, keepAlive, startServing, ssl, sslHandshakeTimeout,
                sslShutdownTimeout, cleanupSocket, limit, hosts, value == null ? null : List.copyOf(value), sock);
    }

    /**
     * These options with a socket made elsewhere, bound and listening, for the server to serve: a JDK
     * {@link java.nio.channels.ServerSocketChannel} (TCP or Unix domain) on NIO.
     *
     * @param channel the bound channel, or {@code null} to bind one
     * @return new options
     * @asyncio loop.create_server(protocol_factory, sock=sock)
     */
    public ServerOptions withSock(java.nio.channels.NetworkChannel channel) {
        return withSock(channel == null ? null : Sock.of(channel));
    }

    /**
     * These options with a listening socket's file descriptor number, such as one inherited from systemd's socket
     * activation ({@code LISTEN_FDS}, starting at 3), for the server to serve: on epoll.
     *
     * @param fd the descriptor
     * @return new options
     * @asyncio loop.create_server(protocol_factory, sock=socket.socket(fileno=fd))
     */
    public ServerOptions withSock(int fd) {
        return withSock(Sock.ofFd(fd));
    }

    /**
     * These options with a socket made elsewhere, or none.
     *
     * @param value the socket, or {@code null} to bind one
     * @return new options
     */
    public ServerOptions withSock(Sock value) {
        return new ServerOptions(backlog, reuseAddress, reusePort, keepAlive, startServing, ssl, sslHandshakeTimeout,
                sslShutdownTimeout, cleanupSocket, limit, hosts, childLoops, value);
    }
}
