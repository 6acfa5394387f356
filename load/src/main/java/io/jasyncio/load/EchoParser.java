/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.nio.ByteBuffer;

/**
 * Echo responses: every {@code size} bytes back make one. The bytes are counted, not compared (comparing would put
 * the client's cost into the measurement).
 */
public final class EchoParser implements ResponseParser {
    private final int size;
    // Threading: the connection's loop only.
    private long partial;

    /**
     * Makes one.
     *
     * @param size the bytes of one message
     */
    public EchoParser(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an echo message has 1 byte or more, not " + size);
        }
        this.size = size;
    }

    @Override
    public int feed(ByteBuffer data) {
        partial += data.remaining();
        data.position(data.limit());
        int done = (int) (partial / size);
        partial -= (long) done * size;
        return done;
    }

    @Override
    public long failures() {
        return 0;
    }
}
