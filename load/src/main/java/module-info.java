/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * jasyncio's load generator: a command-line application ({@code io.jasyncio.load.LoadMain}) that drives a server with
 * many connections and reports rates and latencies, and the library under it ({@code LoadRun} with a
 * {@code Workload} of one's own: a request and a response parser) for benchmarking one's own protocol.
 */
module io.jasyncio.load {
    requires transitive io.jasyncio;
    requires io.jasyncio.netty;
    requires transitive HdrHistogram; // LoadResult.latency() is HdrHistogram's Histogram

    exports io.jasyncio.load;
}
