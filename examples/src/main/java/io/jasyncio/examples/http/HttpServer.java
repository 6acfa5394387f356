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
 * [--port 8080] [--loops N] [--max-body BYTES] [--header-timeout SECONDS] [--keepalive-timeout SECONDS]}.
 * {@code GET /} says "Hello, World!", {@code /echo} answers the request's body.
 */
public final class HttpServer {
    /** The default limit of a request's body: 1 MiB. */
    public static final int DEFAULT_MAX_BODY = 1024 * 1024;
    /** How long a request's head may take to come whole, in seconds: 60, nginx's {@code client_header_timeout}. */
    public static final int DEFAULT_HEADER_TIMEOUT = 60;
    /** How long an idle keep-alive connection is kept, in seconds: 75, nginx's {@code keepalive_timeout}. */
    public static final int DEFAULT_KEEPALIVE_TIMEOUT = 75;

    private HttpServer() {
    }

    /**
     * Makes one protocol per connection.
     *
     * @param maxBody the largest request body accepted; larger ones are answered 413
     * @return the factory
     */
    public static Supplier<HttpProtocol> factory(long maxBody) {
        return factory(maxBody, DEFAULT_HEADER_TIMEOUT, DEFAULT_KEEPALIVE_TIMEOUT);
    }

    /**
     * Makes one protocol per connection, with timeouts. The protocols must be made on their loop's thread (as a
     * server's are): they arm their timers on the running loop.
     *
     * @param maxBody the largest request body accepted; larger ones are answered 413
     * @param headerTimeout seconds a request's head may take from its first byte (408 after), and a body between
     *     reads
     * @param keepAliveTimeout seconds an idle keep-alive connection is kept open
     * @return the factory
     */
    public static Supplier<HttpProtocol> factory(long maxBody, double headerTimeout, double keepAliveTimeout) {
        if (!(headerTimeout > 0) || !(keepAliveTimeout > 0)) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        return () -> new HttpProtocol(maxBody, headerTimeout, keepAliveTimeout);
    }

    /**
     * Runs the server.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine("http-server", "./jasyncio http-server [--host 127.0.0.1] [--port 8080]"
                + " [--loops N] [--max-body BYTES] [--header-timeout SECONDS] [--keepalive-timeout SECONDS]");
        Serving.Options options = Serving.parse(args, 8080, cli, "max-body", "header-timeout", "keepalive-timeout");
        int headerTimeout = options.intOption("header-timeout", DEFAULT_HEADER_TIMEOUT);
        int keepAliveTimeout = options.intOption("keepalive-timeout", DEFAULT_KEEPALIVE_TIMEOUT);
        if (headerTimeout <= 0 || keepAliveTimeout <= 0) {
            throw cli.fail("--header-timeout and --keepalive-timeout must be at least 1 second");
        }
        Serving.serve("http server", factory(options.intOption("max-body", DEFAULT_MAX_BODY), headerTimeout,
                keepAliveTimeout), options);
    }
}
