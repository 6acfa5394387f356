/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Datagram endpoints over Netty datagram channels: not API. asyncio's {@code create_datagram_endpoint} and
 * {@code _SelectorDatagramTransport}: received packets become {@code datagramReceived(data, addr)}, send and receive
 * errors {@code errorReceived}. Loop thread only.
 *
 * <ul>
 * <li>{@code DatagramArgs} checks the arguments with asyncio's words before anything is opened; {@code DatagramChannels}
 *     makes the backend's channel; {@code DatagramEndpoints} sets the options, binds, connects or registers;
 *     {@code UdpTransport} is the transport.</li>
 * <li>Write buffer: a datagram the socket takes at once is never counted (Netty writes it inside {@code sendto});
 *     one the socket refuses with EAGAIN waits in Netty's outbound buffer and counts its size plus asyncio's 8-byte
 *     header until Netty writes or drops it. Over the high-water mark the protocol's {@code pauseWriting} is called,
 *     at the low mark {@code resumeWriting}. UDP over loopback rarely blocks (the kernel drops at the receiver
 *     instead); a Unix datagram socket blocks once its peer's queue is full; io_uring may complete a send after
 *     {@code sendto} returns, so its buffer can be non-zero for a moment after a send.</li>
 * <li>{@code close()} stops receiving at once and closes the socket when the buffer has drained; {@code abort()}
 *     closes it now and its buffer size is 0 when it returns.</li>
 * <li>Unix datagram sockets: Netty has them on epoll and kqueue only ({@code EpollDomainDatagramChannel},
 *     {@code KQueueDomainDatagramChannel}); NIO (the JDK's {@code DatagramChannel} is INET/INET6 only) and io_uring
 *     refuse them. Addresses are the JDK's {@code UnixDomainSocketAddress}; an unnamed sender is {@code null}. A stale
 *     socket file at the local path is removed before the bind, as asyncio does; any other file makes the bind
 *     fail.</li>
 * <li>{@code sock}: NIO adopts a JDK {@code DatagramChannel} ({@code NioDatagramChannel(DatagramChannel)}); the
 *     native backends adopt a descriptor ({@code EpollDatagramChannel(int)}, {@code IoUringDatagramChannel(int)},
 *     {@code KQueueDatagramChannel(int)}) and cannot take a JDK channel, whose descriptor the JDK does not expose.
 *     The adopted socket must be an internet datagram socket, bound: the native channels take it as active and do not
 *     check its type (asyncio's "A datagram socket was expected" cannot be told from a descriptor). The endpoint
 *     owns it and closes it.</li>
 * <li>{@code allowBroadcast} with a remote address does not connect, as asyncio does not: the remote address is the
 *     default and only destination of {@code sendto}, and {@code peername} is {@code null}.</li>
 * </ul>
 */
package io.jasyncio.transport.internal.udp;
