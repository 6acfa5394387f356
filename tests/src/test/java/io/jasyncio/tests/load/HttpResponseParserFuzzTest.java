/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jasyncio.load.HttpResponseParser;

/**
 * The load tool's {@link HttpResponseParser} under coverage-guided fuzzing: any bytes a server sends, cut into reads in
 * every way {@link io.jasyncio.tests.Splits} makes, give the count and failures of {@link HttpResponseReference} (the
 * plain whole-stream reading), or its {@code MalformedResponseException} at the same byte; never another exception,
 * never a byte left unread. The seed corpus is
 * {@code src/test/resources/io/jasyncio/tests/load/HttpResponseParserFuzzTestInputs/httpResponses/}.
 */
class HttpResponseParserFuzzTest {

    @FuzzTest
    void httpResponses(byte[] stream) {
        ResponseOutcome.check(HttpResponseParser::new, stream, HttpResponseReference.read(stream));
    }
}
