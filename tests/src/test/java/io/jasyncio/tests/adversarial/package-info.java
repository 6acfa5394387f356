/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
/**
 * The example servers against hostile clients: each class of attack that once took them down, replayed on loopback
 * against the servers as the launcher runs them, each in a JVM of its own.
 *
 * <h2>How</h2>
 * {@link io.jasyncio.tests.adversarial.ServerProcess} starts an example server's own {@code main} (through
 * {@link io.jasyncio.tests.adversarial.ServerMain}) on 127.0.0.1 port 0, read from the line saying where it
 * listens, with a small heap ({@code -Xmx64m}, the serial collector, which also bounds Netty's direct memory) and,
 * where the attack is on descriptors, {@code prlimit --nofile} (the test is skipped, with the reason, where
 * {@code prlimit} is missing). Each test then asserts, as the attack goes on and after:
 * <ul>
 *   <li>the server stays up (or, for an error the fatal-error policy sends out of the loop, ends at once, as
 *       documented);</li>
 *   <li>a well-behaved client ({@link io.jasyncio.tests.adversarial.GoodClient}, one request every 20 ms) is answered
 *       every time within a generous bound (2 s, for a busy 2-core machine; the slowloris test allows the header
 *       timeout and the accept's rest on top);</li>
 *   <li>the server's descriptors ({@code /proc/PID/fd}) and its heap after a full collection come back to what they
 *       were before the attack: the child answers {@code stats} on its stdin with both, so no attach tool is
 *       needed;</li>
 *   <li>what the attack is about: bytes written before the server stops reading, the server's CPU time from
 *       {@code /proc/PID/stat}, its stderr's line count (the log).</li>
 * </ul>
 * Each test records its figures in {@code target/adversarial-figures.txt}; {@code docs/hardening.md} is written from
 * them. Fuzzing of the parsers, and descriptor exhaustion against a bare server
 * ({@code transport.AcceptExhaustionTest}, on every backend), live elsewhere.
 *
 * <h2>Where it runs</h2>
 * Only in the default surefire execution (native epoll): the NIO execution excludes this package, and the io_uring
 * and virtual-thread ones do not include it. What is under test is the example servers' own code (parsers, limits,
 * timeouts, flow control), the same on every backend, and each backend's transport is tested on its own elsewhere,
 * accept under exhaustion included. The package takes about two and a half minutes on a 2-core machine shared with
 * other builds (load average 15), less on a quiet one: mostly the child JVMs, the loopback's connection rate and the
 * timeouts the tests wait out; three backends would triple that for little more coverage.
 */
package io.jasyncio.tests.adversarial;
