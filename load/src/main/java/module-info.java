/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/** jasyncio's load generator: a command-line client that drives a server with many connections and reports rates. */
module io.jasyncio.load {
    requires io.jasyncio;
    requires io.jasyncio.netty;

    exports io.jasyncio.load;
}
