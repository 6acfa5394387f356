/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Sockets and descriptors the loop did not make: asyncio's {@code sock_*} methods, {@code add_reader} and friends,
 * the {@code sock} argument of the server and connection methods, {@code connect_accepted_socket}, and the resolver's
 * {@code getaddrinfo} and {@code getnameinfo}. {@code NettyEventLoop} delegates {@link io.jasyncio.SocketLoop} to a
 * {@link io.jasyncio.transport.internal.sock.Sockets} per loop.
 *
 * <h2>asyncio mapping</h2>
 * <table>
 * <caption>asyncio → here</caption>
 * <tr><th>asyncio</th><th>jasyncio</th></tr>
 * <tr><td>{@code selector_events._add_reader} / {@code _remove_reader}</td><td>{@code ChannelWatcher}
 *     ({@code NioChannelWatcher} or {@code SelectorThreadWatcher}); {@code EpollFdWatcher} for an {@code int}</td></tr>
 * <tr><td>{@code sock_recv}, {@code sock_sendall}, ... ({@code _sock_recv}, {@code _sock_read_done})</td>
 *     <td>{@code SockOps}, one {@code SockOp} each</td></tr>
 * <tr><td>{@code create_server(sock=)}, {@code create_connection(sock=)}, {@code connect_accepted_socket}</td>
 *     <td>{@code Adoption}, then {@code tcp.ServerBinder} / {@code tcp.Connect} register the channel</td></tr>
 * <tr><td>{@code getaddrinfo}, {@code getnameinfo} in the default executor</td><td>{@code Resolver}</td></tr>
 * </table>
 *
 * <h2>Design: which backend watches what</h2>
 * <pre>
 *                    JDK SelectableChannel                  descriptor number (int)
 *   NIO       loop's own Selector (NioIoHandle)             refused: UnsupportedOperationException
 *   epoll     helper thread's JDK Selector -&gt; loop          loop's own epoll set (EpollIoHandle)
 *   io_uring  helper thread's JDK Selector -&gt; loop          refused: UnsupportedOperationException
 *
 *   sock=     JDK channel: NIO only (NioServerSocketChannel(ServerSocketChannel), NioDomainSocketChannel, ...)
 *             descriptor:  epoll only (EpollServerSocketChannel(int), EpollDomainSocketChannel(int, true), ...)
 * </pre>
 * The JDK does not give a channel's descriptor number without reaching into {@code sun.nio.ch}, which jasyncio does
 * not do. So a loop that polls native descriptors cannot put a JDK channel in its own epoll set or ring. Instead of
 * refusing the socket API there, {@code SelectorThreadWatcher} runs one daemon thread per loop that waits in a JDK
 * {@code Selector} and only signals readiness with {@code callSoonThreadsafe}: every read, write, accept and callback
 * still runs on the loop, and the loop itself never blocks on the helper. The thread exists only while something is
 * watched. The cost is one thread hop of latency per readiness event; NIO loops, which own a JDK selector, have none.
 * A descriptor number can be watched only where the loop polls descriptors directly: epoll (io_uring's Netty
 * registration submits ring operations, not readiness interest, and is not used here). Adopting a socket is the same
 * split: Netty's NIO channels wrap a JDK channel, its epoll channels wrap a number; io_uring's channels take neither.
 *
 * <h2>Threading model</h2>
 * Everything is for the loop's thread, except {@code Resolver} (any thread; the futures complete on the loop) and the
 * helper thread of {@code SelectorThreadWatcher}, which touches only selection keys and {@code Watch.pending}.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>Callbacks run as loop handles ({@code callSoon}), in the iteration whose poll found the channel ready, so a
 *     level-triggered channel wakes each callback at most once per iteration, and a callback removed before its
 *     turn does not run.</li>
 * <li>A {@code SockOp} is its own watcher callback and removes only itself when its future ends: a newer operation on
 *     the same socket that replaced it keeps its watch (asyncio's {@code handle.cancelled()} check).</li>
 * <li>On the helper thread, ops that fired stay disarmed until the loop has run their callbacks (an {@code ack}).</li>
 * <li>Nothing here closes a socket or descriptor it was given to watch; adopted sockets ({@code sock=}) belong to
 *     their transport or server, which close them.</li>
 * </ul>
 *
 * <h2>Behaviour at the time of writing</h2>
 * <ul>
 * <li>Channels must be non-blocking: "the socket must be non-blocking" ({@code IllegalArgumentException}), always,
 *     where asyncio checks in debug mode only.</li>
 * <li>{@code sock_sendfile} uses {@code FileChannel.transferTo}, which is {@code sendfile(2)} on Linux; the
 *     {@code fallback} flag changes nothing.</li>
 * <li>{@code getaddrinfo} uses the JDK resolver; ports are numbers (no service names); {@code AI_PASSIVE},
 *     {@code AI_CANONNAME} and {@code AI_NUMERICHOST} act, {@code AI_ADDRCONFIG} and {@code AI_NUMERICSERV} are
 *     accepted. {@code getnameinfo}: {@code NI_NUMERICHOST}, {@code NI_NAMEREQD} and {@code NI_NOFQDN} act.</li>
 * <li>An adopted listening socket keeps its backlog and options; an adopted Unix server does not remove its socket
 *     file on close. An adopted descriptor is made non-blocking ({@code NonBlocking}: {@code fcntl(2)} through the
 *     JDK's foreign function API, looked up reflectively; where that is unavailable, left as it is, with a
 *     warning).</li>
 * <li>An adopted listening socket may have clients waiting in its backlog already (systemd queues the connection
 *     that started the service). It is registered with auto-read off and starts accepting from a task queued after
 *     the one that installs Netty's acceptor, so no waiting client reaches a pipeline without it (where Netty would
 *     drop it, accepted but never served). {@code SystemdActivationTest} runs {@code systemd-socket-activate}
 *     end to end.</li>
 * </ul>
 *
 * <h2>Hot-path rules</h2>
 * Readiness dispatch allocates only the loop's {@code Handle} (the tasks are preallocated per watch); each
 * {@code sock_*} call allocates its operation and future, as asyncio allocates its handle and future.
 *
 * <h2>System properties</h2>
 * None.
 */
package io.jasyncio.transport.internal.sock;
