/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.udp;

import io.jasyncio.DatagramOptions;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The argument checks of asyncio's {@code create_datagram_endpoint}, with its words: ValueError and TypeError are
 * {@link IllegalArgumentException}s, thrown before anything is opened.
 */
final class DatagramArgs {
    static final String REUSE_ADDRESS_REFUSED = "Passing `reuse_address=True` is no longer supported, as the usage "
            + "of SO_REUSEPORT in UDP poses a significant security concern.";

    private DatagramArgs() {
    }

    /**
     * Checks the arguments and tells the family of the endpoint.
     *
     * @param local the address to bind, or {@code null}
     * @param remote the address to connect to, or {@code null}
     * @param options the options
     * @return the family, {@code null} for an adopted socket or internet addresses of no given family
     * @throws IllegalArgumentException as asyncio's ValueError or TypeError
     */
    static StandardProtocolFamily check(SocketAddress local, SocketAddress remote, DatagramOptions options) {
        if (options.reuseAddress()) {
            throw new IllegalArgumentException(REUSE_ADDRESS_REFUSED);
        }
        if (options.sock() != null || options.sockFd() >= 0) {
            checkSock(local, remote, options);
            return null;
        }
        StandardProtocolFamily family = options.family();
        if (local == null && remote == null) {
            if (family == null) {
                throw new IllegalArgumentException("unexpected address family");
            }
            return family;
        }
        if (family == null && (local instanceof UnixDomainSocketAddress || remote instanceof UnixDomainSocketAddress)) {
            family = StandardProtocolFamily.UNIX;
        }
        for (SocketAddress addr : new SocketAddress[] {local, remote}) {
            if (addr == null) {
                continue;
            }
            if (family == StandardProtocolFamily.UNIX) {
                if (!(addr instanceof UnixDomainSocketAddress)) {
                    throw new IllegalArgumentException("string is expected: a UnixDomainSocketAddress, not " + addr);
                }
            } else if (!(addr instanceof InetSocketAddress)) {
                throw new IllegalArgumentException("2-tuple is expected: an InetSocketAddress, not " + addr);
            }
        }
        if (family != StandardProtocolFamily.UNIX) {
            StandardProtocolFamily l = familyOf(local);
            StandardProtocolFamily r = familyOf(remote);
            if (family == null) {
                family = l != null ? l : r;
            }
            if ((l != null && l != family) || (r != null && r != family)) {
                throw new IllegalArgumentException("can not get address information");
            }
        }
        return family;
    }

    /** asyncio's check that a socket comes alone, naming the arguments that came with it. */
    private static void checkSock(SocketAddress local, SocketAddress remote, DatagramOptions options) {
        List<String> problems = new ArrayList<>();
        if (options.sock() != null && options.sockFd() >= 0) {
            problems.add("sock_fd=" + options.sockFd());
        }
        if (local != null) {
            problems.add("local_addr=" + local);
        }
        if (remote != null) {
            problems.add("remote_addr=" + remote);
        }
        if (options.family() != null) {
            problems.add("family=" + options.family());
        }
        if (options.reusePort()) {
            problems.add("reuse_port=True");
        }
        if (options.allowBroadcast()) {
            problems.add("allow_broadcast=True");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("socket modifier keyword arguments can not be used when sock is "
                    + "specified. (" + String.join(", ", problems) + ")");
        }
    }

    /** The family of a resolved internet address, {@code null} for none or an unresolved one. */
    private static StandardProtocolFamily familyOf(SocketAddress addr) {
        if (!(addr instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return null;
        }
        return inet.getAddress() instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }
}
