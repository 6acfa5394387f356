/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.jasyncio.Protocol;
import java.nio.ByteBuffer;

/**
 * The protocol of one pipe of a child process: forwards its data, its end and the stdin flow control to the
 * {@link ChildProcessTransport}. asyncio's {@code ReadSubprocessPipeProto} and {@code WriteSubprocessPipeProto}.
 */
final class SubprocessPipeProtocol implements Protocol {
    private final ChildProcessTransport proc;
    private final int fd;

    SubprocessPipeProtocol(ChildProcessTransport proc, int fd) {
        this.proc = proc;
        this.fd = fd;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        proc.pipeDataReceived(fd, data);
    }

    @Override
    public void connectionLost(Throwable exc) {
        proc.pipeConnectionLost(fd, exc);
    }

    @Override
    public void pauseWriting() {
        proc.protocol().pauseWriting();
    }

    @Override
    public void resumeWriting() {
        proc.protocol().resumeWriting();
    }

    @Override
    public String toString() {
        return "<SubprocessPipeProtocol fd=" + fd + ">";
    }
}
