/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;

/**
 * The keyword arguments of
 * {@link EventLoop#createDatagramEndpoint(java.util.function.Supplier, java.net.SocketAddress,
 * java.net.SocketAddress, DatagramOptions)}: immutable, built from {@link #defaults()} with the {@code withX} methods.
 *
 * @param family the address family: {@code INET}, {@code INET6}, {@code UNIX} (a Unix datagram socket, whose
 *     addresses are {@link java.net.UnixDomainSocketAddress}es), or {@code null} for the family of the addresses
 *     given (asyncio's {@code AF_UNSPEC})
 * @param reuseAddress refused when {@code true}, with asyncio's words: SO_REUSEADDR on UDP lets another process
 *     steal the port ({@code false})
 * @param reusePort SO_REUSEPORT: share the port with other sockets of the same user that set it too ({@code false})
 * @param allowBroadcast SO_BROADCAST: the endpoint may send to broadcast addresses; a remote address is then the
 *     default destination of {@link DatagramTransport#sendto} instead of a connected peer ({@code false})
 * @param sock an already bound datagram channel the endpoint takes over (the NIO backend only), or {@code null}
 * @param sockFd the file descriptor of an already bound datagram socket the endpoint takes over (the native
 *     backends only, for example one inherited from systemd socket activation), or -1 for none
 * @asyncio loop.create_datagram_endpoint(..., *, family=0, proto=0, flags=0, reuse_port=None,
 *     allow_broadcast=None, sock=None)
 * Differences: no {@code proto} or {@code flags}. asyncio's {@code sock} is two options here: the JDK's
 * {@link DatagramChannel} hides its descriptor, so only the NIO backend can adopt one, and a descriptor can be
 * adopted only by the native backends (epoll, io_uring, kqueue), which take ownership of it: closing the endpoint
 * closes it.
 */
public record DatagramOptions(StandardProtocolFamily family, boolean reuseAddress, boolean reusePort,
        boolean allowBroadcast, DatagramChannel sock, int sockFd) {

    private static final DatagramOptions DEFAULTS = new DatagramOptions(null, false, false, false, null, -1);

    /**
     * asyncio's defaults.
     *
     * @return no family, no socket options, no socket to adopt
     */
    public static DatagramOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with an address family.
     *
     * @param value {@code INET}, {@code INET6}, {@code UNIX}, or {@code null} for the addresses' family
     * @return new options
     */
    public DatagramOptions withFamily(StandardProtocolFamily value) {
        return new DatagramOptions(value, reuseAddress, reusePort, allowBroadcast, sock, sockFd);
    }

    /**
     * These options with SO_REUSEADDR asked for: the endpoint is then refused, as asyncio refuses it.
     *
     * @param value the flag
     * @return new options
     * @asyncio create_datagram_endpoint(..., reuse_address=True): "Passing `reuse_address=True` is no longer
     *     supported, as the usage of SO_REUSEPORT in UDP poses a significant security concern."
     */
    public DatagramOptions withReuseAddress(boolean value) {
        return new DatagramOptions(family, value, reusePort, allowBroadcast, sock, sockFd);
    }

    /**
     * These options with SO_REUSEPORT on or off.
     *
     * @param value the flag
     * @return new options
     */
    public DatagramOptions withReusePort(boolean value) {
        return new DatagramOptions(family, reuseAddress, value, allowBroadcast, sock, sockFd);
    }

    /**
     * These options with SO_BROADCAST on or off.
     *
     * @param value the flag
     * @return new options
     */
    public DatagramOptions withAllowBroadcast(boolean value) {
        return new DatagramOptions(family, reuseAddress, reusePort, value, sock, sockFd);
    }

    /**
     * These options with a bound channel to adopt (NIO backend): the endpoint takes it over and closes it.
     *
     * @param value the channel, or {@code null}
     * @return new options
     */
    public DatagramOptions withSock(DatagramChannel value) {
        return new DatagramOptions(family, reuseAddress, reusePort, allowBroadcast, value, sockFd);
    }

    /**
     * These options with the descriptor of a bound datagram socket to adopt (native backends): the endpoint takes it
     * over and closes it.
     *
     * @param value the descriptor, or -1 for none
     * @return new options
     */
    public DatagramOptions withSockFd(int value) {
        return new DatagramOptions(family, reuseAddress, reusePort, allowBroadcast, sock, value);
    }
}
