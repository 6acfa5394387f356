/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import org.junit.jupiter.api.Test;

/**
 * A future made in debug mode says where it was made: ports of test_futures.py BaseFutureTests.test_future_repr (its
 * debug cases) and test_future_source_traceback.
 */
class FutureReprDebugTest extends LoopTestBase {

    /** The line of the caller's caller: where the future under test was made. */
    private static int lineOfCaller() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow()).getLineNumber() - 1;
    }

    /** Port of test_future_repr, debug cases: {@code <Future pending created at File.java:12>}. */
    @Test
    void testFutureRepr() {
        loop.setDebug(true);
        Future<Object> pendingDebug = loop.createFuture();
        int line = lineOfCaller();
        StackTraceElement frame = pendingDebug.getSourceTraceback()[0];
        assertEquals(line, frame.getLineNumber());
        assertEquals("<Future pending created at FutureReprDebugTest.java:" + line + ">", pendingDebug.toString());
        pendingDebug.setResult(4);
        assertEquals("<Future finished result=4 created at FutureReprDebugTest.java:" + line + ">",
                pendingDebug.toString());

        Future<Object> cancelled = loop.createFuture();
        int cancelledLine = lineOfCaller();
        cancelled.cancel();
        assertEquals("<Future cancelled created at FutureReprDebugTest.java:" + cancelledLine + ">",
                cancelled.toString());

        loop.setDebug(false);
        Future<Object> pending = loop.createFuture();
        assertEquals("<Future pending>", pending.toString());
        assertEquals(0, pending.getSourceTraceback().length, "not recorded outside debug mode");
        pending.cancel();
    }

    /** Port of test_future_source_traceback: the first frame is the caller's, with its method. */
    @Test
    void testFutureSourceTraceback() {
        loop.setDebug(true);
        Future<Object> future = new Future<>(loop);
        int line = lineOfCaller();
        StackTraceElement frame = future.getSourceTraceback()[0];
        assertEquals(FutureReprDebugTest.class.getName(), frame.getClassName());
        assertEquals("testFutureSourceTraceback", frame.getMethodName());
        assertEquals(line, frame.getLineNumber());
        assertTrue(future.getSourceTraceback().length <= 10, "asyncio's DEBUG_STACK_DEPTH");
    }

    /** A task made in debug mode says where it was made too (asyncio's task repr starts with the future's). */
    @Test
    void testTaskReprDebug() {
        loop.setDebug(true);
        Task<Integer> task = loop.createTask(() -> 1);
        int line = lineOfCaller();
        assertTrue(task.toString().contains(" created at FutureReprDebugTest.java:" + line), task.toString());
        loop.runUntilComplete(task);
    }
}
