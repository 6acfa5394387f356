/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
/**
 * {@link io.jasyncio.Future}: ports of CPython's test_futures.py (BaseFutureTests, DoneCallbackTests, the wrap_future
 * tests) and Java interop ({@code toCompletableFuture()}, {@code Asyncio.wrapFuture}) across threads.
 */
package io.jasyncio.tests.futures;
