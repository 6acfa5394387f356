/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.sock;


import io.jasyncio.AddrInfo;
import io.jasyncio.BaseProtocol;
import io.jasyncio.Connection;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.Future;
import io.jasyncio.NameInfo;
import io.jasyncio.Sock;
import io.jasyncio.SocketLoop;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.internal.tcp.Connect;
import io.netty.channel.IoEventLoop;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One loop's side of {@link SocketLoop}: the watchers, made on first use (the loop's own selector on NIO, a
 * {@link SelectorThreadWatcher} on the native backends, the epoll set for descriptor numbers), the {@code sock_*}
 * operations, {@code connect_accepted_socket} and the resolver. Loop thread only, but the resolver.
 */
public final class Sockets {
    private final BaseEventLoop loop;
    private final IoEventLoop io;
    private final TransportKind kind;
    // Threading: loop thread only.
    private ChannelWatcher watcher;
    private EpollFdWatcher fds;
    private SockOps ops;

    /**
     * The socket API of a loop.
     *
     * @param loop the loop
     * @param io its Netty event loop
     * @param kind its backend
     */
    public Sockets(BaseEventLoop loop, IoEventLoop io, TransportKind kind) {
        this.loop = loop;
        this.io = io;
        this.kind = kind;
    }

    private ChannelWatcher watcher() {
        if (watcher == null) {
            watcher = kind == TransportKind.NIO ? new NioChannelWatcher(loop, io) : new SelectorThreadWatcher(loop);
        }
        return watcher;
    }

    private EpollFdWatcher fds() {
        if (kind != TransportKind.EPOLL) {
            throw new UnsupportedOperationException("watching a file descriptor number needs the epoll transport, not "
                    + kind + "; watch a SelectableChannel instead");
        }
        if (fds == null) {
            fds = new EpollFdWatcher(loop, io);
        }
        return fds;
    }

    private SockOps ops() {
        if (ops == null) {
            ops = new SockOps(loop, watcher());
        }
        return ops;
    }

    /** The loop's {@link SocketLoop#addReader(SelectableChannel, Runnable)}. */
    public void addReader(SelectableChannel channel, Runnable callback) {
        loop.checkClosed();
        watcher().addReader(channel, Objects.requireNonNull(callback, "callback"));
    }

    /** The loop's {@link SocketLoop#removeReader(SelectableChannel)}. */
    public boolean removeReader(SelectableChannel channel) {
        return watcher != null && !loop.isClosed() && watcher.removeReader(channel, null);
    }

    /** The loop's {@link SocketLoop#addWriter(SelectableChannel, Runnable)}. */
    public void addWriter(SelectableChannel channel, Runnable callback) {
        loop.checkClosed();
        watcher().addWriter(channel, Objects.requireNonNull(callback, "callback"));
    }

    /** The loop's {@link SocketLoop#removeWriter(SelectableChannel)}. */
    public boolean removeWriter(SelectableChannel channel) {
        return watcher != null && !loop.isClosed() && watcher.removeWriter(channel, null);
    }

    /** The loop's {@link SocketLoop#addReader(int, Runnable)}. */
    public void addReader(int fd, Runnable callback) {
        loop.checkClosed();
        fds().addReader(fd, Objects.requireNonNull(callback, "callback"));
    }

    /** The loop's {@link SocketLoop#removeReader(int)}. */
    public boolean removeReader(int fd) {
        return fds != null && !loop.isClosed() && fds.removeReader(fd);
    }

    /** The loop's {@link SocketLoop#addWriter(int, Runnable)}. */
    public void addWriter(int fd, Runnable callback) {
        loop.checkClosed();
        fds().addWriter(fd, Objects.requireNonNull(callback, "callback"));
    }

    /** The loop's {@link SocketLoop#removeWriter(int)}. */
    public boolean removeWriter(int fd) {
        return fds != null && !loop.isClosed() && fds.removeWriter(fd);
    }

    /** The loop's {@link SocketLoop#sockRecv}. */
    public <C extends SelectableChannel & ByteChannel> Future<byte[]> sockRecv(C sock, int nbytes) {
        return ops().recv(sock, nbytes);
    }

    /** The loop's {@link SocketLoop#sockRecvInto}. */
    public <C extends SelectableChannel & ByteChannel> Future<Integer> sockRecvInto(C sock, ByteBuffer buf) {
        return ops().recvInto(sock, buf);
    }

    /** The loop's {@link SocketLoop#sockRecvfrom}. */
    public Future<SocketLoop.Recvfrom> sockRecvfrom(DatagramChannel sock, int bufsize) {
        return ops().recvfrom(sock, bufsize);
    }

    /** The loop's {@link SocketLoop#sockRecvfromInto}. */
    public Future<SocketLoop.RecvfromInto> sockRecvfromInto(DatagramChannel sock, ByteBuffer buf, int nbytes) {
        return ops().recvfromInto(sock, buf, nbytes);
    }

    /** The loop's {@link SocketLoop#sockSendall(SelectableChannel, ByteBuffer)}. */
    public <C extends SelectableChannel & ByteChannel> Future<Void> sockSendall(C sock, ByteBuffer data) {
        return ops().sendall(sock, data);
    }

    /** The loop's {@link SocketLoop#sockSendto}. */
    public Future<Integer> sockSendto(DatagramChannel sock, ByteBuffer data, SocketAddress address) {
        return ops().sendto(sock, data, address);
    }

    /** The loop's {@link SocketLoop#sockConnect}. */
    public Future<Void> sockConnect(SocketChannel sock, SocketAddress address) {
        return ops().connect(sock, Objects.requireNonNull(address, "address"));
    }

    /** The loop's {@link SocketLoop#sockAccept}. */
    public Future<SocketChannel> sockAccept(ServerSocketChannel sock) {
        return ops().accept(sock);
    }

    /** The loop's {@link SocketLoop#sockSendfile(SocketChannel, FileChannel, long, Long, boolean)}. */
    public Future<Long> sockSendfile(SocketChannel sock, FileChannel file, long offset, Long count) {
        return ops().sendfile(sock, file, offset, count);
    }

    /** The loop's {@link SocketLoop#connectAcceptedSocket(Supplier, Sock, ConnectionOptions)}. */
    public <P extends BaseProtocol> Future<Connection<P>> connectAcceptedSocket(Supplier<P> protocolFactory,
            Sock sock, ConnectionOptions options) {
        return Connect.accepted(loop, io, kind, protocolFactory, sock, options);
    }

    /** The loop's {@link SocketLoop#getaddrinfo(String, int, int, int, int, int)}. */
    public Future<List<AddrInfo>> getaddrinfo(String host, int port, int family, int type, int proto, int flags) {
        return Resolver.getaddrinfo(loop, host, port, family, type, proto, flags);
    }

    /** The loop's {@link SocketLoop#getnameinfo}. */
    public Future<NameInfo> getnameinfo(InetSocketAddress sockaddr, int flags) {
        return Resolver.getnameinfo(loop, sockaddr, flags);
    }
}
