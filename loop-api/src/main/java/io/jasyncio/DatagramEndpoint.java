/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * What {@link EventLoop#createDatagramEndpoint} gives: the transport and the protocol.
 *
 * @param transport the transport
 * @param protocol the protocol
 * @param <P> the protocol type
 * @asyncio the (transport, protocol) tuple of loop.create_datagram_endpoint
 */
public record DatagramEndpoint<P extends DatagramProtocol>(DatagramTransport transport, P protocol) {
}
