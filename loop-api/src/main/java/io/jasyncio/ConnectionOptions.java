/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;

/**
 * The keyword arguments of
 * {@link EventLoop#createConnection(java.util.function.Supplier, String, int, ConnectionOptions)}: immutable, built
 * from {@link #defaults()} with the {@code withX} methods.
 *
 * @param ssl the client's TLS context (its trust managers decide whom to trust), or {@code null} for plain TCP
 * @param serverHostname the name to send as SNI and to match against the server's certificate, {@code ""} for
 *     neither, or {@code null} for the host connected to
 * @param localAddr the local address to bind before connecting, or {@code null}
 * @param sslHandshakeTimeout seconds to wait for the TLS handshake, or {@code null} for asyncio's 60 s
 * @param sslShutdownTimeout seconds to wait for the TLS close_notify exchange, or {@code null} for asyncio's 30 s
 * @param happyEyeballsDelay seconds to wait for a connection attempt before starting the next one in parallel (RFC
 *     8305, 0.25 recommended), or {@code null} to try the addresses one after the other
 * @param interleave how many addresses of the first family come before the families alternate, or {@code null}:
 *     1 with a happy eyeballs delay, else the resolver's order
 * @param limit for a stream connection ({@link Asyncio#openConnection}), the buffer limit of its
 *     {@link StreamReader} ({@link StreamReader#DEFAULT_LIMIT}, 64 KiB); protocol connections ignore it
 * @param sock a socket connected already, to make the transport of instead of connecting one (the {@code host} and
 *     {@code port} arguments must then be {@code null} and 0, the path of a Unix connection {@code null}), or
 *     {@code null}; see {@link Sock} for which backend takes which
 * @asyncio loop.create_connection(..., ssl=None, server_hostname=None, local_addr=None,
 *     ssl_handshake_timeout=None, ssl_shutdown_timeout=None, happy_eyeballs_delay=None, interleave=None)
 * Differences: no {@code family}, {@code proto}, {@code flags} or {@code all_errors}; {@code sock} is a
 * {@link Sock}. A host name is resolved in the loop's default executor (a literal address is not resolved), and each
 * address is tried in turn.
 */
public record ConnectionOptions(SSLContext ssl, String serverHostname, InetSocketAddress localAddr,
        Double sslHandshakeTimeout, Double sslShutdownTimeout, Double happyEyeballsDelay, Integer interleave,
        int limit, Sock sock) {

    /** asyncio's default TLS handshake timeout, in seconds ({@code constants.SSL_HANDSHAKE_TIMEOUT}). */
    public static final double DEFAULT_SSL_HANDSHAKE_TIMEOUT = 60.0;

    /** asyncio's default TLS shutdown timeout, in seconds ({@code constants.SSL_SHUTDOWN_TIMEOUT}). */
    public static final double DEFAULT_SSL_SHUTDOWN_TIMEOUT = 30.0;

    private static final ConnectionOptions DEFAULTS = new ConnectionOptions(null, null, null, null, null, null, null,
            StreamReader.DEFAULT_LIMIT, null);

    /**
     * Validates the timeouts, the delay and the limit (asyncio's ValueError is IllegalArgumentException).
     *
     * @throws IllegalArgumentException "ssl_handshake_timeout should be a positive number, got ...", "Limit cannot be
     *     &lt;= 0", ...
     */
    public ConnectionOptions {
        checkLimit(limit);
        checkTimeout("ssl_handshake_timeout", sslHandshakeTimeout);
        checkTimeout("ssl_shutdown_timeout", sslShutdownTimeout);
        if (happyEyeballsDelay != null && !(happyEyeballsDelay >= 0)) {
            throw new IllegalArgumentException("happy_eyeballs_delay should be a non-negative number, got "
                    + happyEyeballsDelay);
        }
        if (interleave != null && interleave < 0) {
            throw new IllegalArgumentException("interleave should be a non-negative number, got " + interleave);
        }
    }

    static void checkLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
    }

    static void checkTimeout(String name, Double seconds) {
        if (seconds != null && !(seconds > 0)) {
            throw new IllegalArgumentException(name + " should be a positive number, got " + seconds);
        }
    }

    /**
     * asyncio's defaults.
     *
     * @return plain TCP, no local address
     */
    public static ConnectionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with TLS.
     *
     * @param value the client's context, or {@code null} for plain TCP
     * @return new options
     */
    public ConnectionOptions withSsl(SSLContext value) {
        return new ConnectionOptions(value, serverHostname, localAddr, sslHandshakeTimeout, sslShutdownTimeout,
                happyEyeballsDelay, interleave, limit, sock);
    }

    /**
     * These options with another server name for TLS.
     *
     * @param value the name, {@code ""} for none, or {@code null} for the host
     * @return new options
     */
    public ConnectionOptions withServerHostname(String value) {
        return new ConnectionOptions(ssl, value, localAddr, sslHandshakeTimeout, sslShutdownTimeout,
                happyEyeballsDelay, interleave, limit, sock);
    }

    /**
     * These options with a local address to bind.
     *
     * @param value the address, or {@code null}
     * @return new options
     */
    public ConnectionOptions withLocalAddr(InetSocketAddress value) {
        return new ConnectionOptions(ssl, serverHostname, value, sslHandshakeTimeout, sslShutdownTimeout,
                happyEyeballsDelay, interleave, limit, sock);
    }

    /**
     * These options with another TLS handshake timeout.
     *
     * @param seconds a positive number of seconds, or {@code null} for the default
     * @return new options
     */
    public ConnectionOptions withSslHandshakeTimeout(Double seconds) {
        return new ConnectionOptions(ssl, serverHostname, localAddr, seconds, sslShutdownTimeout,
                happyEyeballsDelay, interleave, limit, sock);
    }

    /**
     * These options with another TLS shutdown timeout.
     *
     * @param seconds a positive number of seconds, or {@code null} for the default
     * @return new options
     */
    public ConnectionOptions withSslShutdownTimeout(Double seconds) {
        return new ConnectionOptions(ssl, serverHostname, localAddr, sslHandshakeTimeout, seconds,
                happyEyeballsDelay, interleave, limit, sock);
    }

    /**
     * These options with happy eyeballs (RFC 8305): the next address is tried in parallel once an attempt has taken
     * this long, the first to connect wins and the others are closed.
     *
     * @param seconds the delay, or {@code null} to try the addresses one after the other
     * @return new options
     */
    public ConnectionOptions withHappyEyeballsDelay(Double seconds) {
        return new ConnectionOptions(ssl, serverHostname, localAddr, sslHandshakeTimeout, sslShutdownTimeout, seconds,
                interleave, limit, sock);
    }

    /**
     * These options with the addresses reordered by family: {@code count} of the first family, then one of each in
     * turn.
     *
     * @param count how many of the first family lead, 0 for the resolver's order, or {@code null} for the default
     * @return new options
     */
    public ConnectionOptions withInterleave(Integer count) {
        return new ConnectionOptions(ssl, serverHostname, localAddr, sslHandshakeTimeout, sslShutdownTimeout,
                happyEyeballsDelay, count, limit, sock);
    }

    /**
     * These options with another reader limit for a stream connection.
     *
     * @param value the buffer limit of the reader, greater than 0
     * @return new options
     * @asyncio asyncio.open_connection(..., limit=limit)
     */
    public ConnectionOptions withLimit(int value) {
        return new ConnectionOptions(ssl, serverHostname, localAddr, sslHandshakeTimeout, sslShutdownTimeout,
                happyEyeballsDelay, interleave, value, sock);
    }

    /**
     * These options with a connected socket made elsewhere, to make the transport of: a JDK
     * {@link java.nio.channels.SocketChannel} (TCP or Unix domain) on NIO.
     *
     * @param channel the connected channel, or {@code null} to connect one
     * @return new options
     * @asyncio loop.create_connection(protocol_factory, sock=sock)
     */
    public ConnectionOptions withSock(java.nio.channels.NetworkChannel channel) {
        return withSock(channel == null ? null : Sock.of(channel));
    }

    /**
     * These options with a connected socket's file descriptor number, to make the transport of: on epoll.
     *
     * @param fd the descriptor
     * @return new options
     * @asyncio loop.create_connection(protocol_factory, sock=socket.socket(fileno=fd))
     */
    public ConnectionOptions withSock(int fd) {
        return withSock(Sock.ofFd(fd));
    }

    /**
     * These options with a socket made elsewhere, or none.
     *
     * @param value the socket, or {@code null} to connect one
     * @return new options
     */
    public ConnectionOptions withSock(Sock value) {
        return new ConnectionOptions(ssl, serverHostname, localAddr, sslHandshakeTimeout, sslShutdownTimeout,
                happyEyeballsDelay, interleave, limit, value);
    }
}
