/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.CancelledError;
import io.jasyncio.Future;
import io.jasyncio.InvalidStateError;
import io.jasyncio.tests.LoopTestBase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_futures.py BaseFutureTests and DoneCallbackTests. */
class FutureTest extends LoopTestBase {

    /** Port of test_futures.py BaseFutureTests.test_initial_state. */
    @Test
    void testInitialState() {
        Future<Object> f = loop.createFuture();
        assertFalse(f.cancelled());
        assertFalse(f.done());
        f.cancel();
        assertTrue(f.cancelled());
    }

    /** Port of test_futures.py BaseFutureTests.test_constructor_use_running_loop / get_loop. */
    @Test
    void testGetLoop() {
        Future<Object> f = new Future<>(loop);
        assertSame(loop, f.getLoop());
    }

    /** Port of test_futures.py BaseFutureTests.test_constructor_positional: a null loop is refused. */
    @Test
    void testConstructorWithoutLoop() {
        assertThrows(NullPointerException.class, () -> new Future<>(null));
    }

    /** Port of test_futures.py BaseFutureTests.test_cancel. */
    @Test
    void testCancel() {
        Future<Object> f = loop.createFuture();
        assertTrue(f.cancel());
        assertTrue(f.cancelled());
        assertTrue(f.done());
        assertThrows(CancelledError.class, f::result);
        assertThrows(CancelledError.class, f::exception);
        assertThrows(InvalidStateError.class, () -> f.setResult(null));
        assertThrows(InvalidStateError.class, () -> f.setException(new RuntimeException()));
        assertFalse(f.cancel());
    }

    /** Port of test_futures.py BaseFutureTests.test_result. */
    @Test
    void testResult() {
        Future<Integer> f = loop.createFuture();
        InvalidStateError e = assertThrows(InvalidStateError.class, f::result);
        assertEquals("Result is not ready.", e.getMessage());
        f.setResult(42);
        assertFalse(f.cancelled());
        assertTrue(f.done());
        assertEquals(42, f.result());
        assertNull(f.exception());
        assertThrows(InvalidStateError.class, () -> f.setResult(null));
        assertThrows(InvalidStateError.class, () -> f.setException(new RuntimeException()));
        assertFalse(f.cancel());
    }

    /** Port of test_futures.py BaseFutureTests.test_exception. */
    @Test
    void testException() {
        RuntimeException exc = new RuntimeException("boom");
        Future<Integer> f = loop.createFuture();
        assertEquals("Exception is not set.", assertThrows(InvalidStateError.class, f::exception).getMessage());
        f.setException(exc);
        assertFalse(f.cancelled());
        assertTrue(f.done());
        assertSame(exc, assertThrows(RuntimeException.class, f::result));
        assertSame(exc, f.exception());
        assertThrows(InvalidStateError.class, () -> f.setResult(null));
        assertThrows(InvalidStateError.class, () -> f.setException(new RuntimeException()));
        assertFalse(f.cancel());
    }

    /** Port of test_futures.py BaseFutureTests.test_result_with_exception: a checked exception comes out unwrapped. */
    @Test
    void testResultWithCheckedException() {
        IOException exc = new IOException("disk");
        Future<Integer> f = loop.createFuture();
        f.setException(exc);
        Throwable thrown = assertThrows(IOException.class, f::result);
        assertSame(exc, thrown);
    }

    /** Port of test_futures.py BaseFutureTests.test_cancel_message_getter / test_future_cancel_message_getter. */
    @Test
    void testCancelMessage() {
        Future<Object> f = loop.createFuture();
        f.cancel("my message");
        CancelledError e = assertThrows(CancelledError.class, f::result);
        assertEquals("my message", e.getMessage());
        assertSame(e, assertThrows(CancelledError.class, f::exception), "made once");
    }

    /** Port of test_futures.py BaseFutureTests.test_future_cancel_message_setter: a second cancel keeps the first. */
    @Test
    void testCancelMessageSecondCancel() {
        Future<Object> f = loop.createFuture();
        f.cancel("first");
        assertFalse(f.cancel("second"));
        assertEquals("first", assertThrows(CancelledError.class, f::result).getMessage());
    }

    /** Port of test_futures.py BaseFutureTests.test_exception_class: any Throwable is kept as it is. */
    @Test
    void testExceptionClass() {
        Future<Object> f = loop.createFuture();
        Error err = new AssertionError("an Error");
        f.setException(err);
        assertSame(err, f.exception());
        assertSame(err, assertThrows(AssertionError.class, f::result));
    }

    /** Port of test_futures.py BaseFutureTests.test_future_repr. */
    @Test
    void testFutureRepr() {
        Future<Object> pending = loop.createFuture();
        assertEquals("<Future pending>", pending.toString());
        Future<Object> cancelled = loop.createFuture();
        cancelled.cancel();
        assertEquals("<Future cancelled>", cancelled.toString());
        Future<Object> finished = loop.createFuture();
        finished.setResult(4);
        assertEquals("<Future finished result=4>", finished.toString());
        Future<Object> failed = loop.createFuture();
        failed.setException(new RuntimeException("x"));
        assertEquals("<Future finished exception=java.lang.RuntimeException: x>", failed.toString());
    }

    /** Port of test_futures.py BaseFutureTests.test_future_exception_never_retrieved flag: set, then cleared. */
    @Test
    void testExceptionNeverRetrievedFlag() {
        Future<Object> f = loop.createFuture();
        f.setException(new RuntimeException());
        assertTrue(f.exceptionNeverRetrieved());
        f.exception();
        assertFalse(f.exceptionNeverRetrieved());
        Future<Object> g = loop.createFuture();
        g.setException(new RuntimeException());
        assertThrows(RuntimeException.class, g::result);
        assertFalse(g.exceptionNeverRetrieved());
    }

    // ------------------------------------------------------------------ DoneCallbackTests

    private Future<String> makeCallbackFuture(List<Integer> bag, int... ids) {
        Future<String> f = loop.createFuture();
        for (int id : ids) {
            f.addDoneCallback(x -> bag.add(id));
        }
        return f;
    }

    /** Port of test_futures.py DoneCallbackTests.test_callbacks_invoked_on_set_result. */
    @Test
    void testCallbacksInvokedOnSetResult() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = makeCallbackFuture(bag, 42, 17);
        assertTrue(bag.isEmpty());
        f.setResult("foo");
        assertTrue(bag.isEmpty(), "callbacks are scheduled, never called inline");
        runOnce();
        assertEquals(List.of(42, 17), bag);
        assertEquals("foo", f.result());
    }

    /** Port of test_futures.py DoneCallbackTests.test_callbacks_invoked_on_set_exception. */
    @Test
    void testCallbacksInvokedOnSetException() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = makeCallbackFuture(bag, 100);
        RuntimeException exc = new RuntimeException();
        f.setException(exc);
        runOnce();
        assertEquals(List.of(100), bag);
        assertSame(exc, f.exception());
    }

    /** Port of test_futures.py DoneCallbackTests.test_callbacks_invoked_on_cancel. */
    @Test
    void testCallbacksInvokedOnCancel() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = makeCallbackFuture(bag, 1, 2);
        f.cancel();
        runOnce();
        assertEquals(List.of(1, 2), bag);
    }

    /** Port of test_futures.py DoneCallbackTests.test_remove_done_callback. */
    @Test
    void testRemoveDoneCallback() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> cb1 = x -> bag.add(1);
        Consumer<Future<String>> cb2 = x -> bag.add(2);
        Consumer<Future<String>> cb3 = x -> bag.add(3);
        f.addDoneCallback(cb1);
        f.addDoneCallback(cb2);
        f.addDoneCallback(cb3);
        f.addDoneCallback(cb1); // twice

        assertEquals(2, f.removeDoneCallback(cb1), "removes every instance");
        assertEquals(0, f.removeDoneCallback(cb1));
        f.setResult("foo");
        runOnce();
        assertEquals(List.of(2, 3), bag);
    }

    /** Removing a callback that is not there, or null, removes nothing, whatever the future holds. */
    @Test
    void testRemoveDoneCallbackAbsent() {
        Future<String> f = loop.createFuture();
        assertEquals(0, f.removeDoneCallback(null));
        assertEquals(0, f.removeDoneCallback(x -> { }));
        Consumer<Future<String>> cb = x -> { };
        f.addDoneCallback(cb);
        f.addDoneCallback(x -> { });
        assertEquals(1, f.removeDoneCallback(cb));
        assertEquals(0, f.removeDoneCallback(null), "the emptied first slot is no callback");
        f.setResult("x");
        assertEquals(0, f.removeDoneCallback(cb));
        runOnce();
    }

    /** Port of test_futures.py DoneCallbackTests.test_remove_done_callbacks_list_clear. */
    @Test
    void testRemoveDoneCallbacksAll() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> cb = x -> bag.add(1);
        for (int i = 0; i < 5; i++) {
            f.addDoneCallback(cb);
        }
        assertEquals(5, f.removeDoneCallback(cb));
        f.setResult("x");
        runOnce();
        assertTrue(bag.isEmpty());
    }

    /** Port of test_futures.py BaseFutureTests.test_future_add_done_callback on a done future: scheduled at once. */
    @Test
    void testAddDoneCallbackOnDoneFuture() {
        List<String> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        f.setResult("r");
        runOnce();
        f.addDoneCallback(x -> bag.add(x.result()));
        assertTrue(bag.isEmpty(), "not inline, even when done");
        runOnce();
        assertEquals(List.of("r"), bag);
    }

    /** Port of test_futures.py DoneCallbackTests.test_callbacks_remove_first_and_second_callback... : order kept. */
    @Test
    void testCallbacksOrderAfterRemovals() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        List<Consumer<Future<String>>> cbs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int id = i;
            Consumer<Future<String>> cb = x -> bag.add(id);
            cbs.add(cb);
            f.addDoneCallback(cb);
        }
        f.removeDoneCallback(cbs.get(0));
        f.removeDoneCallback(cbs.get(3));
        f.setResult("done");
        runOnce();
        assertEquals(List.of(1, 2, 4, 5), bag);
    }

    /** A done callback that throws goes to the exception handler; the other callbacks still run. */
    @Test
    void testCallbackExceptionGoesToHandler() {
        expectExceptions();
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> {
            throw new IllegalStateException("callback bug");
        });
        f.addDoneCallback(x -> bag.add(2));
        f.setResult("x");
        runOnce();
        assertEquals(List.of(2), bag);
        assertEquals(1, handled.size());
        assertEquals("callback bug", handled.get(0).exception().getMessage());
    }

    /** Port of test_futures.py BaseFutureTests.test_future_repr, the callback part: cb=[first, &lt;n more&gt;, last]. */
    @Test
    void testFutureReprCallbacks() {
        Future<Object> one = loop.createFuture();
        one.addDoneCallback(new FirstCb());
        assertEquals("<Future pending cb=[" + FirstCb.class.getName() + "]>", one.toString());
        one.cancel();
        assertEquals("<Future cancelled>", one.toString());

        Future<Object> two = loop.createFuture();
        two.addDoneCallback(new FirstCb());
        two.addDoneCallback(new LastCb());
        assertEquals("<Future pending cb=[" + FirstCb.class.getName() + ", " + LastCb.class.getName() + "]>",
                two.toString());

        Future<Object> many = loop.createFuture();
        many.addDoneCallback(new FirstCb());
        for (int i = 0; i < 8; i++) {
            many.addDoneCallback(x -> { });
        }
        many.addDoneCallback(new LastCb());
        assertEquals("<Future pending cb=[" + FirstCb.class.getName() + ", <8 more>, " + LastCb.class.getName()
                + "]>", many.toString());
        many.cancel();
        runOnce();
    }

    /** A done callback with a plain name, as asyncio's first_cb. */
    private static final class FirstCb implements Consumer<Future<Object>> {
        @Override
        public void accept(Future<Object> f) {
        }
    }

    /** A done callback with a plain name, as asyncio's last_cb. */
    private static final class LastCb implements Consumer<Future<Object>> {
        @Override
        public void accept(Future<Object> f) {
        }
    }

    /** The InvalidStateError of a second completion names the state and the future, as asyncio's does. */
    @Test
    void testInvalidStateErrorMessages() {
        Future<Integer> finished = loop.createFuture();
        finished.setResult(1);
        assertEquals("FINISHED: <Future finished result=1>",
                assertThrows(InvalidStateError.class, () -> finished.setResult(2)).getMessage());
        Future<Integer> cancelled = loop.createFuture();
        cancelled.cancel();
        assertEquals("CANCELLED: <Future cancelled>",
                assertThrows(InvalidStateError.class, () -> cancelled.setException(new RuntimeException()))
                        .getMessage());
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_not_called_after_cancel: cancel() clears the flag. */
    @Test
    void testTbLoggerNotCalledAfterCancel() {
        Future<Object> f = loop.createFuture();
        f.setException(new RuntimeException());
        assertTrue(f.exceptionNeverRetrieved());
        assertFalse(f.cancel());
        assertFalse(f.exceptionNeverRetrieved());
    }

    /** Port of test_futures.py BaseFutureTests.test_tb_logger_result_unretrieved: a result is never reported. */
    @Test
    void testTbLoggerResultUnretrieved() {
        Future<Object> f = loop.createFuture();
        f.setResult(42);
        assertFalse(f.exceptionNeverRetrieved());
    }

    /** Port of test_futures.py DoneCallbackTests.test_callbacks_remove_first_callback. */
    @Test
    void testCallbacksRemoveFirstCallback() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> cb1 = x -> bag.add(42);
        f.addDoneCallback(cb1);
        f.addDoneCallback(x -> bag.add(17));
        f.addDoneCallback(x -> bag.add(100));
        assertEquals(1, f.removeDoneCallback(cb1));
        assertEquals(0, f.removeDoneCallback(cb1));
        f.setResult("foo");
        runOnce();
        assertEquals(List.of(17, 100), bag);
        assertEquals("foo", f.result());
    }

    /** Port of test_futures.py DoneCallbackTests.test_callbacks_remove_third_callback. */
    @Test
    void testCallbacksRemoveThirdCallback() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> cb3 = x -> bag.add(100);
        f.addDoneCallback(x -> bag.add(42));
        f.addDoneCallback(x -> bag.add(17));
        f.addDoneCallback(cb3);
        f.removeDoneCallback(cb3);
        f.removeDoneCallback(cb3);
        f.setResult("foo");
        runOnce();
        assertEquals(List.of(42, 17), bag);
    }

    /** Callbacks added after some were removed, the first one among them, keep the order in which they were added. */
    @Test
    void testCallbacksAddAfterRemovingFirst() {
        List<Integer> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> cb1 = x -> bag.add(1);
        f.addDoneCallback(cb1);
        f.addDoneCallback(x -> bag.add(2));
        f.removeDoneCallback(cb1);
        f.addDoneCallback(x -> bag.add(3));
        f.addDoneCallback(cb1);
        f.setResult("foo");
        runOnce();
        assertEquals(List.of(2, 3, 1), bag);
    }

    /** Port of test_futures.py DoneCallbackTests.test_schedule_callbacks_list_mutation_1: a callback removes others. */
    @Test
    void testScheduleCallbacksListMutation1() {
        List<String> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> str = x -> bag.add("str");
        f.addDoneCallback(x -> assertEquals(0, x.removeDoneCallback(str), "already scheduled: nothing to remove"));
        f.addDoneCallback(str);
        f.addDoneCallback(str);
        f.setResult("x");
        runOnce();
        assertEquals(List.of("str", "str"), bag);
    }

    /** runUntilComplete on a future cancelled with a message raises CancelledError with that message. */
    @Test
    void testRunUntilCompleteCancelled() {
        Future<Object> f = loop.createFuture();
        loop.callSoon(() -> f.cancel("my message"));
        assertEquals("my message", assertThrows(CancelledError.class, () -> loop.runUntilComplete(f)).getMessage());
    }

    /** A done callback added from a done callback still waits for the next iteration. */
    @Test
    void testAddDoneCallbackFromDoneCallback() {
        List<String> bag = new ArrayList<>();
        Future<String> f = loop.createFuture();
        f.addDoneCallback(x -> {
            bag.add("first");
            x.addDoneCallback(y -> bag.add("added late"));
        });
        f.setResult("r");
        runOnce();
        assertEquals(List.of("first"), bag);
        runOnce();
        assertEquals(List.of("first", "added late"), bag);
    }
}
