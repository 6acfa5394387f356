/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.nio.ByteBuffer;

/**
 * Counts the responses in a connection's byte stream, incrementally: the bytes may come split anywhere, and a chunk
 * may end in the middle of a response, which the next chunk completes. One parser per connection.
 */
public interface ResponseParser {

    /**
     * Consumes every byte of {@code data}.
     *
     * @param data the bytes received; its position is moved to its limit
     * @return how many responses these bytes completed
     * @throws MalformedResponseException when the bytes are not a response of the protocol
     */
    int feed(ByteBuffer data);

    /**
     * Returns how many complete responses so far were failures: a RESP error reply, an HTTP status of 400 or more.
     *
     * @return the count since the parser was made
     */
    long failures();
}
