/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Strict mode for users' own tests, usable from any test framework (no test library in this module): install it on
 * the loop under test, run the test, call {@code verify()}.
 *
 * <p>Design. {@link io.jasyncio.debug.strict.StrictMode} is an interceptor plus a watchdog. It records every
 * exception-handler call that the test did not declare, every failed future whose exception is still unretrieved at
 * {@code verify()} (the {@code exceptionSet} hook hands over a probe that holds nothing of the future), every
 * transport, server or endpoint opened and not closed (the {@code transportOpened}/{@code transportClosed} hooks), every stall past its threshold that GC pauses do not
 * explain (500 ms by default: a test fails only on an unmistakable stall), and every callback scheduled with a
 * loop-thread-only method from another thread while the loop runs: {@code handleScheduled} runs on the scheduling
 * thread, and on a foreign thread strict mode walks the stack to tell {@code callSoonThreadsafe} (fine) from
 * {@code callSoon}, {@code callLater} or {@code callAt} (wrong). This costs a stack walk only on foreign threads.
 *
 * <p>When a test hangs, {@link io.jasyncio.debug.strict.StrictMode#dumpOnTimeout} prints every task of the loop from a
 * timer thread (the dump is readable while the loop thread is stuck), and
 * {@link io.jasyncio.debug.strict.StrictMode#runUntilComplete} also stops the loop and fails with the dump.
 */
package io.jasyncio.debug.strict;
