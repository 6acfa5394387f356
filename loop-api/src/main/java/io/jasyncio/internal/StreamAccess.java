/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.StreamReaderProtocol;
import java.util.function.BiConsumer;

/**
 * What a transport may do to a {@link StreamReaderProtocol} that the public API does not offer: hand it received
 * bytes in place ({@link ReceivedBytes}), which its reader copies straight from the transport's buffer, instead of a
 * {@code ByteBuffer} view made for each read. {@code StreamReaderProtocol} hands its implementation over when its
 * class is initialized, before any instance exists (the JDK's {@code SharedSecrets} pattern).
 */
public final class StreamAccess {
    // Threading: written once, by StreamReaderProtocol's static initializer.
    private static BiConsumer<StreamReaderProtocol, ReceivedBytes> feed;

    private StreamAccess() {
    }

    /**
     * Called once by {@code StreamReaderProtocol}'s static initializer.
     *
     * @param action what {@link #dataReceived} does
     */
    public static void set(BiConsumer<StreamReaderProtocol, ReceivedBytes> action) {
        if (feed != null) {
            throw new IllegalStateException("already set");
        }
        feed = action;
    }

    /**
     * The protocol's {@code dataReceived}, with the bytes read in place.
     *
     * @param protocol the protocol
     * @param data the bytes, valid during the call only
     */
    public static void dataReceived(StreamReaderProtocol protocol, ReceivedBytes data) {
        feed.accept(protocol, data);
    }
}
