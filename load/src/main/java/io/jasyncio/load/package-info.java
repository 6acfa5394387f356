/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The load generator, {@code ./jasyncio load}: drives an echo, RESP (redis) or HTTP/1.1 server over many TCP
 * connections and reports requests per second, throughput, latency percentiles and errors. It is written on jasyncio
 * itself, with the Protocol/Transport API, so it is also a worked example of a client protocol.
 *
 * <h2>Design</h2>
 * <pre>
 *   main thread: LoadRun ----- callSoonThreadsafe ----> loop i (LoopGroup thread): LoadWorker
 *     connect, warm-up, measure,                          LoadConnection x C/N (Protocol)
 *     progress line each second                             write request, parser.feed(bytes) -> n responses,
 *     finish -> Totals -> LoadResult                        latency = now - started[oldest]  -> Histogram
 * </pre>
 * <ul>
 *   <li>{@link io.jasyncio.load.LoadOptions} parses and checks the command line; {@link io.jasyncio.load.Workload}
 *       makes the request's bytes once (written again and again; {@code Transport.write} copies them) and a
 *       {@link io.jasyncio.load.ResponseParser} per connection: {@link io.jasyncio.load.EchoParser} counts bytes,
 *       {@link io.jasyncio.load.RespParser} and {@link io.jasyncio.load.HttpResponseParser} are incremental state
 *       machines that cope with any split of the bytes.</li>
 *   <li>Closed-loop (the default): each connection keeps {@code --pipeline} requests in flight, the next one sent as
 *       a response completes. Fixed-rate ({@code --rate R}): each connection has its own schedule of R/C requests
 *       per second, the connections' schedules spread over one interval; a request's latency counts from when it was
 *       due, even when the connection could not send it then (all {@code --pipeline} slots busy): the correction for
 *       coordinated omission, as wrk2 makes it.</li>
 *   <li>Latencies go into HdrHistogram's {@code Histogram} ({@link io.jasyncio.load.Latencies}: nanoseconds, three
 *       significant digits, as wrk2 records them), one per loop, added at the end. {@code --hgrm FILE} writes the
 *       distribution as HdrHistogram's {@code .hgrm} text (the file its plotter and wrk2's users read);
 *       {@code --hlog FILE} writes its interval log, one histogram a second of the measured window, which
 *       {@code HistogramLogReader} and {@code HistogramLogProcessor} read.</li>
 *   <li>Only requests completed inside the measured window count; warm-up requests are sent and timed for the
 *       progress line, not reported. Errors count in the whole run: failed or lost connections, malformed responses,
 *       RESP error replies, HTTP statuses of 400 or more. A lost connection is not reopened.</li>
 *   <li>{@code --server-pid} reads the server's CPU time (utime + stime) from {@code /proc/PID/stat} as measuring
 *       starts and ends: CPU per request, the figure to compare servers by when the client and the server share the
 *       machine.</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * A {@code LoadWorker} and its connections belong to their loop's thread; the main thread reads them only through
 * calls run on that loop. Latencies are taken with {@link io.jasyncio.Ticker#system()}, read when the bytes arrive,
 * not with {@code loop.time()}, which is read once per loop iteration.
 *
 * <h2>Hot-path rules</h2>
 * Per request: one {@code write} of the shared request buffer, a parser step over the bytes received, a histogram
 * increment. No allocation (the fixed-rate timer is allocated by {@code callLater}, one per wait).
 */
package io.jasyncio.load;
