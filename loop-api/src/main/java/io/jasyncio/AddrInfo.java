/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.net.InetSocketAddress;

/**
 * One answer of {@link SocketLoop#getaddrinfo}: an address to create a socket for and connect or bind to. The
 * constants are Linux's values of the {@code socket} module's names, so that numbers read from elsewhere compare.
 *
 * @param family {@link #AF_INET} or {@link #AF_INET6}
 * @param type {@link #SOCK_STREAM} or {@link #SOCK_DGRAM}
 * @param proto {@link #IPPROTO_TCP} or {@link #IPPROTO_UDP}
 * @param canonname the canonical name of the host with {@link #AI_CANONNAME} in the first answer, else {@code ""}
 * @param sockaddr the address and port
 * @asyncio one (family, type, proto, canonname, sockaddr) tuple of loop.getaddrinfo()
 */
public record AddrInfo(int family, int type, int proto, String canonname, InetSocketAddress sockaddr) {
    /** Any family. */
    public static final int AF_UNSPEC = 0;
    /** Unix domain sockets. */
    public static final int AF_UNIX = 1;
    /** IPv4. */
    public static final int AF_INET = 2;
    /** IPv6. */
    public static final int AF_INET6 = 10;
    /** A stream socket (TCP). */
    public static final int SOCK_STREAM = 1;
    /** A datagram socket (UDP). */
    public static final int SOCK_DGRAM = 2;
    /** TCP. */
    public static final int IPPROTO_TCP = 6;
    /** UDP. */
    public static final int IPPROTO_UDP = 17;
    /** For binding: a {@code null} host means every interface (else loopback). */
    public static final int AI_PASSIVE = 0x1;
    /** The first answer carries the host's canonical name. */
    public static final int AI_CANONNAME = 0x2;
    /** The host must be a literal address: nothing is looked up. */
    public static final int AI_NUMERICHOST = 0x4;
    /** Only the families configured on this host (accepted, not acted on: the JDK's resolver already filters). */
    public static final int AI_ADDRCONFIG = 0x20;
    /** The port is numeric (always so here). */
    public static final int AI_NUMERICSERV = 0x400;

    /**
     * Checks the answer.
     *
     * @throws NullPointerException for a {@code null} name or address
     */
    public AddrInfo {
        java.util.Objects.requireNonNull(canonname, "canonname");
        java.util.Objects.requireNonNull(sockaddr, "sockaddr");
    }
}
