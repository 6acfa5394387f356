/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
/**
 * The load tool ({@code io.jasyncio.load}): its histogram against exact percentiles, its command line's errors, its
 * RESP and HTTP response parsers fed every split of their byte streams ({@link io.jasyncio.tests.load.ParserSplits}),
 * and short runs against servers of this process on 127.0.0.1 port 0, each on a loop thread of its own: echo
 * closed-loop and pipelined, fixed rate (and its correction for coordinated omission, against a server that answers
 * 100 ms late), redis PING, HTTP GET, error statuses, lost connections, and a port nobody listens on. The two parsers
 * are fuzzed against whole-stream readings ({@code RespParserFuzzTest}, {@code HttpResponseParserFuzzTest}; the
 * outcome of both sides is a {@link io.jasyncio.tests.load.ResponseOutcome}).
 */
package io.jasyncio.tests.load;
