/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs as a task on a new event loop in strict mode, as asyncio's {@code IsolatedAsyncioTestCase} runs an
 * {@code async def} test: the method may {@code Asyncio.await}, and may take the {@link io.jasyncio.EventLoop} and the
 * {@link io.jasyncio.debug.strict.StrictMode} as parameters. See {@link JasyncioExtension} for what fails it.
 *
 * <pre>{@code
 * @JasyncioTest(timeout = 5)
 * void sleeps() {
 *     assertEquals("done", Asyncio.sleep(0.01, "done"));
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(JasyncioExtension.class)
public @interface JasyncioTest {

    /**
     * How long the test may run, in seconds; past it every task of the loop is dumped, the loop stopped, and the test
     * fails with the dump.
     *
     * @return seconds, 30 by default
     */
    double timeout() default 30;

    /**
     * How long one callback may block the loop before strict mode reports a stall (GC pauses excepted).
     *
     * @return milliseconds, 2000 by default: a cold JVM's first use of a class or of JFR can block a loop for a
     *     second on a busy machine, and is no fault of the code under test
     */
    long stallThresholdMillis() default 2000;

    /**
     * Exceptions the test expects to reach the loop's exception handler, or to stay unretrieved in a failed future:
     * they are not problems.
     *
     * @return the exception types, none by default
     */
    Class<? extends Throwable>[] allowExceptions() default {};
}
