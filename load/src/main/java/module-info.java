/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * jasyncio's load generator: a command-line application ({@code io.jasyncio.load.LoadMain}) that drives a server with
 * many connections and reports rates. It exports nothing: it is run, not built on.
 */
module io.jasyncio.load {
    requires io.jasyncio;
    requires io.jasyncio.netty;
    requires HdrHistogram;
}
