/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal;

import io.jasyncio.transport.TransportKind;

/** A loop whose I/O runs on one of Netty's transports; {@code Transports.of(loop)} asks it which. Not API. */
public interface TransportLoop {

    /**
     * The backend this loop runs on.
     *
     * @return the kind
     */
    TransportKind transportKind();
}
