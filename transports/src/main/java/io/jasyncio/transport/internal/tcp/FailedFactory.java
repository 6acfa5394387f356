/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.BaseProtocol;
import java.util.function.Supplier;

/**
 * A protocol factory that failed, in place of a {@link TcpTransport}'s factory: asked again, it throws the same
 * exception, so no second protocol is made (see {@link TcpTransport#ensureProtocol}).
 *
 * @param runtime what the factory threw, if it was a RuntimeException
 * @param error what the factory threw, if it was an Error
 */
record FailedFactory(RuntimeException runtime, Error error) implements Supplier<BaseProtocol> {
    /**
     * The factory that throws {@code t} again.
     *
     * @param t a RuntimeException or an Error
     */
    FailedFactory(Throwable t) {
        this(t instanceof RuntimeException e ? e : null, t instanceof Error e ? e : null);
    }

    @Override
    public BaseProtocol get() {
        if (error != null) {
            throw error;
        }
        throw runtime;
    }
}
