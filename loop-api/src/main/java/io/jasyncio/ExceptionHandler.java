/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * Hears of failures that have no caller to throw to: a callback that threw, a future whose exception was never
 * retrieved, a task destroyed while pending, a protocol that failed. Called on the loop thread, but for the reports of
 * what the garbage collector found while the loop was not running (never-retrieved exceptions, destroyed pending
 * tasks), which come on the collector's cleaner thread, as asyncio's {@code __del__} reports come wherever the
 * collector runs. {@link java.lang.Error}s are never handed to it: they leave the loop (see "Fatal errors" in the
 * package documentation). A custom handler is called for every report, repeats included; only the default handler's
 * log summarises repeats ({@link EventLoop#defaultExceptionHandler}).
 *
 * @asyncio the handler of loop.set_exception_handler(handler), called as handler(loop, context)
 */
@FunctionalInterface
public interface ExceptionHandler {

    /**
     * Handles one failure. An exception thrown from here is logged by the loop's default handler, and the loop goes on;
     * an {@link java.lang.Error} thrown from here leaves the loop.
     *
     * @param loop the loop that caught the failure
     * @param context what happened
     */
    void handle(EventLoop loop, ExceptionContext context);
}
