/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * Hears of failures that have no caller to throw to: a callback that threw, a future whose exception was never
 * retrieved, a protocol that failed. Called on the loop thread.
 *
 * @asyncio the handler of loop.set_exception_handler(handler), called as handler(loop, context)
 */
@FunctionalInterface
public interface ExceptionHandler {

    /**
     * Handles one failure. An exception thrown from here is logged by the loop's default handler, and the loop goes on.
     *
     * @param loop the loop that caught the failure
     * @param context what happened
     */
    void handle(EventLoop loop, ExceptionContext context);
}
