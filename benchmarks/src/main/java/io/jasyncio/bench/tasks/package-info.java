/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The cost of an await: a task suspending and being resumed, on the continuation path ({@code AwaitBenchmark}) and on
 * the virtual-thread fallback ({@code AwaitVirtualThreadBenchmark}), in batches of 10,000 awaits inside one task.
 */
package io.jasyncio.bench.tasks;
