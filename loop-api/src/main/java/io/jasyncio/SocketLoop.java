/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

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
import java.util.function.Supplier;

/**
 * What an event loop does with sockets and descriptors it did not make: asyncio's "working with socket objects
 * directly" ({@code sock_recv}, {@code sock_sendall}, ...), "watching file descriptors" ({@code add_reader}, ...),
 * {@code connect_accepted_socket}, and the resolver's {@code getaddrinfo} and {@code getnameinfo}. {@link EventLoop}
 * extends it; a loop without these throws {@link UnsupportedOperationException}.
 *
 * <p>The sockets are JDK channels in non-blocking mode, as asyncio requires non-blocking sockets: a channel in
 * blocking mode is refused with {@link IllegalArgumentException} "the socket must be non-blocking" (asyncio's
 * {@code ValueError}, which asyncio checks in debug mode only; here always). Every method is for the loop's thread.
 * An operation's future, cancelled, stops watching the socket; bytes it had already sent or read stay sent or read.
 *
 * <p>Backends: on NIO the channels register with the loop's own selector. On epoll and io_uring the loop polls
 * native descriptors, and the JDK does not give a channel's descriptor number, so JDK channels are watched by one
 * helper thread per loop that waits in a JDK {@link java.nio.channels.Selector} and only signals readiness to the loop
 * (the reads and writes, and every callback, run on the loop); it starts with the first watched channel and ends with
 * the last. Descriptor numbers ({@link #addReader(int, Runnable)}) are watched by the loop's epoll itself.
 *
 * @asyncio the socket, descriptor and resolver methods of asyncio.AbstractEventLoop
 */
public interface SocketLoop {

    /**
     * What {@link #sockRecvfrom} receives.
     *
     * @param data the datagram, cut to the size asked for
     * @param address its sender
     * @asyncio the (bytes, address) tuple of loop.sock_recvfrom()
     */
    record Recvfrom(byte[] data, SocketAddress address) {
    }

    /**
     * What {@link #sockRecvfromInto} receives.
     *
     * @param nbytes how many bytes of the datagram were written to the buffer
     * @param address its sender
     * @asyncio the (nbytes, address) tuple of loop.sock_recvfrom_into()
     */
    record RecvfromInto(int nbytes, SocketAddress address) {
    }

    // ---------------------------------------------------------------- watching descriptors

    /**
     * Starts watching a channel for read availability (for a server socket: a connection to accept): the callback runs
     * on the loop, once per iteration while the channel stays readable, until {@link #removeReader}. A second call for
     * the same channel replaces the callback.
     *
     * @param channel a non-blocking channel
     * @param callback what to run
     * @throws IllegalArgumentException "the socket must be non-blocking"
     * @asyncio loop.add_reader(fd, callback, *args)
     */
    default void addReader(SelectableChannel channel, Runnable callback) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Stops watching a channel for read availability.
     *
     * @param channel the channel
     * @return {@code true} if it was watched
     * @asyncio loop.remove_reader(fd)
     */
    default boolean removeReader(SelectableChannel channel) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Starts watching a channel for write availability (for a socket that is connecting: the end of the connect); as
     * {@link #addReader(SelectableChannel, Runnable)}.
     *
     * @param channel a non-blocking channel
     * @param callback what to run
     * @throws IllegalArgumentException "the socket must be non-blocking"
     * @asyncio loop.add_writer(fd, callback, *args)
     */
    default void addWriter(SelectableChannel channel, Runnable callback) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Stops watching a channel for write availability.
     *
     * @param channel the channel
     * @return {@code true} if it was watched
     * @asyncio loop.remove_writer(fd)
     */
    default boolean removeWriter(SelectableChannel channel) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Starts watching a file descriptor number (a socket, a pipe, an eventfd) for read availability, level-triggered:
     * the callback runs on the loop once per iteration while the descriptor stays readable (or has hung up or failed).
     * The loop does not read, make non-blocking, or close the descriptor.
     *
     * @param fd the descriptor
     * @param callback what to run
     * @throws UnsupportedOperationException on NIO and io_uring: only epoll loops watch descriptor numbers
     * @asyncio loop.add_reader(fd, callback, *args)
     */
    default void addReader(int fd, Runnable callback) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Stops watching a descriptor number for read availability.
     *
     * @param fd the descriptor
     * @return {@code true} if it was watched
     * @asyncio loop.remove_reader(fd)
     */
    default boolean removeReader(int fd) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Starts watching a file descriptor number for write availability; as {@link #addReader(int, Runnable)}.
     *
     * @param fd the descriptor
     * @param callback what to run
     * @throws UnsupportedOperationException on NIO and io_uring: only epoll loops watch descriptor numbers
     * @asyncio loop.add_writer(fd, callback, *args)
     */
    default void addWriter(int fd, Runnable callback) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Stops watching a descriptor number for write availability.
     *
     * @param fd the descriptor
     * @return {@code true} if it was watched
     * @asyncio loop.remove_writer(fd)
     */
    default boolean removeWriter(int fd) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    // ---------------------------------------------------------------- sockets

    /**
     * Receives up to {@code nbytes} bytes from a socket: what one read returns, once there is something to read.
     *
     * @param sock a connected, non-blocking socket
     * @param nbytes the most to receive
     * @param <C> the channel type
     * @return a future of the bytes; empty when the peer has closed its side
     * @throws IllegalArgumentException "the socket must be non-blocking"
     * @asyncio await loop.sock_recv(sock, nbytes)
     */
    default <C extends SelectableChannel & ByteChannel> Future<byte[]> sockRecv(C sock, int nbytes) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Receives bytes from a socket into a buffer, from its position up to its limit; the position advances past them.
     *
     * @param sock a connected, non-blocking socket
     * @param buf the buffer
     * @param <C> the channel type
     * @return a future of how many bytes were received; 0 when the peer has closed its side
     * @throws IllegalArgumentException "the socket must be non-blocking"
     * @asyncio await loop.sock_recv_into(sock, buf)
     */
    default <C extends SelectableChannel & ByteChannel> Future<Integer> sockRecvInto(C sock, ByteBuffer buf) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Receives a datagram of up to {@code bufsize} bytes (a longer one is cut) and its sender.
     *
     * @param sock a non-blocking datagram socket
     * @param bufsize the most to receive
     * @return a future of the datagram and its sender
     * @throws IllegalArgumentException "the socket must be non-blocking"
     * @asyncio await loop.sock_recvfrom(sock, bufsize)
     */
    default Future<Recvfrom> sockRecvfrom(DatagramChannel sock, int bufsize) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Receives a datagram into a buffer, at its position, up to {@code nbytes} bytes (0: up to its limit); the position
     * advances past them.
     *
     * @param sock a non-blocking datagram socket
     * @param buf the buffer
     * @param nbytes the most to receive, or 0 for the buffer's remaining space
     * @return a future of the size received and the sender
     * @throws IllegalArgumentException "the socket must be non-blocking", "nbytes is greater than the length of the
     *     buffer"
     * @asyncio await loop.sock_recvfrom_into(sock, buf, nbytes=0)
     */
    default Future<RecvfromInto> sockRecvfromInto(DatagramChannel sock, ByteBuffer buf, int nbytes) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Sends all of a buffer's remaining bytes to a socket, waiting for room as often as needed. The buffer's position
     * is left as it is; the buffer must not change until the future is done.
     *
     * @param sock a connected, non-blocking socket
     * @param data the bytes
     * @param <C> the channel type
     * @return a future completed once every byte was handed to the socket; it fails with the socket's error (nothing
     *     says how much was sent then)
     * @throws IllegalArgumentException "the socket must be non-blocking"
     * @asyncio await loop.sock_sendall(sock, data)
     */
    default <C extends SelectableChannel & ByteChannel> Future<Void> sockSendall(C sock, ByteBuffer data) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Sends all of an array to a socket; as {@link #sockSendall(SelectableChannel, ByteBuffer)}.
     *
     * @param sock a connected, non-blocking socket
     * @param data the bytes, not to change until the future is done
     * @param <C> the channel type
     * @return a future completed once every byte was handed to the socket
     * @throws IllegalArgumentException "the socket must be non-blocking"
     * @asyncio await loop.sock_sendall(sock, data)
     */
    default <C extends SelectableChannel & ByteChannel> Future<Void> sockSendall(C sock, byte[] data) {
        return sockSendall(sock, ByteBuffer.wrap(data));
    }

    /**
     * Sends a datagram to an address, waiting for room in the socket's buffer if there is none.
     *
     * @param sock a non-blocking datagram socket
     * @param data the datagram: the buffer's remaining bytes (its position is left as it is)
     * @param address where to
     * @return a future of the number of bytes sent
     * @throws IllegalArgumentException "the socket must be non-blocking"
     * @asyncio await loop.sock_sendto(sock, data, address)
     */
    default Future<Integer> sockSendto(DatagramChannel sock, ByteBuffer data, SocketAddress address) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Connects a socket to a remote address. An unresolved {@link InetSocketAddress} is resolved first, in the default
     * executor, as asyncio does.
     *
     * @param sock a non-blocking socket, not connected
     * @param address where to
     * @return a future completed once connected; it fails with {@link ConnectionRefusedError} or another
     *     {@link OSError}, or {@link GaiError} for a name that does not resolve
     * @throws IllegalArgumentException "the socket must be non-blocking"
     * @asyncio await loop.sock_connect(sock, address)
     */
    default Future<Void> sockConnect(SocketChannel sock, SocketAddress address) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Accepts a connection on a listening socket; the new socket is non-blocking.
     *
     * @param sock a bound, non-blocking server socket
     * @return a future of the connection; its {@link SocketChannel#getRemoteAddress()} is the peer's address
     * @throws IllegalArgumentException "the socket must be non-blocking"
     * @asyncio await loop.sock_accept(sock)
     *     Differences: the result is the connection alone, not (conn, address).
     */
    default Future<SocketChannel> sockAccept(ServerSocketChannel sock) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Sends a file to a socket with the JDK's zero-copy transfer ({@link FileChannel#transferTo}, {@code sendfile(2)}
     * on Linux), waiting for room as often as needed. When done (or failed), the file's position is
     * {@code offset} plus the bytes sent, as asyncio leaves it.
     *
     * @param sock a connected, non-blocking stream socket
     * @param file the file
     * @param offset where to start reading, 0 or more
     * @param count how many bytes at most (up to the end of the file), or {@code null} for all to the end
     * @param fallback asyncio's switch to read and send when {@code sendfile} is unavailable; the JDK's transfer falls
     *     back by itself, so it changes nothing here
     * @return a future of the number of bytes sent
     * @throws IllegalArgumentException "the socket must be non-blocking", "offset must be a non-negative integer (got
     *     -1)", "count must be a positive integer (got 0)"
     * @asyncio await loop.sock_sendfile(sock, file, offset=0, count=None, *, fallback=True)
     */
    default Future<Long> sockSendfile(SocketChannel sock, FileChannel file, long offset, Long count,
            boolean fallback) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Sends a whole file to a socket; as {@link #sockSendfile(SocketChannel, FileChannel, long, Long, boolean)} from
     * offset 0.
     *
     * @param sock a connected, non-blocking stream socket
     * @param file the file
     * @return a future of the number of bytes sent
     * @asyncio await loop.sock_sendfile(sock, file)
     */
    default Future<Long> sockSendfile(SocketChannel sock, FileChannel file) {
        return sockSendfile(sock, file, 0, null, true);
    }

    /**
     * Wraps a connection accepted elsewhere (by another library, a {@link #sockAccept}, or a blocking accept) into a
     * transport and protocol pair, as a server would for its own connections: with TLS when the options give a
     * context, on the server side of the handshake.
     *
     * @param protocolFactory makes the protocol
     * @param sock the connection: a connected {@link SocketChannel} (TCP or Unix domain) or a descriptor number; see
     *     {@link Sock} for which backend takes which
     * @param options {@code ssl}, {@code sslHandshakeTimeout} and {@code sslShutdownTimeout} apply, the rest are
     *     ignored
     * @param <P> the protocol type
     * @return a future of the transport and protocol, once {@code connectionMade} has run (with TLS, once the
     *     handshake is done)
     * @throws IllegalArgumentException "A Stream Socket was expected, got ...", a socket that is not connected, or a
     *     kind of sock this backend cannot adopt
     * @asyncio await loop.connect_accepted_socket(protocol_factory, sock, *, ssl=None, ssl_handshake_timeout=None,
     *     ssl_shutdown_timeout=None)
     */
    default <P extends BaseProtocol> Future<Connection<P>> connectAcceptedSocket(Supplier<P> protocolFactory, Sock sock,
            ConnectionOptions options) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Wraps a connection accepted elsewhere, without TLS; as
     * {@link #connectAcceptedSocket(Supplier, Sock, ConnectionOptions)}.
     *
     * @param protocolFactory makes the protocol
     * @param sock the connected channel
     * @param <P> the protocol type
     * @return a future of the transport and protocol, once {@code connectionMade} has run
     * @asyncio await loop.connect_accepted_socket(protocol_factory, sock)
     */
    default <P extends BaseProtocol> Future<Connection<P>> connectAcceptedSocket(Supplier<P> protocolFactory,
            SocketChannel sock) {
        return connectAcceptedSocket(protocolFactory, Sock.of(sock), ConnectionOptions.defaults());
    }

    // ---------------------------------------------------------------- resolver

    /**
     * Resolves a host and port into the addresses to connect or bind to, in the default executor (with the JDK's
     * resolver, {@link java.net.InetAddress#getAllByName}), as asyncio runs {@code socket.getaddrinfo} there. One
     * answer per address and socket type: with {@code type} 0 each address comes as a stream and a datagram answer, as
     * Linux's {@code getaddrinfo} gives them.
     *
     * @param host a name or literal address; {@code null} for the loopback address, or with {@link AddrInfo#AI_PASSIVE}
     *     the wildcard address
     * @param port the port (service names are not supported)
     * @param family {@link AddrInfo#AF_UNSPEC}, {@link AddrInfo#AF_INET} or {@link AddrInfo#AF_INET6}
     * @param type 0, {@link AddrInfo#SOCK_STREAM} or {@link AddrInfo#SOCK_DGRAM}
     * @param proto 0, {@link AddrInfo#IPPROTO_TCP} or {@link AddrInfo#IPPROTO_UDP}
     * @param flags {@link AddrInfo#AI_PASSIVE}, {@link AddrInfo#AI_CANONNAME}, {@link AddrInfo#AI_NUMERICHOST} act;
     *     {@link AddrInfo#AI_ADDRCONFIG} and {@link AddrInfo#AI_NUMERICSERV} are accepted
     * @return a future of the answers, never empty; it fails with {@link GaiError} ({@code [Errno -2] Name or service
     *     not known}) when the host does not resolve or has no address of the family
     * @asyncio await loop.getaddrinfo(host, port, *, family=0, type=0, proto=0, flags=0)
     */
    default Future<List<AddrInfo>> getaddrinfo(String host, int port, int family, int type, int proto, int flags) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }

    /**
     * Resolves a host and port with no family, type, protocol or flags; as
     * {@link #getaddrinfo(String, int, int, int, int, int)}.
     *
     * @param host a name or literal address
     * @param port the port
     * @return a future of the answers
     * @asyncio await loop.getaddrinfo(host, port)
     */
    default Future<List<AddrInfo>> getaddrinfo(String host, int port) {
        return getaddrinfo(host, port, AddrInfo.AF_UNSPEC, 0, 0, 0);
    }

    /**
     * Turns an address into a host name and a port, in the default executor (a reverse lookup with the JDK's
     * resolver), as asyncio runs {@code socket.getnameinfo} there.
     *
     * @param sockaddr the address; an unresolved one is looked up first
     * @param flags {@link NameInfo#NI_NUMERICHOST}, {@link NameInfo#NI_NAMEREQD}, {@link NameInfo#NI_NOFQDN} act;
     *     {@link NameInfo#NI_NUMERICSERV} and {@link NameInfo#NI_DGRAM} are accepted
     * @return a future of the name and port; it fails with {@link GaiError} when {@link NameInfo#NI_NAMEREQD} is given
     *     and the address has no name
     * @asyncio await loop.getnameinfo(sockaddr, flags=0)
     */
    default Future<NameInfo> getnameinfo(InetSocketAddress sockaddr, int flags) {
        throw new UnsupportedOperationException("this loop has no socket API");
    }
}
