/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.http;

import java.nio.charset.StandardCharsets;

/**
 * One parsed request. The method and the path are kept as offsets into the connection's buffer (or a copy of their
 * own, see {@link #detach}), valid while the
 * request is handled; the body is copied.
 */
final class Request {
    // Threading: the connection's loop thread only; reused for each request of the connection.
    byte[] buf;
    int methodStart;
    int methodEnd;
    int pathStart;
    int pathEnd; // the target without its query
    boolean http11;
    long contentLength;
    boolean chunked;
    boolean keepAlive;
    boolean expectContinue;
    int hosts;
    /** Where the whole request ends, body included. */
    int end;
    byte[] body;
    private boolean detached;

    void reset() {
        detached = false;
        contentLength = -1;
        chunked = false;
        keepAlive = true;
        expectContinue = false;
        hosts = 0;
        body = EMPTY;
    }

    /**
     * Gives the request its own copy of its method and path, which are offsets into the connection's buffer until
     * then: done when the body is still to come, as the buffer's bytes may move.
     */
    void detach() {
        if (detached) {
            return;
        }
        detached = true;
        byte[] own = java.util.Arrays.copyOfRange(buf, methodStart, pathEnd);
        int shift = methodStart;
        buf = own;
        methodStart -= shift;
        methodEnd -= shift;
        pathStart -= shift;
        pathEnd -= shift;
    }

    static final byte[] EMPTY = new byte[0];

    boolean methodIs(String m) {
        return Bytes.equals(buf, methodStart, methodEnd, m);
    }

    boolean pathIs(String p) {
        return Bytes.equals(buf, pathStart, pathEnd, p);
    }

    String method() {
        return new String(buf, methodStart, methodEnd - methodStart, StandardCharsets.ISO_8859_1);
    }
}
