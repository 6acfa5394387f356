/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * UDP endpoints over Netty datagram channels: not API. asyncio's {@code _SelectorDatagramTransport}: received packets
 * become {@code datagramReceived(data, addr)}, send and receive errors {@code errorReceived}. Loop thread only.
 */
package io.jasyncio.transport.internal.udp;
