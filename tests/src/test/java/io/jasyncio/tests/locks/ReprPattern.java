/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.locks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * test_locks.py's {@code RGX_REPR}, for jasyncio's {@code toString()} of the primitives, which is asyncio's repr without
 * the module and the object address: {@code <Lock [locked, waiters:1]>}, {@code <Barrier [filling, waiters:2/5]>}.
 */
final class ReprPattern {
    private static final Pattern RGX_REPR = Pattern.compile(
            "^<(?<cls>\\w+) \\[(?<extras>"
            + "(set|unset|locked|unlocked|filling|draining|resetting|broken)"
            + "(, value:\\d)?"
            + "(, waiters:\\d+)?"
            + "(, waiters:\\d+/\\d+)?" // barrier
            + ")\\]>$");

    private ReprPattern() {
    }

    /**
     * Matches a primitive's {@code toString()}.
     *
     * @param primitive the lock, event, condition, semaphore or barrier
     * @return the match, or {@code null} if it does not match
     */
    static Matcher match(Object primitive) {
        Matcher m = RGX_REPR.matcher(primitive.toString());
        return m.matches() ? m : null;
    }
}
