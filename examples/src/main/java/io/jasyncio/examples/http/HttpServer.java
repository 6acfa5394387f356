/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.http;

import io.jasyncio.examples.CommandLine;
import io.jasyncio.examples.Serving;
import java.util.function.Supplier;

/**
 * An HTTP/1.1 server that {@code curl} and {@code wrk} drive: {@code ./jasyncio http-server [--host 127.0.0.1]
 * [--port 8080] [--loops N] [--max-body BYTES]}. {@code GET /} says "Hello, World!", {@code /echo} answers the
 * request's body.
 */
public final class HttpServer {
    /** The default limit of a request's body: 1 MiB. */
    public static final int DEFAULT_MAX_BODY = 1024 * 1024;

    private HttpServer() {
    }

    /**
     * Makes one protocol per connection.
     *
     * @param maxBody the largest request body accepted; larger ones are answered 413
     * @return the factory
     */
    public static Supplier<HttpProtocol> factory(long maxBody) {
        return () -> new HttpProtocol(maxBody);
    }

    /**
     * Runs the server.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        Serving.Options options = Serving.parse(args, 8080, new CommandLine("http-server",
                "./jasyncio http-server [--host 127.0.0.1] [--port 8080] [--loops N] [--max-body BYTES]"), "max-body");
        Serving.serve("http server", factory(options.intOption("max-body", DEFAULT_MAX_BODY)), options);
    }
}
