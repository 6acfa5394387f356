/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * asyncio's protocols and transports over Netty channels, and the choice of I/O backend.
 *
 * <h2>Purpose</h2>
 * {@link io.jasyncio.transport.TransportKind} names the backends (native epoll, io_uring and kqueue, NIO);
 * {@link io.jasyncio.transport.Transports} picks one: the one asked for, else the platform's native transport where its
 * library loads (epoll on Linux, kqueue on macOS), else NIO, logging the choice once, with the native transport's
 * unavailability cause. The default is a pure function of the platform, so that a test can fake the platform.
 * io_uring is used only when asked for; its ring is created
 * without {@code IORING_SETUP_SINGLE_ISSUER}, because a loop runs on whichever thread calls {@code runForever()}.
 *
 * <h2>System properties</h2>
 * {@code jasyncio.transport=epoll|io_uring|nio}: the backend of new loops.
 */
package io.jasyncio.transport;
