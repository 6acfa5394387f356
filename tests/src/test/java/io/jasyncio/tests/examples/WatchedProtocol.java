/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import io.jasyncio.BaseProtocol;
import io.jasyncio.BufferedProtocol;
import io.jasyncio.Protocol;
import io.jasyncio.Transport;
import java.nio.ByteBuffer;

/**
 * Forwards every callback to an example server's protocol, keeping the server's transport for the test to read (its
 * write buffer, while a client does not read). {@link Plain} wraps a {@link Protocol}, {@link Buffered} a
 * {@link BufferedProtocol}.
 */
abstract class WatchedProtocol implements BaseProtocol {
    final BaseProtocol inner;
    Transport transport;

    WatchedProtocol(BaseProtocol inner) {
        this.inner = inner;
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        inner.connectionMade(t);
    }

    @Override
    public void connectionLost(Throwable exc) {
        inner.connectionLost(exc);
    }

    @Override
    public void pauseWriting() {
        inner.pauseWriting();
    }

    @Override
    public void resumeWriting() {
        inner.resumeWriting();
    }

    /** For a Protocol. */
    static final class Plain extends WatchedProtocol implements Protocol {
        Plain(Protocol inner) {
            super(inner);
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            ((Protocol) inner).dataReceived(data);
        }
    }

    /** For a BufferedProtocol. */
    static final class Buffered extends WatchedProtocol implements BufferedProtocol {
        Buffered(BufferedProtocol inner) {
            super(inner);
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            return ((BufferedProtocol) inner).getBuffer(sizeHint);
        }

        @Override
        public void bufferUpdated(int nbytes) {
            ((BufferedProtocol) inner).bufferUpdated(nbytes);
        }
    }
}
