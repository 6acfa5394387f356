/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.sock;


import io.jasyncio.AddrInfo;
import io.jasyncio.Errno;
import io.jasyncio.Future;
import io.jasyncio.GaiError;
import io.jasyncio.NameInfo;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.OsErrors;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's {@code getaddrinfo} and {@code getnameinfo}: the JDK's resolver ({@link InetAddress}), called in the loop's
 * default executor as asyncio calls the {@code socket} module's there, with its answers shaped as Linux's
 * {@code getaddrinfo} gives them. Any thread may call; the futures complete on the loop.
 */
public final class Resolver {
    /** EAI_FAMILY: the family is not supported. */
    static final int EAI_FAMILY = -6;
    /** EAI_SOCKTYPE: the socket type is not supported. */
    static final int EAI_SOCKTYPE = -7;
    /** EAI_SERVICE: the port is not valid for the socket type. */
    static final int EAI_SERVICE = -8;

    private Resolver() {
    }

    /**
     * Resolves a host and port.
     *
     * @param loop the loop
     * @param host the host, or {@code null}
     * @param port the port
     * @param family AF_UNSPEC, AF_INET or AF_INET6
     * @param type 0, SOCK_STREAM or SOCK_DGRAM
     * @param proto 0, IPPROTO_TCP or IPPROTO_UDP
     * @param flags AI_* flags
     * @return the future of the answers
     */
    public static Future<List<AddrInfo>> getaddrinfo(BaseEventLoop loop, String host, int port, int family, int type,
            int proto, int flags) {
        loop.checkClosed();
        return loop.runInExecutor(null, () -> addrinfo(host, port, family, type, proto, flags));
    }

    /**
     * Turns an address into names.
     *
     * @param loop the loop
     * @param sockaddr the address
     * @param flags NI_* flags
     * @return the future of the host and port
     */
    public static Future<NameInfo> getnameinfo(BaseEventLoop loop, InetSocketAddress sockaddr, int flags) {
        loop.checkClosed();
        java.util.Objects.requireNonNull(sockaddr, "sockaddr");
        return loop.runInExecutor(null, () -> nameinfo(sockaddr, flags));
    }

    static List<AddrInfo> addrinfo(String host, int port, int family, int type, int proto, int flags) {
        if (family != AddrInfo.AF_UNSPEC && family != AddrInfo.AF_INET && family != AddrInfo.AF_INET6) {
            throw gai(EAI_FAMILY, "ai_family not supported");
        }
        if (type != 0 && type != AddrInfo.SOCK_STREAM && type != AddrInfo.SOCK_DGRAM) {
            throw gai(EAI_SOCKTYPE, "ai_socktype not supported");
        }
        if (port < 0 || port > 0xFFFF) {
            throw gai(EAI_SERVICE, "Servname not supported for ai_socktype");
        }
        InetAddress[] addresses;
        try {
            if (host == null) {
                addresses = (flags & AddrInfo.AI_PASSIVE) != 0
                        ? new InetAddress[] {InetAddress.getByName("0.0.0.0"), InetAddress.getByName("::")}
                        : new InetAddress[] {InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")};
            } else if ((flags & AddrInfo.AI_NUMERICHOST) != 0) {
                addresses = new InetAddress[] {literal(host)};
            } else {
                addresses = InetAddress.getAllByName(host);
            }
        } catch (UnknownHostException e) {
            throw OsErrors.gaiError(e);
        }
        String canonname = "";
        if ((flags & AddrInfo.AI_CANONNAME) != 0 && host != null) {
            canonname = (flags & AddrInfo.AI_NUMERICHOST) != 0 ? host : addresses[0].getCanonicalHostName();
        }
        List<AddrInfo> infos = new ArrayList<>();
        for (InetAddress a : addresses) {
            int f = a instanceof Inet6Address ? AddrInfo.AF_INET6 : AddrInfo.AF_INET;
            if (family != AddrInfo.AF_UNSPEC && family != f) {
                continue;
            }
            InetSocketAddress sockaddr = new InetSocketAddress(a, port);
            if ((type == 0 || type == AddrInfo.SOCK_STREAM) && (proto == 0 || proto == AddrInfo.IPPROTO_TCP)) {
                infos.add(new AddrInfo(f, AddrInfo.SOCK_STREAM, AddrInfo.IPPROTO_TCP, infos.isEmpty() ? canonname : "",
                        sockaddr));
            }
            if ((type == 0 || type == AddrInfo.SOCK_DGRAM) && (proto == 0 || proto == AddrInfo.IPPROTO_UDP)) {
                infos.add(new AddrInfo(f, AddrInfo.SOCK_DGRAM, AddrInfo.IPPROTO_UDP, infos.isEmpty() ? canonname : "",
                        sockaddr));
            }
        }
        if (infos.isEmpty()) {
            if (proto != 0 && type != 0) {
                throw gai(EAI_SERVICE, "Servname not supported for ai_socktype");
            }
            // Linux: a name with no address of the family asked for is "Address family for hostname not supported"
            // (EAI_ADDRFAMILY) for some resolvers and "Name or service not known" for others; asyncio's tests accept
            // any gaierror.
            throw gai(Errno.EAI_NONAME, Errno.strerror(Errno.EAI_NONAME));
        }
        return List.copyOf(infos);
    }

    /** A literal address, without a lookup: AI_NUMERICHOST. */
    private static InetAddress literal(String host) throws UnknownHostException {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean v4 = h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')) && h.chars().filter(c -> c == '.')
                .count() == 3;
        boolean v6 = h.indexOf(':') >= 0 && h.chars().allMatch(c -> c == ':' || c == '.' || c == '%'
                || Character.digit(c, 16) >= 0 || Character.isLetterOrDigit(c));
        if (!v4 && !v6) {
            throw new UnknownHostException(host + ": Name or service not known");
        }
        return InetAddress.getByName(h); // a literal: the JDK parses it, no lookup
    }

    static NameInfo nameinfo(InetSocketAddress sockaddr, int flags) {
        InetAddress address = sockaddr.getAddress();
        if (address == null) {
            try {
                address = InetAddress.getByName(sockaddr.getHostString());
            } catch (UnknownHostException e) {
                throw OsErrors.gaiError(e);
            }
        }
        String port = Integer.toString(sockaddr.getPort());
        String numeric = address.getHostAddress();
        if (address instanceof Inet6Address && numeric.indexOf('%') < 0) {
            numeric = compressed((Inet6Address) address, numeric);
        }
        if ((flags & NameInfo.NI_NUMERICHOST) != 0) {
            return new NameInfo(numeric, port);
        }
        String name = address.getCanonicalHostName(); // the reverse lookup: the address itself when there is none
        boolean named = !name.equals(address.getHostAddress());
        if (!named) {
            if ((flags & NameInfo.NI_NAMEREQD) != 0) {
                throw gai(Errno.EAI_NONAME, Errno.strerror(Errno.EAI_NONAME));
            }
            return new NameInfo(numeric, port);
        }
        if ((flags & NameInfo.NI_NOFQDN) != 0 && name.indexOf('.') > 0) {
            name = name.substring(0, name.indexOf('.'));
        }
        return new NameInfo(name, port);
    }

    /** An IPv6 address in the short form that {@code inet_ntop} gives ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}). */
    private static String compressed(Inet6Address address, String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = Math.max(i, j);
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }

    private static GaiError gai(int errno, String strerror) {
        return new GaiError(errno, strerror, null);
    }
}
