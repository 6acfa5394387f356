/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * jasyncio's JUnit 5 extension: a fresh loop per test in strict mode, the test failed on what a correct asyncio
 * program never leaves behind, and every task dumped when a test times out.
 */
module io.jasyncio.junit {
    requires transitive io.jasyncio;
    requires transitive io.jasyncio.debug;
    requires transitive org.junit.jupiter.api;

    exports io.jasyncio.junit;
    // JUnit creates the extension reflectively.
    opens io.jasyncio.junit to org.junit.platform.commons;
}
