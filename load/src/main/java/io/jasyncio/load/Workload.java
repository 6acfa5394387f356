/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One request's bytes, made once and written again and again, and the parser that counts the responses.
 *
 * @param request the request, read-only; {@code Transport.write} copies it and leaves its position alone
 * @param parsers makes a parser per connection
 */
public record Workload(ByteBuffer request, Supplier<ResponseParser> parsers) {

    /** The redis key that SET and GET use. */
    public static final String REDIS_KEY = "jasyncio:load";

    /**
     * The workload of some options.
     *
     * @param options the options
     * @return the request and its parser
     */
    public static Workload of(LoadOptions options) {
        return switch (options.protocol()) {
            case "echo" -> {
                byte[] message = new byte[options.size()];
                Arrays.fill(message, (byte) 'x');
                message[message.length - 1] = '\n'; // as the peers' echo client: 'x' * (N - 1) + '\n'
                int size = options.size();
                yield new Workload(direct(message), () -> new EchoParser(size));
            }
            case "redis" -> new Workload(direct(redisCommand(options)), RespParser::new);
            default -> new Workload(direct(("GET " + options.path() + " HTTP/1.1\r\nHost: " + hostHeader(options)
                    + "\r\nUser-Agent: jasyncio-load\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)),
                    HttpResponseParser::new);
        };
    }

    private static byte[] redisCommand(LoadOptions options) {
        byte[] value = new byte[options.size()];
        Arrays.fill(value, (byte) 'x');
        byte[] key = REDIS_KEY.getBytes(StandardCharsets.US_ASCII);
        return switch (options.command()) {
            case "set" -> resp("SET".getBytes(StandardCharsets.US_ASCII), key, value);
            case "get" -> resp("GET".getBytes(StandardCharsets.US_ASCII), key);
            default -> resp("PING".getBytes(StandardCharsets.US_ASCII));
        };
    }

    /**
     * A command as a RESP array of bulk strings.
     *
     * @param parts the command's name and arguments
     * @return its bytes
     */
    static byte[] resp(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + parts.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] p : parts) {
            out.writeBytes(("$" + p.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(p);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }

    private static String hostHeader(LoadOptions options) {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return host + ":" + options.port();
    }

    private static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }
}
