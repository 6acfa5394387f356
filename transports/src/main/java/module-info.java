/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * jasyncio's transports over Netty channels: TCP, TLS, Unix sockets and UDP, on epoll, io_uring or NIO. Only the
 * choice of backend ({@code io.jasyncio.transport}) is public; the transports themselves are reached through
 * {@code EventLoop}'s methods and are exported only to the loop module.
 */
@SuppressWarnings("module") // the qualified exports name modules built after this one
module io.jasyncio.transport {
    requires transitive io.jasyncio;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport.unix.common;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.classes.io_uring;
    requires io.netty.transport.classes.kqueue;
    requires org.slf4j;

    exports io.jasyncio.transport;
    exports io.jasyncio.transport.internal to io.jasyncio.netty;
    exports io.jasyncio.transport.internal.tcp to io.jasyncio.netty;
    // Netty's reflective channel factory makes the NIO channels that ImmediateSend writes to (SendingNioSocketChannel)
    opens io.jasyncio.transport.internal.tcp to io.netty.transport;
    exports io.jasyncio.transport.internal.udp to io.jasyncio.netty;
    exports io.jasyncio.transport.internal.sock to io.jasyncio.netty;
    exports io.jasyncio.transport.internal.subprocess to io.jasyncio.netty;
}
