/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.udp;

import io.jasyncio.DatagramOptions;
import io.jasyncio.transport.TransportKind;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.kqueue.KQueueDatagramChannel;
import io.netty.channel.kqueue.KQueueDomainDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;

/**
 * The Netty channel of a datagram endpoint on each backend: of a family, a Unix datagram channel, or one that adopts
 * an already bound socket.
 *
 * <table>
 * <caption>What each backend can make</caption>
 * <tr><th>backend</th><th>UDP</th><th>Unix datagram</th><th>adopts</th></tr>
 * <tr><td>epoll</td><td>yes</td><td>{@code EpollDomainDatagramChannel}</td><td>a descriptor</td></tr>
 * <tr><td>kqueue</td><td>yes</td><td>{@code KQueueDomainDatagramChannel}</td><td>a descriptor</td></tr>
 * <tr><td>io_uring</td><td>yes</td><td>no (Netty has no io_uring Unix datagram channel)</td><td>a descriptor</td></tr>
 * <tr><td>NIO</td><td>yes</td><td>no (the JDK's {@code DatagramChannel} is INET and INET6 only)</td>
 *     <td>a JDK {@code DatagramChannel}</td></tr>
 * </table>
 */
final class DatagramChannels {
    private DatagramChannels() {
    }

    /**
     * A new UDP channel.
     *
     * @param kind the backend
     * @param family {@code INET}, {@code INET6}, or {@code null} for the backend's default (dual-stack IPv6 where the
     *     system has it)
     * @return the unregistered channel
     */
    static Channel udp(TransportKind kind, StandardProtocolFamily family) {
        if (family == null) {
            return switch (kind) {
                case EPOLL -> new EpollDatagramChannel();
                case IO_URING -> new IoUringDatagramChannel();
                case KQUEUE -> new KQueueDatagramChannel();
                case NIO -> new NioDatagramChannel();
            };
        }
        SocketProtocolFamily f = SocketProtocolFamily.of(family);
        return switch (kind) {
            case EPOLL -> new EpollDatagramChannel(f);
            case IO_URING -> new IoUringDatagramChannel(f);
            case KQUEUE -> new KQueueDatagramChannel(f);
            case NIO -> new NioDatagramChannel(f);
        };
    }

    /**
     * A new Unix datagram channel.
     *
     * @param kind the backend
     * @return the unregistered channel
     * @throws UnsupportedOperationException on a backend that has none
     */
    static Channel unix(TransportKind kind) {
        checkUnix(kind);
        return kind == TransportKind.EPOLL ? new EpollDomainDatagramChannel() : new KQueueDomainDatagramChannel();
    }

    /**
     * Refuses a backend that has no Unix datagram channel.
     *
     * @param kind the backend
     * @throws UnsupportedOperationException on io_uring and NIO
     */
    static void checkUnix(TransportKind kind) {
        if (kind == TransportKind.IO_URING || kind == TransportKind.NIO) {
            throw new UnsupportedOperationException("the " + kind + " backend has no Unix datagram sockets (Netty "
                    + "has none for it); epoll and kqueue have");
        }
    }

    /**
     * A channel over an already bound socket, which it owns from now on.
     *
     * @param kind the backend
     * @param options {@code sock} or {@code sockFd}
     * @return the unregistered channel
     * @throws UnsupportedOperationException when the backend cannot adopt what is given
     */
    static Channel adopt(TransportKind kind, DatagramOptions options) {
        if (options.sock() != null) {
            if (kind != TransportKind.NIO) {
                throw new UnsupportedOperationException("a java.nio DatagramChannel can be adopted only by the NIO "
                        + "backend, not " + kind + ", which adopts a file descriptor (DatagramOptions.withSockFd)");
            }
            return new NioDatagramChannel(options.sock());
        }
        int fd = options.sockFd();
        return switch (kind) {
            case EPOLL -> new EpollDatagramChannel(fd);
            case IO_URING -> new IoUringDatagramChannel(fd);
            case KQUEUE -> new KQueueDatagramChannel(fd);
            case NIO -> throw new UnsupportedOperationException("the NIO backend cannot adopt a file descriptor; it "
                    + "adopts a java.nio DatagramChannel (DatagramOptions.withSock)");
        };
    }

    /**
     * The address Netty takes for a user's address.
     *
     * @param kind the backend
     * @param addr an internet address, a {@link UnixDomainSocketAddress}, or {@code null}
     * @return the address for Netty
     */
    static SocketAddress toNetty(TransportKind kind, SocketAddress addr) {
        if (addr instanceof UnixDomainSocketAddress u && kind != TransportKind.NIO) {
            return new DomainSocketAddress(u.getPath().toString());
        }
        return addr;
    }

    /**
     * The address a user sees for one Netty gives: Netty's Unix addresses become the JDK's, an unnamed one
     * {@code null}.
     *
     * @param addr Netty's address, or {@code null}
     * @return the user's address
     */
    static SocketAddress fromNetty(SocketAddress addr) {
        if (addr instanceof DomainSocketAddress d) {
            return d.path() == null || d.path().isEmpty() ? null : UnixDomainSocketAddress.of(d.path());
        }
        return addr;
    }

    /**
     * A datagram to an address, as the backend's channel takes it.
     *
     * @param kind the backend
     * @param content the payload, whose ownership passes to the envelope
     * @param to an internet address or a {@link UnixDomainSocketAddress}
     * @return the message to write
     */
    static Object envelope(TransportKind kind, ByteBuf content, SocketAddress to) {
        if (to instanceof InetSocketAddress inet) {
            return new DatagramPacket(content, inet);
        }
        return new DomainDatagramPacket(content, (DomainSocketAddress) toNetty(kind, to));
    }
}
