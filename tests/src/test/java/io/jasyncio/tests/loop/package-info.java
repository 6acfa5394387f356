/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
/**
 * The event loop itself: ports of CPython's test_base_events.py (BaseEventLoopTests) and test_events.py
 * (EventLoopTestsMixin's loop tests, HandleTests, TimerTests), the poll timeout of one iteration seen through an
 * interceptor, threads (callSoonThreadsafe's order and wake-ups, the 8 x 100,000 stress, runs on several threads),
 * debug mode, the backend choice and {@link io.jasyncio.LoopGroup}.
 */
package io.jasyncio.tests.loop;
