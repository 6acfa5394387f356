/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Runnable programs that show jasyncio at work, started by the {@code ./jasyncio} launcher: {@code demo} (the loop's
 * callbacks, timers, threadsafe calls and executor), and the servers. Each is short and meant to be read.
 *
 * <p>The servers: {@link io.jasyncio.examples.EchoServer} ({@code echo-server}, the three APIs side by side), and
 * three protocols that unmodified clients drive, each in its own package whose {@code package-info} explains how the
 * protocol is written: {@code redis} (RESP2 on the Protocol API: {@code redis-cli}, {@code redis-benchmark}),
 * {@code http} (HTTP/1.1 on the Protocol API: {@code curl}, {@code wrk}) and {@code chat} (a line protocol on streams
 * and tasks). {@link io.jasyncio.examples.Serving} is what they share: the command line, the line saying where they
 * listen, one loop or a {@code LoopGroup}, and a clean stop on SIGINT or SIGTERM; {@link
 * io.jasyncio.examples.ReplyBuffer} is the growing array the RESP and HTTP encoders write one read's answers into.
 *
 * <p>Memory is bounded by the server, never by the client: every server honours {@code pauseWriting}. The echo
 * protocols pause reading until {@code resumeWriting}; the redis and HTTP protocols also stop answering what they
 * have already read and write their answers out every 64 KiB, so a client that sends without reading costs the
 * transport's high-water mark and about one read, whatever it sends.
 * {@link io.jasyncio.examples.CommandLine} reports what stops a command (a bad argument, a busy port, a host that does
 * not resolve) in one line on stderr with asyncio's words, and exits non-zero without a stack trace.
 */
package io.jasyncio.examples;
