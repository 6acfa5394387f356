/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Runnable programs that show jasyncio at work, started by the {@code ./jasyncio} launcher: {@code demo} (the loop's
 * callbacks, timers, threadsafe calls and executor), and the servers. Each is short and meant to be read.
 */
package io.jasyncio.examples;
