/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * What {@link SubprocessLoop#subprocessExec} and {@link SubprocessLoop#subprocessShell} give: the transport and the
 * protocol of a child process.
 *
 * @param transport the child's transport
 * @param protocol the protocol made by the factory
 * @param <P> the protocol type
 * @asyncio the (transport, protocol) pair of loop.subprocess_exec
 */
public record SubprocessConnection<P extends SubprocessProtocol>(SubprocessTransport transport, P protocol) {
}
