/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * jasyncio in JUnit 5: asyncio's {@code IsolatedAsyncioTestCase}, with the checks of jasyncio's strict mode.
 *
 * <pre>{@code
 * class EchoTest {
 *     @JasyncioTest                                   // runs as a task on a new loop; the loop is closed after
 *     void echoes(EventLoop loop) {
 *         Server server = Asyncio.await(loop.createServer(Echo::new, "127.0.0.1", 0));
 *         ...
 *         server.close();
 *         server.waitClosed();                        // left open, the test fails: "leak: not closed: ..."
 *     }
 * }
 * }</pre>
 *
 * <p>The design:
 * <ul>
 *   <li>{@link io.jasyncio.junit.JasyncioExtension} makes one loop per test (debug mode on) before the test's
 *       {@code @BeforeEach} methods run, and installs {@link io.jasyncio.debug.strict.StrictMode} on it. Test and
 *       lifecycle methods may take the {@link io.jasyncio.EventLoop} and the {@code StrictMode} as parameters.</li>
 *   <li>A {@link io.jasyncio.junit.JasyncioTest} method runs as a task on that loop: it may {@code Asyncio.await},
 *       and its failure is the test's. A plain {@code @Test} in a class extended with {@code JasyncioExtension} gets
 *       the loop, not running, and drives it itself.</li>
 *   <li>After the test, before the loop closes, the test fails when a task is still pending (the leaked tasks are
 *       cancelled and waited for, so the next test starts clean), when an exception reached the loop's exception
 *       handler without the test allowing it, when a failed future's exception was never retrieved, when a
 *       transport, server or datagram endpoint was left open, when a callback stalled the loop, and when another
 *       thread scheduled a callback without {@code callSoonThreadsafe}. All problems are listed in one
 *       {@link java.lang.AssertionError}.</li>
 *   <li>A test that outlives its {@link io.jasyncio.junit.JasyncioTest#timeout() timeout} has every task of its loop
 *       dumped (name, state, what it awaits, its stack), the loop stopped, and fails with the dump.</li>
 * </ul>
 *
 * <p>The extension never touches the loop from another thread except through {@code callSoonThreadsafe} (the
 * timeout's stop) and the task dump, which reads a snapshot.
 */
package io.jasyncio.junit;
