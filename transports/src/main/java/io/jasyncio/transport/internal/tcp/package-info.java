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
 *     after the call</td></tr>
 * <tr><td>{@code eof_received}</td><td>{@code ChannelInputShutdownEvent} (ALLOW_HALF_CLOSURE on)</td></tr>
 * <tr><td>{@code connection_lost}</td><td>{@code channelInactive}, once</td></tr>
 * <tr><td>{@code pause_writing}/{@code resume_writing}</td><td>the outbound buffer's byte count after each write /
 *     {@code channelWritabilityChanged} with Netty's water marks set to ours</td></tr>
 * <tr><td>{@code pause_reading}</td><td>autoRead off, and reads already in flight held back until resume</td></tr>
 * </table>
 *
 * <h2>TLS</h2>
 * With an {@code SSLContext}, a netty-handler {@code SslHandler} sits before the transport; {@code connectionMade}
 * waits for its handshake, a failed handshake calls neither {@code connectionMade} nor {@code connectionLost} (as
 * asyncio's SSL transport), and TLS errors, like other I/O errors, close the transport without an exception-handler
 * report. The client checks the server's name against its certificate (endpoint identification "HTTPS").
 *
 * <h2>Threading model</h2>
 * Loop thread only: channels register with the loop's Netty event loop, whose thread is the loop's.
 *
 * <h2>Behaviour at the time of writing</h2>
 * A {@code write} made while Netty delivers a read is flushed once, when the read loop ends (channelReadComplete);
 * any other {@code write} flushes at once. A server's connections run on the server's loop; spreading
 * them over a {@code LoopGroup} is not done yet (the child group of the ServerBootstrap is where it would go).
 */
package io.jasyncio.transport.internal.tcp;
