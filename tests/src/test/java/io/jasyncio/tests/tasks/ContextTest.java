/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static io.jasyncio.Asyncio.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Context;
import io.jasyncio.ContextVar;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import io.jasyncio.TaskFactory;
import io.jasyncio.tests.LoopTestBase;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Context} as contextvars.Context: ports of test_tasks.py's context-argument tests, of
 * test_asyncio/test_context.py, and of test_context.py's {@code Context.run} and copy cases.
 */
class ContextTest extends LoopTestBase {

    private static Coroutine<Object> setAfterYield(ContextVar<Integer> cvar, int val) {
        return () -> {
            Asyncio.sleep(0);
            cvar.set(val);
            return null;
        };
    }

    /** Port of test_tasks.py BaseTaskTests.test_context_4: loop.create_task(coro, context=ctx) runs in ctx itself. */
    @Test
    void testContext4() {
        ContextVar<Integer> cvar = new ContextVar<>("cvar");
        List<Integer> ret = run(() -> {
            List<Integer> seen = new ArrayList<>();
            Context ctx = Context.copyContext();
            seen.add(ctx.get(cvar));
            await(loop.createTask(setAfterYield(cvar, 1), null, ctx));
            seen.add(ctx.get(cvar));
            await(loop.createTask(setAfterYield(cvar, 2), null, ctx));
            seen.add(ctx.get(cvar));
            return seen;
        });
        assertEquals(Arrays.asList(null, 1, 2), ret);
    }

    /** Port of test_tasks.py BaseTaskTests.test_context_5: asyncio.create_task(coro, context=ctx). */
    @Test
    void testContext5() {
        ContextVar<Integer> cvar = new ContextVar<>("cvar");
        List<Integer> ret = run(() -> {
            List<Integer> seen = new ArrayList<>();
            Context ctx = Context.copyContext();
            seen.add(ctx.get(cvar));
            await(Asyncio.createTask(setAfterYield(cvar, 1), null, ctx));
            seen.add(ctx.get(cvar));
            await(Asyncio.createTask(setAfterYield(cvar, 2), null, ctx));
            seen.add(ctx.get(cvar));
            return seen;
        });
        assertEquals(Arrays.asList(null, 1, 2), ret);
    }

    /** Port of test_tasks.py BaseTaskTests.test_context_6: the same with eager tasks (the first step runs at once). */
    @Test
    void testContext6() {
        ContextVar<Integer> cvar = new ContextVar<>("cvar");
        loop.setTaskFactory(TaskFactory.EAGER);
        List<Integer> ret = run(() -> {
            List<Integer> seen = new ArrayList<>();
            Context ctx = Context.copyContext();
            seen.add(ctx.get(cvar));
            await(loop.createTask(() -> {
                cvar.set(1); // before the first suspension: runs inside createTask
                return null;
            }, null, ctx));
            seen.add(ctx.get(cvar));
            await(loop.createTask(setAfterYield(cvar, 2), null, ctx));
            seen.add(ctx.get(cvar));
            return seen;
        });
        assertEquals(Arrays.asList(null, 1, 2), ret);
    }

    /** Port of test_tasks.py BaseTaskTests.test_get_context: the task's context is the one it was given. */
    @Test
    void testGetContext() {
        Context context = Context.copyContext();
        Task<Object> task = loop.createTask(() -> null, null, context);
        runUntilDone(task);
        assertSame(context, task.getContext());
    }

    /** A task made without a context gets a copy of its creator's, not the creator's own. */
    @Test
    void testTaskContextIsACopy() {
        ContextVar<String> cvar = new ContextVar<>("cvar");
        run(() -> {
            cvar.set("parent");
            Task<Object> child = Asyncio.createTask(() -> null);
            assertFalse(child.getContext() == Asyncio.currentTask().getContext());
            assertEquals("parent", child.getContext().get(cvar));
            return null;
        });
    }

    /**
     * Port of test_asyncio/test_context.py DecimalContextTest.test_asyncio_task_decimal_context, with a context
     * variable holding a {@link MathContext} where Python's decimal module keeps its own.
     */
    @Test
    void testAsyncioTaskDecimalContext() {
        ContextVar<MathContext> decimalContext = new ContextVar<>("decimal", MathContext.DECIMAL128);
        List<List<BigDecimal>> results = run(() -> {
            Coroutine<List<BigDecimal>> r1 = fractions(decimalContext, 0.1, 3, 1, 3);
            Coroutine<List<BigDecimal>> r2 = fractions(decimalContext, 0.2, 6, 1, 3);
            return await(Asyncio.gather(Arrays.asList(Asyncio.createTask(r1), Asyncio.createTask(r2))));
        });
        assertEquals("0.333", results.get(0).get(0).toString());
        assertEquals("0.111", results.get(0).get(1).toString());
        assertEquals("0.333333", results.get(1).get(0).toString());
        assertEquals("0.111111", results.get(1).get(1).toString());
    }

    private static Coroutine<List<BigDecimal>> fractions(ContextVar<MathContext> decimalContext, double t,
            int precision, int x, int y) {
        return () -> {
            decimalContext.set(new MathContext(precision));
            BigDecimal a = BigDecimal.valueOf(x).divide(BigDecimal.valueOf(y), decimalContext.get());
            Asyncio.sleep(t);
            BigDecimal b = BigDecimal.valueOf(x).divide(BigDecimal.valueOf((long) y * y), decimalContext.get());
            return List.of(a, b);
        };
    }

    /** Port of test_context.py ContextTest.test_context_run_1: run returns the function's result. */
    @Test
    void testContextRun1() {
        Context ctx = new Context();
        assertEquals(42, ctx.run(() -> 42));
    }

    /** Port of test_context.py ContextTest.test_context_run_3: the function's exception comes out of run. */
    @Test
    void testContextRun3() {
        Context ctx = new Context();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ctx.run(() -> {
            throw new IllegalArgumentException("1");
        }));
        assertEquals("1", e.getMessage());
    }

    /** Port of test_context.py ContextTest.test_context_run_4: what run sets stays in its context, nested or not. */
    @Test
    void testContextRun4() {
        Context ctx1 = new Context();
        Context ctx2 = new Context();
        ContextVar<String> var = new ContextVar<>("var");
        ctx1.run(() -> {
            assertFalse(ctx1.containsKey(var));
            var.set("spam");
            assertEquals("spam", ctx1.get(var));
            assertEquals(1, ctx1.size());
            ctx2.run(() -> {
                assertFalse(ctx2.containsKey(var));
                assertEquals("default", var.get("default"));
                var.set("ham");
                assertEquals("ham", var.get());
            });
            assertEquals("spam", var.get());
        });
        assertEquals("spam", ctx1.get(var));
        assertEquals("ham", ctx2.get(var));
        assertEquals(java.util.Set.of(var), ctx1.vars());
        assertFalse(Context.copyContext().containsKey(var), "the thread's own context did not change");
    }

    /** Port of test_context.py ContextTest.test_context_run_5: a context cannot be entered twice. */
    @Test
    void testContextRun5() {
        Context ctx = new Context();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ctx.run(() -> ctx.run(() -> 1)));
        assertTrue(e.getMessage().startsWith("cannot enter context"), e.getMessage());
    }

    /** Port of test_context.py ContextTest.test_context_copy_1: a copy sees the values, and not later sets. */
    @Test
    void testContextCopy1() {
        ContextVar<String> var = new ContextVar<>("a");
        Context ctx1 = new Context();
        ctx1.run(() -> var.set("a"));
        Context ctx2 = ctx1.copy();
        assertEquals("a", ctx2.get(var));
        ctx2.run(() -> var.set("b"));
        assertEquals("a", ctx1.get(var));
        assertEquals("b", ctx2.get(var));
    }

    /** A token made in one context is refused by reset in another (test_context.py test_context_var_reset_3). */
    @Test
    void testContextVarReset3() {
        ContextVar<String> var = new ContextVar<>("a");
        ContextVar.Token<String> token = new Context().run(() -> var.set("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Context().run(() -> var.reset(token)));
        assertEquals("Token was created in a different Context", e.getMessage());
    }

    /** loop.call_soon(cb, context=ctx): the callback runs inside ctx; what it sets stays there. */
    @Test
    void testCallSoonWithContext() {
        ContextVar<String> cvar = new ContextVar<>("cvar");
        Context ctx = new Context();
        ctx.run(() -> cvar.set("in ctx"));
        List<String> seen = new ArrayList<>();
        loop.callSoon(() -> {
            seen.add(cvar.get("unset"));
            cvar.set("changed");
        }, ctx);
        loop.callSoon(() -> seen.add(cvar.get("unset")));
        runOnce();
        assertEquals(List.of("in ctx", "unset"), seen);
        assertEquals("changed", ctx.get(cvar));
    }

    /** loop.call_later and loop.call_at with a context. */
    @Test
    void testCallLaterAndCallAtWithContext() {
        ContextVar<String> cvar = new ContextVar<>("cvar");
        Context later = new Context();
        later.run(() -> cvar.set("later"));
        Context at = new Context();
        at.run(() -> cvar.set("at"));
        List<String> seen = new ArrayList<>();
        loop.callLater(0.5, () -> seen.add(cvar.get()), later);
        loop.callAt(loop.time() + 1, () -> seen.add(cvar.get()), at);
        io.jasyncio.Future<Object> done = loop.createFuture();
        loop.callLater(2, () -> done.setResult(null));
        runUntilDone(done);
        assertEquals(List.of("later", "at"), seen);
    }

    /** loop.call_soon_threadsafe(cb, context=ctx) from another thread. */
    @Test
    void testCallSoonThreadsafeWithContext() throws InterruptedException {
        ContextVar<String> cvar = new ContextVar<>("cvar");
        Context ctx = new Context();
        ctx.run(() -> cvar.set("threadsafe"));
        String[] seen = {null};
        io.jasyncio.Future<Object> done = loop.createFuture();
        Thread t = new Thread(() -> loop.callSoonThreadsafe(() -> {
            seen[0] = cvar.get();
            done.setResult(null);
        }, ctx));
        t.start();
        t.join();
        loop.runUntilComplete(done);
        assertEquals("threadsafe", seen[0]);
        assertNull(Context.copyContext().get(cvar));
    }
}
