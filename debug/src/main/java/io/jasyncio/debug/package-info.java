/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Debug mode's checks, the "Develop with asyncio" guide's, each a {@link io.jasyncio.spi.LoopInterceptor} that a
 * debug-only provider (listed in {@code META-INF/services/io.jasyncio.spi.LoopInterceptorProvider}) installs in a loop
 * when debug mode goes on ({@code loop.setDebug(true)}, {@code JASYNCIO_DEBUG=1}, {@code -Djasyncio.debug=true}) and
 * removes when it goes off. With debug mode off nothing is installed and the loop takes its plain path: no cost per
 * callback. Every message goes to the SLF4J logger {@code asyncio}.
 *
 * <ul>
 *   <li>{@link io.jasyncio.debug.SlowCallbackCheck}: callbacks, task steps and iterations over
 *       {@code slowCallbackDuration}: "Executing &lt;Handle ...&gt; took 0.150 seconds".
 *   <li>{@link io.jasyncio.debug.SlowPollCheck}: the I/O poll time: "poll 250.000 ms took 1000.512 ms: timeout", and
 *       polls that return past their timeout.
 *   <li>{@link io.jasyncio.debug.NeverAwaitedCheck}: "coroutine 'test' was never awaited", with where it was made.
 *   <li>{@link io.jasyncio.debug.NeverRetrievedCheck}: "Task exception was never retrieved" and "Future exception was
 *       never retrieved", with the trace and the task's creation site.
 *   <li>{@link io.jasyncio.debug.PendingTaskCheck}: "Task was destroyed but it is pending!", at collection and when the
 *       loop closes.
 *   <li>{@link io.jasyncio.debug.UnclosedResourceCheck}: "unclosed transport", "unclosed server", "unclosed event
 *       loop".
 * </ul>
 *
 * <p>Cost. Debug mode is meant to stay on in staging: the loop times callbacks only because
 * {@link io.jasyncio.debug.SlowCallbackCheck} and {@link io.jasyncio.debug.SlowPollCheck} override hooks of the
 * iteration (the other checks hear only rare events: tasks, failed futures, coroutine objects, transports), creation
 * sites are JVM backtraces resolved only when a report or a {@code toString} reads them, and the check that an await
 * holds no monitor runs on a budget of 1% of the loop's time ({@code io.jasyncio.internal.coro.MonitorCheck}).
 * {@code DebugCostBenchmark} measures each against the plain path.
 *
 * <p>The wrong-thread check ({@code callSoon} and {@code callAt} from a thread other than the loop's raise
 * "Non-thread-safe operation invoked on an event loop other than the current one") stays in the loop itself: it must
 * raise before the handle is queued, and an interceptor only hears about a handle once it is queued (and one that
 * throws is removed, not obeyed).
 *
 * <p>Checks made at collection use one {@link java.lang.ref.Cleaner} thread: each registers a small action holding the
 * text to log and a flag the loop clears (retrieved, awaited, done, closed), never the object itself. A test waits for
 * them with {@code System.gc()} in a bounded loop.
 */
package io.jasyncio.debug;
