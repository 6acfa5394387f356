/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
/**
 * Black-box tests of jasyncio, through the exported API only, one package per area ({@code loop}, {@code futures},
 * {@code tasks}, {@code locks}, {@code queues}, {@code transport}, {@code debug}, {@code examples}). Surefire runs the
 * whole suite once per backend: epoll (execution {@code default-test}) and NIO (execution {@code nio}), chosen by the
 * system property {@code jasyncio.transport}; the task suites run a third time on the virtual-thread coroutine path.
 *
 * <p>{@link io.jasyncio.tests.LoopTestBase} gives each test a fresh loop on the backend asked for, a
 * {@link io.jasyncio.MockTicker} so that time moves only when the test moves it, and an exception handler that fails
 * the test on any call it did not declare; {@code runOnce()} is asyncio's {@code test_utils.run_once} ({@code stop()}
 * then {@code runForever()}: one iteration, zero poll timeout). Ported CPython tests keep their names in camelCase and
 * cite their origin in javadoc. No test sleeps to wait for time: a mock clock, or real short timers and an awaited
 * outcome; every class has a timeout.
 *
 * <p>{@link io.jasyncio.tests.NettyLeaks}, applied to every test, fails one after which Netty reports a leaked buffer
 * (the network suites run the detector at paranoid). {@link io.jasyncio.tests.Splits} cuts a fuzz target's input
 * into reads: whole, a byte at a time, and at positions drawn from the input itself.
 */
package io.jasyncio.tests;
