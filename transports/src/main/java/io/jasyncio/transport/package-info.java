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
 * {@link io.jasyncio.transport.TransportKind} names the backends (native epoll, NIO);
 * {@link io.jasyncio.transport.Transports} picks one: the one asked for, else epoll where available, else NIO, logging
 * the choice once, keeping epoll's unavailability cause.
 *
 * <h2>System properties</h2>
 * {@code io.jasyncio.transport=epoll|nio}: the backend of new loops.
 */
package io.jasyncio.transport;
