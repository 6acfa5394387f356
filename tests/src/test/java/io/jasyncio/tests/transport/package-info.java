/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
/**
 * Protocols, transports and servers over real sockets on 127.0.0.1 port 0 (and Unix sockets in a temporary
 * directory), run once per backend: ports of CPython's test_events.py network tests (with MyProto's state checks, in
 * {@link io.jasyncio.tests.transport.Recorder}), test_server.py, test_selector_events.py's socket transport tests,
 * test_transports.py, test_protocols.py, test_sslproto.py and test_ssl.py, test_streams.py; and the failure cases: a
 * protocol callback that throws, a peer that resets, a peer that never reads. Peers that misbehave are plain blocking
 * sockets, read on threads of their own; the loop waits with its own timers, never a sleeping thread. TLS
 * certificates are made per run with the JDK's keytool ({@link io.jasyncio.tests.transport.TestCertificates}).
 * {@code StreamReaderFuzzTest} fuzzes {@code readuntil} and {@code readline} across any cuts of the stream;
 * {@code LeakDetectionTest} shows the leak check of every network test at work; {@code IoUringManyConnectionsTest}
 * runs a thousand connections on one io_uring loop without a completion queue overflow.
 */
package io.jasyncio.tests.transport;
