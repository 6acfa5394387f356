/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.redis;

import io.jasyncio.Ticker;
import io.jasyncio.examples.CommandLine;
import io.jasyncio.examples.Serving;
import java.util.function.Supplier;

/**
 * A RESP2 server that {@code redis-cli} and {@code redis-benchmark} drive: {@code ./jasyncio redis-server [--host
 * 127.0.0.1] [--port 6380] [--loops N]}. Strings, counters, keys with expiry, lists, hashes, sets and enough of sorted
 * sets for redis-benchmark's default tests; no persistence.
 */
public final class RedisServer {
    private RedisServer() {
    }

    /**
     * Makes protocols that share one keyspace.
     *
     * @param ticker the clock of key expiry (the loop's; a {@code MockTicker} in tests)
     * @return one new protocol per call, all on the same data
     */
    public static Supplier<RespProtocol> factory(Ticker ticker) {
        Store store = new Store(ticker);
        QueryBudget budget = QueryBudget.quarterOfTheHeap();
        return () -> new RespProtocol(store, budget);
    }

    /**
     * Runs the server.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        Serving.Options options = Serving.parse(args, 6380, new CommandLine("redis-server",
                "./jasyncio redis-server [--host 127.0.0.1] [--port 6380] [--loops N]"));
        Serving.serve("redis server", factory(Ticker.system()), options);
    }
}
