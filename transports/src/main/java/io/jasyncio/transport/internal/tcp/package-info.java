/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * TCP transports and servers over Netty channels: not API.
 *
 * <h2>Purpose</h2>
 * asyncio's {@code selector_events._SelectorSocketTransport} and {@code base_events.Server}, where the selector is
 * Netty's channel machinery on the loop's own Netty event loop.
 *
 * <h2>asyncio mapping</h2>
 * <table>
 * <caption>asyncio and Netty</caption>
 * <tr><th>asyncio</th><th>here</th></tr>
 * <tr><td>{@code connection_made}</td><td>{@code channelActive}</td></tr>
 * <tr><td>{@code data_received}</td><td>{@code channelRead}: a read-only view of the received ByteBuf, released
 *     after the call; a Streams connection ({@code StreamReaderProtocol}) gets no view: its reader copies the bytes
 *     straight from the ByteBuf ({@code ReceivedByteBuf}, one per transport, through
 *     {@code io.jasyncio.internal.StreamAccess})</td></tr>
 * <tr><td>{@code get_buffer}/{@code buffer_updated}</td><td>{@code ReadInto}, a {@code RecvByteBufAllocator}: Netty's
 *     read loop reads into a ByteBuf that wraps the protocol's buffer, no copy (epoll, kqueue: a direct buffer; NIO:
 *     any). One copy is left where Netty cannot: a heap buffer on epoll and kqueue (their native read needs an
 *     address), io_uring (reads are submitted before data comes, into its own buffers), TLS (the socket holds
 *     ciphertext), bytes Netty read while reading was paused, and a BufferedProtocol set with
 *     {@code set_protocol} on a connection that became active with a Protocol (its reads keep Netty's
 *     allocator)</td></tr>
 * <tr><td>{@code get_write_buffer_size} after {@code abort}</td><td>0 as soon as abort returns, as asyncio's
 *     {@code _force_close} clears the buffer</td></tr>
 * <tr><td>{@code eof_received}</td><td>{@code ChannelInputShutdownEvent} (ALLOW_HALF_CLOSURE on)</td></tr>
 * <tr><td>{@code connection_lost}</td><td>{@code channelInactive}, once</td></tr>
 * <tr><td>{@code pause_writing}/{@code resume_writing}</td><td>our byte count after each write /
 *     {@code channelWritabilityChanged} with Netty's water marks set from ours, or an empty marker message whose
 *     completion says the buffer before it drained (when Netty's count never crossed its high mark)</td></tr>
 * <tr><td>{@code get_write_buffer_size}</td><td>Netty's pending count less its per-message overhead (measured once on
 *     an EmbeddedChannel) and the part of the first message already sent, plus the writes made while the loop was
 *     stopped: O(1), exact to the byte</td></tr>
 * <tr><td>{@code pause_reading}</td><td>autoRead off, and reads already in flight held back until resume (data,
 *     EOF, the end of the connection, in order)</td></tr>
 * <tr><td>{@code close}/{@code abort}</td><td>reads stop at once; an empty write with {@code CLOSE} flushes then
 *     closes / {@code channel.close()} drops the buffer; what fails after either is not reported</td></tr>
 * <tr><td>{@code create_server(..., start_serving=False)}</td><td>the server channel bound with autoRead off;
 *     {@code start_serving()} turns it on</td></tr>
 * <tr><td>{@code _accept_connection} on EMFILE, ENFILE, ENOBUFS, ENOMEM</td><td>{@code AcceptErrors}, first in
 *     the listening socket's pipeline: autoRead off for {@code ACCEPT_RETRY_DELAY} (1 s), one report to the exception
 *     handler per episode; io_uring's multishot accept is off, as Netty re-arms it after an error even with autoRead
 *     off</td></tr>
 * </table>
 *
 * <h2>Classes</h2>
 * One job per class. {@code TcpTransport} is one connection (the channel's last handler), its life one
 * {@code TransportState} whose {@code on} method holds every transition (connecting, open, closing, aborting, the end
 * held back by pauseReading, never made, lost). It keeps the Netty events, the protocol's calls and the per-read and
 * per-write paths; each other concern of a connection is a class beside it, mostly static methods over the transport's
 * package-private fields, so that a connection holds no object more for them: {@code BufferedReads} (a
 * BufferedProtocol's {@code get_buffer}/{@code buffer_updated}, straight into its buffer through {@code ReadInto}, the
 * read allocator, or copied), {@code ReceivedByteBuf} (a Streams reader's reads from the ByteBuf), {@code HeldBack}
 * (what comes while reading is paused, delivered on resume), {@code FlowControl}, {@code OffLoopWrites},
 * {@code FileSender} and {@code TlsLayer} (below), {@code FailedFactory} (a protocol factory that threw, throwing again
 * rather than making a second protocol). A server is made in two parts: {@code ServerBinder} binds it (the options
 * become Netty's, one listening socket per address: a host, several hosts or a Unix path; TLS and the transport put on
 * each accepted connection; the spread of the connections over child loops, or with SO_REUSEPORT on Linux one listening
 * socket per child loop, the kernel spreading the connections), and hands the result to {@code TcpServer}, which owns
 * the listening sockets and the clients from then on (serving, {@code close}, {@code waitClosed}, {@code closeClients},
 * {@code abortClients}, {@code sockets}). Clients: {@code Connect} checks a connection's options and makes each attempt
 * (a channel connected to one address, with its TLS handler), and {@code Connector} chooses the address (resolved off
 * the loop, tried in turn or raced with happy eyeballs). Beside them, each with one concern: {@code FlowControl} (the
 * water marks, pause and resume writing), {@code OffLoopWrites} (writes made while the loop is stopped),
 * {@code SharedReads} (the read allocator the connections share), {@code ImmediateSend} (a write with nothing queued
 * sent at once: a direct buffer from the caller's memory, a heap one through the loop's scratch buffer, on epoll, NIO
 * and io_uring, whose accepted sockets Netty leaves blocking and {@code ServerBinder} makes non-blocking through
 * {@code ImmediateSend.accepted} (Netty has no call for it, nor a send with {@code MSG_DONTWAIT}: see the class);
 * {@code SendingNioSocketChannel} and {@code SendingNioServerSocketChannel} are Netty's NIO channels with the JDK
 * socket within its reach, for the loop's own sockets and for JDK channels adopted as {@code sock} alike),
 * {@code FileSender} ({@code sendfile}: zero-copy, or chunks under TLS), {@code TlsLayer} (a connection's TLS: its
 * context and handler, who waits for the handshake, {@code startTls} and its pending upgrade, the handshake's end),
 * {@code TlsHandlers} (the SslHandlers of servers, clients and {@code startTls}), {@code UnixSocketFile} (a Unix
 * server's socket file, removed on close only if it is still the one bound, as asyncio 3.13's {@code cleanup_socket};
 * Netty, which removes the path on close whatever is there and has no option against it, is kept from it without
 * reading its private state: see the class).
 *
 * <h2>TLS</h2>
 * With an {@code SSLContext}, a netty-handler {@code SslHandler} sits before the transport; {@code connectionMade}
 * waits for its handshake, a failed handshake calls neither {@code connectionMade} nor {@code connectionLost} (as
 * asyncio's SSL transport), and TLS errors, like other I/O errors, close the transport without an exception-handler
 * report. The client checks the server's name against its certificate (endpoint identification "HTTPS").
 *
 * <h2>Threading model</h2>
 * Loop thread only: channels register with the loop's Netty event loop, whose thread is the loop's. One exception
 * is allowed, as asyncio allows it: calling the transport from the loop's own thread between two runs of the loop
 * ({@code run_until_complete(create_connection(...))}, then {@code transport.write(...)}). Netty is not "in its event
 * loop" then, so a write is queued (in an MPSC queue, counted exactly) and one task writes the queue at the next run,
 * before anything written during that run; close, write_eof and abort go through Netty's own task queue, behind it.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>{@code connectionLost} is called once, never inside {@code close()}, {@code abort()} or {@code write()}: from
 *     {@code channelInactive}, or with {@code callSoon} when the end waited for {@code resumeReading}.</li>
 * <li>Nothing reaches the protocol after {@code close()} but {@code connectionLost}; nothing at all after it.</li>
 * <li>What a read allocates: for a Protocol, the view it is given, which with Netty's adaptive allocator is two
 *     objects (the slice of Netty's chunk that {@code nioBuffer()} makes, and the read-only view of it: no view of a
 *     pooled chunk can be re-pointed, and one whose position did not start at 0 would break {@code data.get(0)});
 *     for a Streams connection, nothing but the array its waiting read returns (or, when no read waits for them, the
 *     reader's buffer). The view is read-only, and valid during {@code dataReceived} only: its memory goes back to
 *     Netty's pool when the call returns, so a reference kept past it reads what later reads put there. The echo of
 *     that view within the call ({@code write(data)}) sends a retained slice of the ByteBuf, not a copy. The
 *     listeners and tasks are made once, when first needed.</li>
 * <li>An idle plain connection holds its channel (Netty's, with one read allocator, {@code SharedReads}, shared by all
 *     the connections that keep Netty's default, whose read handle is one object of 32 bytes where Netty's is three
 *     of 112), its {@code TcpTransport} (which is the channel's only handler, and its server's list node: a server
 *     links its clients through their transports, see {@code Clients}), and nothing else of ours: the parts some
 *     connections never use are shared while empty or made by their first use ({@code OffLoopWrites.NONE} until a
 *     write off the loop's thread, {@code TlsLayer.PLAIN} until TLS, {@code FlowControl} until the limits change or
 *     a write goes over the default high mark, the held-back queue until reading is paused with data in flight,
 *     {@code ReadInto} only for a BufferedProtocol, Netty's water marks shared while they are the defaults).
 *     {@code benchmarks/run-memory-benchmarks.sh} measures the whole per connection.</li>
 * </ul>
 *
 * <h2>Behaviour at the time of writing</h2>
 * A {@code write} made while Netty delivers a read is flushed once, when the read loop ends (channelReadComplete);
 * any other {@code write} flushes at once, and on epoll, from a direct buffer with nothing queued, goes to the socket
 * before anything is copied. A server's connections run on the server's loop, or, made with a list of
 * child loops ({@code LoopGroup.createServer}), are registered round robin with those loops' Netty event loops, with
 * the options and handlers (TLS included) they would get on the server's loop, from every socket of the server: each
 * {@code TcpTransport} belongs to the loop whose Netty loop its channel is registered with, and the server hears of
 * their end through its own loop's {@code callSoonThreadsafe}. An accepted connection's protocol is made when the
 * connection becomes active, on the loop that serves it, so a factory sees that loop as the running one; a factory
 * that throws is reported to that loop's exception handler ("Error on transport creation for incoming
 * connection", which asyncio reports in debug mode only) and the connection is closed. A client's host name is
 * resolved in the loop's default executor, as asyncio's {@code getaddrinfo}; a literal address is not resolved. A
 * server given several hosts binds one socket per host.
 */
package io.jasyncio.transport.internal.tcp;
