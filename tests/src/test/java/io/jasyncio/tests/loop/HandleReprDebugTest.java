/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jasyncio.ExceptionContext;
import io.jasyncio.Handle;
import io.jasyncio.TimerHandle;
import io.jasyncio.tests.LoopTestBase;
import org.junit.jupiter.api.Test;

/**
 * A handle made in debug mode says where it was made: ports of test_events.py HandleTests.test_handle_repr_debug and
 * test_handle_source_traceback.
 */
class HandleReprDebugTest extends LoopTestBase {
    private static final String FILE = "HandleReprDebugTest.java";

    /** A callback with a plain name, as asyncio's noop. */
    private static final class Noop implements Runnable {
        @Override
        public void run() {
        }
    }

    /** The line just before the caller's: where the handle under test was made. */
    private static int lineOfCaller() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow()).getLineNumber() - 1;
    }

    /** Port of test_handle_repr_debug: the callback and the site; a cancelled handle keeps both. */
    @Test
    void testHandleReprDebug() {
        loop.setDebug(true);
        Handle h = loop.callSoon(new Noop());
        int line = lineOfCaller();
        String noop = Noop.class.getName();
        assertEquals("<Handle " + noop + " created at " + FILE + ":" + line + ">", h.toString());
        h.cancel();
        assertEquals("<Handle cancelled " + noop + " created at " + FILE + ":" + line + ">", h.toString());
        h.cancel(); // double cancellation won't overwrite the repr
        assertEquals("<Handle cancelled " + noop + " created at " + FILE + ":" + line + ">", h.toString());

        TimerHandle t = loop.callLater(1, new Noop());
        int timerLine = lineOfCaller();
        assertEquals("<TimerHandle when=" + t.when() + " " + noop + " created at " + FILE + ":" + timerLine + ">",
                t.toString());
        t.cancel();
        assertEquals("<TimerHandle cancelled when=" + t.when() + " " + noop + " created at " + FILE + ":"
                + timerLine + ">", t.toString());

        loop.setDebug(false);
        Handle plain = loop.callSoon(new Noop());
        assertEquals("<Handle " + noop + ">", plain.toString());
        plain.cancel();
        assertEquals("<Handle cancelled>", plain.toString());
        runOnce();
    }

    /** Port of test_handle_source_traceback: callSoon, callSoonThreadsafe, callLater and callAt record the caller. */
    @Test
    void testHandleSourceTraceback() {
        loop.setDebug(true);
        Handle soon = loop.callSoon(new Noop());
        checkSourceTraceback(soon, lineOfCaller());
        Handle threadsafe = loop.callSoonThreadsafe(new Noop());
        checkSourceTraceback(threadsafe, lineOfCaller());
        Handle later = loop.callLater(0, new Noop());
        checkSourceTraceback(later, lineOfCaller());
        Handle at = loop.callAt(loop.time(), new Noop());
        checkSourceTraceback(at, lineOfCaller());
        runOnce();
    }

    private static void checkSourceTraceback(Handle h, int line) {
        assertEquals(" created at " + FILE + ":" + line,
                h.toString().substring(h.toString().indexOf(" created at "), h.toString().length() - 1));
    }

    /** asyncio's Handle._run puts the handle's source_traceback in the exception handler's context. */
    @Test
    void testHandleExceptionContextHasSourceTraceback() {
        expectExceptions();
        loop.setDebug(true);
        RuntimeException boom = new RuntimeException("boom");
        loop.callSoon(() -> {
            throw boom;
        });
        int line = lineOfCaller() - 2;
        runOnce();
        assertEquals(1, handled.size());
        assertSame(boom, handled.get(0).exception());
        StackTraceElement[] site = (StackTraceElement[]) handled.get(0).get(ExceptionContext.SOURCE_TRACEBACK);
        assertEquals(line, site[0].getLineNumber());
    }

    /**
     * A site is recorded as a backtrace and resolved only when first read: read after the handle ran, after the
     * future's task finished and from another method, it still names the line that made each, inside a task too.
     */
    @Test
    void testSiteResolvedLaterNamesTheCreatingLine() {
        loop.setDebug(true);
        int[] lines = new int[2];
        Object[] made = new Object[2];
        io.jasyncio.Task<Object> task = loop.createTask(() -> {
            made[0] = loop.callSoon(new Noop());
            lines[0] = lineOfCaller();
            made[1] = loop.createFuture();
            lines[1] = lineOfCaller();
            io.jasyncio.Asyncio.sleep(0);
            return null;
        });
        runUntilDone(task);
        checkSourceTraceback((Handle) made[0], lines[0]);
        io.jasyncio.Future<?> future = (io.jasyncio.Future<?>) made[1];
        assertEquals(lines[1], future.getSourceTraceback()[0].getLineNumber());
        assertEquals(FILE, future.getSourceTraceback()[0].getFileName());
        assertEquals(" created at " + FILE + ":" + lines[1] + ">",
                future.toString().substring(future.toString().indexOf(" created at ")));
    }

    /**
     * The handles a finishing future schedules for its done callbacks: a user's callback records where the future was
     * finished, as asyncio's; a task's wake-up, which nobody sees (a slow step is reported by the task), records none.
     */
    @Test
    void testDoneCallbackHandlesRecordTheUsersOnly() {
        loop.setDebug(true);
        java.util.List<Handle> scheduled = new java.util.ArrayList<>();
        loop.addInterceptor(new io.jasyncio.spi.LoopInterceptor() {
            @Override
            public void handleScheduled(io.jasyncio.EventLoop l, Handle handle) {
                scheduled.add(handle);
            }
        });
        io.jasyncio.Future<String> fut = loop.createFuture();
        io.jasyncio.Task<String> waiter = loop.createTask(() -> io.jasyncio.Asyncio.await(fut));
        runOnce();
        fut.addDoneCallback(f -> { });
        scheduled.clear();
        fut.setResult("done");
        int line = lineOfCaller();
        assertEquals(2, scheduled.size(), scheduled.toString());
        assertEquals(" created at " + FILE + ":" + line + ">",
                scheduled.get(1).toString().substring(scheduled.get(1).toString().indexOf(" created at ")),
                "the user's callback: where the future was finished");
        org.junit.jupiter.api.Assertions.assertFalse(scheduled.get(0).toString().contains(" created at "),
                "the task's wake-up: " + scheduled.get(0));
        runUntilDone(waiter);
        assertEquals("done", waiter.result());
    }
}
