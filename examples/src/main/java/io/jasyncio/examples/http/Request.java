/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.http;

import java.nio.charset.StandardCharsets;

/**
 * One parsed request. The method and the path are kept as offsets into the connection's buffer, valid while the
 * request is handled; the body is copied.
 */
final class Request {
    // Threading: the connection's loop thread only; reused for each request of the connection.
    byte[] buf;
    /** Where the request starts in buf. */
    int start;
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
    /** Where the head ends (the first body byte). */
    int headEnd;
    /** Where the whole request ends, body included. */
    int end;
    byte[] body;

    void reset() {
        contentLength = -1;
        chunked = false;
        keepAlive = true;
        expectContinue = false;
        hosts = 0;
        body = EMPTY;
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
