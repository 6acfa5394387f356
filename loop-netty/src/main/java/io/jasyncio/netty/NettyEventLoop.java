/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.netty;

import io.jasyncio.transport.internal.Backend;
import io.jasyncio.BaseProtocol;
import io.jasyncio.Connection;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.DatagramEndpoint;
import io.jasyncio.DatagramOptions;
import io.jasyncio.DatagramProtocol;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.Transport;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.FutureAccess;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.Transports;
import io.jasyncio.transport.internal.TransportLoop;
import io.jasyncio.transport.internal.subprocess.Subprocesses;
import io.jasyncio.transport.internal.tcp.Connect;
import io.jasyncio.transport.internal.tcp.ServerBinder;
import io.jasyncio.transport.internal.tcp.TcpTransport;
import io.jasyncio.transport.internal.udp.DatagramEndpoints;
import io.jasyncio.transport.internal.udp.UdpTransport;
import io.netty.channel.IoEventLoop;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The event loop over Netty: {@link BaseEventLoop}'s logic, with the I/O poll and the wake-up of a Netty
 * {@code SingleThreadIoEventLoop} (epoll or NIO) that runs on the thread calling {@link #runForever()}. asyncio's
 * {@code selector_events}: I/O registration and wake-up only.
 *
 * <p>Netty channels for this loop register with {@link #ioEventLoop()}; their handlers run on the loop's thread,
 * inside the I/O poll of an iteration, so {@code inEventLoop()} is true in loop callbacks, tasks and channel handlers
 * alike.
 */
public final class NettyEventLoop extends BaseEventLoop implements TransportLoop {
    private final TransportKind kind;
    private final LoopIoExecutor io;

    /**
     * Creates a loop.
     *
     * @param options the clock, debug mode and backend
     */
    public NettyEventLoop(LoopOptions options) {
        super(options);
        this.kind = Transports.choose(options.transport());
        io.netty.channel.IoHandlerFactory factory = Backend.of(kind).ioHandlerFactory();
        if (!factory.isChangingThreadSupported()) {
            // The loop runs on whichever thread calls runForever(): its I/O handler must be able to follow it.
            throw new IllegalStateException("transport " + kind + " cannot run a loop on the thread that calls "
                    + "runForever(): Netty's " + kind + " handler does not support changing threads; use epoll or nio");
        }
        this.io = new LoopIoExecutor(this, factory, kind == TransportKind.EPOLL);
    }

    /**
     * The backend this loop runs on.
     *
     * @return epoll, io_uring or NIO
     */
    @Override
    public TransportKind transportKind() {
        return kind;
    }

    /**
     * The Netty event loop that channels of this loop register with.
     *
     * @return the Netty loop, running exactly while this loop runs
     */
    public IoEventLoop ioEventLoop() {
        return io;
    }

    @Override
    public Future<Server> createServer(Supplier<? extends BaseProtocol> protocolFactory, String host, int port,
            ServerOptions options) {
        return FutureAccess.followAwaited(ServerBinder.tcp(this, io, kind, protocolFactory, host, port, options,
                childLoops(options)), "createServer");
    }

    /** The loops that serve a server's connections, each with its Netty event loop; empty for this loop alone. */
    private List<ServerBinder.ChildLoop> childLoops(ServerOptions options) {
        if (options.childLoops() == null) {
            return List.of();
        }
        List<ServerBinder.ChildLoop> children = new ArrayList<>();
        for (EventLoop l : options.childLoops()) {
            if (!(l instanceof NettyEventLoop n) || n.kind != kind) {
                throw new IllegalArgumentException("a child loop must be a " + kind + " loop like the server's: " + l);
            }
            children.add(new ServerBinder.ChildLoop(n, n.io));
        }
        return children;
    }

    @Override
    public <P extends BaseProtocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host,
            int port, ConnectionOptions options) {
        return FutureAccess.followAwaited(Connect.tcp(this, io, kind, protocolFactory, host, port, options),
                "createConnection");
    }

    @Override
    public Future<Server> createUnixServer(Supplier<? extends BaseProtocol> protocolFactory, String path,
            ServerOptions options) {
        return FutureAccess.followAwaited(ServerBinder.unix(this, io, kind, protocolFactory, path, options),
                "createUnixServer");
    }

    @Override
    public <P extends BaseProtocol> Future<Connection<P>> createUnixConnection(Supplier<P> protocolFactory,
            String path, ConnectionOptions options) {
        return FutureAccess.followAwaited(Connect.unix(this, io, kind, protocolFactory, path, options),
                "createUnixConnection");
    }

    @Override
    public Future<Transport> startTls(Transport transport, BaseProtocol protocol, SSLContext ssl, boolean serverSide,
            String serverHostname, Double sslHandshakeTimeout, Double sslShutdownTimeout) {
        if (!(transport instanceof TcpTransport tcp)) {
            throw new IllegalArgumentException("startTls needs a stream transport of this loop, not " + transport);
        }
        return FutureAccess.followAwaited(tcp.startTls(ssl, serverSide, serverHostname, protocol, sslHandshakeTimeout,
                sslShutdownTimeout), "startTls");
    }

    @Override
    public Future<Long> sendfile(Transport transport, Path file, long offset, long count) {
        if (!(transport instanceof TcpTransport tcp) || tcp.loop() != this) {
            throw new IllegalArgumentException("sendfile needs a stream transport of this loop, not " + transport);
        }
        return FutureAccess.followAwaited(tcp.sendfile(file, offset, count), "sendfile");
    }

    @Override
    public <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(Supplier<P> protocolFactory,
            InetSocketAddress local, InetSocketAddress remote) {
        return FutureAccess.followAwaited(UdpTransport.create(this, io, kind, protocolFactory, local, remote),
                "createDatagramEndpoint");
    }

    // ---- datagram endpoints with asyncio's keyword arguments
    @Override
    public <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(Supplier<P> protocolFactory,
            java.net.SocketAddress local, java.net.SocketAddress remote, DatagramOptions options) {
        return FutureAccess.followAwaited(DatagramEndpoints.create(this, io, kind,
                protocolFactory, local, remote, options), "createDatagramEndpoint");
    }

    // ---- sockets and descriptors (SocketLoop: io.jasyncio.transport.internal.sock)

    private io.jasyncio.transport.internal.sock.Sockets sockets;

    private io.jasyncio.transport.internal.sock.Sockets sockets() {
        if (sockets == null) {
            sockets = new io.jasyncio.transport.internal.sock.Sockets(this, io, kind);
        }
        return sockets;
    }

    @Override
    public void addReader(java.nio.channels.SelectableChannel channel, Runnable callback) {
        sockets().addReader(channel, callback);
    }

    @Override
    public boolean removeReader(java.nio.channels.SelectableChannel channel) {
        return sockets().removeReader(channel);
    }

    @Override
    public void addWriter(java.nio.channels.SelectableChannel channel, Runnable callback) {
        sockets().addWriter(channel, callback);
    }

    @Override
    public boolean removeWriter(java.nio.channels.SelectableChannel channel) {
        return sockets().removeWriter(channel);
    }

    @Override
    public void addReader(int fd, Runnable callback) {
        sockets().addReader(fd, callback);
    }

    @Override
    public boolean removeReader(int fd) {
        return sockets().removeReader(fd);
    }

    @Override
    public void addWriter(int fd, Runnable callback) {
        sockets().addWriter(fd, callback);
    }

    @Override
    public boolean removeWriter(int fd) {
        return sockets().removeWriter(fd);
    }

    @Override
    public <C extends java.nio.channels.SelectableChannel & java.nio.channels.ByteChannel> Future<byte[]> sockRecv(
            C sock, int nbytes) {
        return FutureAccess.followAwaited(sockets().sockRecv(sock, nbytes), "sockRecv");
    }

    @Override
    public <C extends java.nio.channels.SelectableChannel & java.nio.channels.ByteChannel> Future<Integer>
            sockRecvInto(C sock, java.nio.ByteBuffer buf) {
        return FutureAccess.followAwaited(sockets().sockRecvInto(sock, buf), "sockRecvInto");
    }

    @Override
    public Future<Recvfrom> sockRecvfrom(java.nio.channels.DatagramChannel sock, int bufsize) {
        return FutureAccess.followAwaited(sockets().sockRecvfrom(sock, bufsize), "sockRecvfrom");
    }

    @Override
    public Future<RecvfromInto> sockRecvfromInto(java.nio.channels.DatagramChannel sock, java.nio.ByteBuffer buf,
            int nbytes) {
        return FutureAccess.followAwaited(sockets().sockRecvfromInto(sock, buf, nbytes), "sockRecvfromInto");
    }

    @Override
    public <C extends java.nio.channels.SelectableChannel & java.nio.channels.ByteChannel> Future<Void> sockSendall(
            C sock, java.nio.ByteBuffer data) {
        return FutureAccess.followAwaited(sockets().sockSendall(sock, data), "sockSendall");
    }

    @Override
    public Future<Integer> sockSendto(java.nio.channels.DatagramChannel sock, java.nio.ByteBuffer data,
            java.net.SocketAddress address) {
        return FutureAccess.followAwaited(sockets().sockSendto(sock, data, address), "sockSendto");
    }

    @Override
    public Future<Void> sockConnect(java.nio.channels.SocketChannel sock, java.net.SocketAddress address) {
        return FutureAccess.followAwaited(sockets().sockConnect(sock, address), "sockConnect");
    }

    @Override
    public Future<java.nio.channels.SocketChannel> sockAccept(java.nio.channels.ServerSocketChannel sock) {
        return FutureAccess.followAwaited(sockets().sockAccept(sock), "sockAccept");
    }

    @Override
    public Future<Long> sockSendfile(java.nio.channels.SocketChannel sock, java.nio.channels.FileChannel file,
            long offset, Long count, boolean fallback) {
        return FutureAccess.followAwaited(sockets().sockSendfile(sock, file, offset, count), "sockSendfile");
    }

    @Override
    public <P extends BaseProtocol> Future<Connection<P>> connectAcceptedSocket(Supplier<P> protocolFactory,
            io.jasyncio.Sock sock, ConnectionOptions options) {
        return FutureAccess.followAwaited(sockets().connectAcceptedSocket(protocolFactory, sock, options),
                "connectAcceptedSocket");
    }

    @Override
    public Future<List<io.jasyncio.AddrInfo>> getaddrinfo(String host, int port, int family, int type, int proto,
            int flags) {
        return FutureAccess.followAwaited(sockets().getaddrinfo(host, port, family, type, proto, flags),
                "getaddrinfo");
    }

    @Override
    public Future<io.jasyncio.NameInfo> getnameinfo(InetSocketAddress sockaddr, int flags) {
        return FutureAccess.followAwaited(sockets().getnameinfo(sockaddr, flags), "getnameinfo");
    }

    // ---- end of sockets and descriptors

    // ---- subprocesses and pipes

    @Override
    public <P extends io.jasyncio.SubprocessProtocol> Future<io.jasyncio.SubprocessConnection<P>> subprocessExec(
            Supplier<P> protocolFactory, List<String> args, io.jasyncio.SubprocessOptions options) {
        return FutureAccess.followAwaited(Subprocesses.exec(this, io, kind,
                protocolFactory, args, options), "subprocessExec");
    }

    @Override
    public <P extends io.jasyncio.SubprocessProtocol> Future<io.jasyncio.SubprocessConnection<P>> subprocessShell(
            Supplier<P> protocolFactory, String cmd, io.jasyncio.SubprocessOptions options) {
        return FutureAccess.followAwaited(Subprocesses.shell(this, io, kind,
                protocolFactory, cmd, options), "subprocessShell");
    }

    @Override
    public <P extends BaseProtocol> Future<Connection<P>> connectReadPipe(Supplier<P> protocolFactory,
            java.nio.channels.ReadableByteChannel pipe) {
        return FutureAccess.followAwaited(Subprocesses.readPipe(this,
                protocolFactory, pipe), "connectReadPipe");
    }

    @Override
    public <P extends BaseProtocol> Future<Connection<P>> connectWritePipe(Supplier<P> protocolFactory,
            java.nio.channels.WritableByteChannel pipe) {
        return FutureAccess.followAwaited(Subprocesses.writePipe(this,
                protocolFactory, pipe), "connectWritePipe");
    }

    // ---- end of subprocesses and pipes

    @Override
    protected void runIterations() {
        io.runOnCaller();
    }

    /** The iterations, called by the Netty executor on the caller's thread. */
    void iterate() {
        super.runIterations();
    }

    /** {@link #mustNotBlock()} for the Netty executor. */
    boolean hasReadyWork() {
        return mustNotBlock();
    }

    @Override
    protected void pollIo(long timeoutNanos) {
        io.poll(timeoutNanos);
    }

    // ---- watched path

    @Override
    protected boolean pollIsEmpty(long timeoutNanos) {
        return io.pollIsEmpty(timeoutNanos);
    }

    @Override
    protected void wakeup() {
        io.wakeupIo();
    }

    @Override
    protected void closeIo() {
        io.shutdownOnCaller();
    }

    @Override
    public String toString() {
        return "<NettyEventLoop " + kind + " running=" + isRunning() + " closed=" + isClosed() + " debug="
                + getDebug() + ">";
    }
}
