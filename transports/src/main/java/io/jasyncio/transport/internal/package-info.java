/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * What the transports share, not API: the failure reports of protocol callbacks ({@code ProtocolFailures}); the
 * write buffer's marks as asyncio derives them, for every transport that has them ({@code WriteBufferLimits});
 * {@code TransportLoop}, which a loop on Netty's transports implements so that {@code Transports.of(loop)} can tell
 * its backend; and the one place where what the JDK and Netty throw becomes asyncio's {@code OSError} family
 * ({@code OsErrors}: every connect, bind, read, write, drain, TLS handshake and sendfile fails through it, the
 * original kept as the cause). The transports themselves live in the {@code tcp} (TCP, Unix sockets, TLS) and
 * {@code udp} sub-packages.
 */
package io.jasyncio.transport.internal;
