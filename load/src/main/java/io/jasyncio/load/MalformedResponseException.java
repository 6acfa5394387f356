/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

/** The server sent bytes that are not a response of the protocol; the connection cannot go on. */
public final class MalformedResponseException extends RuntimeException {

    /**
     * Makes one.
     *
     * @param message what was wrong, and where
     */
    public MalformedResponseException(String message) {
        super(message);
    }
}
