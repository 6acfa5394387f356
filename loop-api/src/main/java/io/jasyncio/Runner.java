/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.BaseEventLoop;
import java.util.ArrayList;
import java.util.List;

/** {@link Asyncio#run}: a loop for one main coroutine, and its orderly shutdown (asyncio's {@code Runner}). */
final class Runner {

    private Runner() {
    }

    static <T> T run(Coroutine<T> main, LoopOptions options) {
        if (BaseEventLoop.runningLoop() != null) {
            throw new IllegalStateException("asyncio.run() cannot be called from a running event loop");
        }
        EventLoop loop = Asyncio.newEventLoop(options);
        try {
            return loop.runUntilComplete(loop.createTask(main));
        } finally {
            try {
                cancelAllTasks((BaseEventLoop) loop);
                loop.runUntilComplete(loop.shutdownDefaultExecutor());
            } finally {
                loop.close();
            }
        }
    }

    /** asyncio.runners._cancel_all_tasks: cancel what is left, wait for it, report the failures. */
    private static void cancelAllTasks(BaseEventLoop loop) {
        List<Task<?>> toCancel = new ArrayList<>(loop.allTasks());
        if (toCancel.isEmpty()) {
            return;
        }
        for (Task<?> t : toCancel) {
            t.cancel();
        }
        loop.runUntilComplete(Gather.gather(true, toCancel));
        for (Task<?> t : toCancel) {
            if (t.cancelled()) {
                continue;
            }
            Throwable e = t.exception();
            if (e != null) {
                loop.callExceptionHandler(ExceptionContext.builder("unhandled exception during asyncio.run() shutdown")
                        .exception(e).put(ExceptionContext.TASK, t).build());
            }
        }
    }
}
