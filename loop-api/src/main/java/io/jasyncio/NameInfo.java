/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * The answer of {@link SocketLoop#getnameinfo}: a host and a port, as names or as numbers.
 *
 * @param host the host's name, or its address in text with {@link #NI_NUMERICHOST} or when it has no name
 * @param port the port in decimal (service names are not looked up)
 * @asyncio the (host, port) tuple of loop.getnameinfo()
 */
public record NameInfo(String host, String port) {
    /** The host as a literal address: nothing is looked up. */
    public static final int NI_NUMERICHOST = 0x1;
    /** The port as a number (always so here). */
    public static final int NI_NUMERICSERV = 0x2;
    /** Only the host part of a local name (the part before the first dot). */
    public static final int NI_NOFQDN = 0x4;
    /** A host with no name is an error ({@link GaiError} EAI_NONAME), not its address. */
    public static final int NI_NAMEREQD = 0x8;
    /** The service is a datagram one (accepted; ports are numbers either way). */
    public static final int NI_DGRAM = 0x10;
}
