/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static io.jasyncio.Asyncio.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jasyncio.Asyncio;
import io.jasyncio.ContextVar;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Per-task context (asyncio's contextvars): ports of test_tasks.py's context tests. */
class ContextVarTest extends LoopTestBase {

    /** Port of test_tasks.py BaseTaskTests.test_context_1: each task sees its own value across awaits. */
    @Test
    void testContext1() {
        ContextVar<Integer> cvar = new ContextVar<>("cvar", -1);
        List<String> seen = new ArrayList<>();
        run(() -> {
            List<Task<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                tasks.add(Asyncio.createTask(() -> {
                    cvar.set(n);
                    Asyncio.sleep(0.01 * (3 - n));
                    seen.add(n + "=" + cvar.get());
                    return null;
                }));
            }
            for (Task<Object> t : tasks) {
                await(t);
            }
            seen.add("main=" + cvar.get());
            return null;
        });
        assertEquals(List.of("2=2", "1=1", "0=0", "main=-1"), seen);
    }

    /** Port of test_tasks.py BaseTaskTests.test_context_2: a task starts with a copy of its creator's context. */
    @Test
    void testContext2() {
        ContextVar<String> cvar = new ContextVar<>("cvar");
        List<String> seen = new ArrayList<>();
        run(() -> {
            cvar.set("parent");
            Task<Object> child = Asyncio.createTask(() -> {
                seen.add("child sees " + cvar.get());
                cvar.set("child");
                return null;
            });
            await(child);
            seen.add("parent still " + cvar.get());
            return null;
        });
        assertEquals(List.of("child sees parent", "parent still parent"), seen);
    }

    /** ContextVar.reset restores the previous value; an unset variable without default raises. */
    @Test
    void testResetAndLookupError() {
        ContextVar<String> cvar = new ContextVar<>("unset");
        run(() -> {
            assertThrows(NoSuchElementException.class, cvar::get);
            assertEquals("fallback", cvar.get("fallback"));
            ContextVar.Token<String> t1 = cvar.set("a");
            ContextVar.Token<String> t2 = cvar.set("b");
            assertEquals("b", cvar.get());
            cvar.reset(t2);
            assertEquals("a", cvar.get());
            cvar.reset(t1);
            assertThrows(NoSuchElementException.class, cvar::get);
            return null;
        });
    }

    /** Port of test_tasks.py BaseTaskTests.test_context_3: many tasks interleave, each sees only its own value. */
    @Test
    void testContext3() {
        ContextVar<Integer> cvar = new ContextVar<>("cvar", -1);
        java.util.Random random = new java.util.Random(42);
        Task<Object> main = loop.createTask(() -> {
            List<Task<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int num = random.nextInt(11);
                double[] delays = new double[10];
                for (int k = 0; k < delays.length; k++) {
                    delays[k] = 0.001 + random.nextDouble() * 0.049;
                }
                tasks.add(loop.createTask(() -> {
                    for (int k = 0; k < 10; k++) {
                        cvar.set(num + k);
                        Asyncio.sleep(delays[k]);
                        assertEquals(num + k, cvar.get());
                    }
                    return null;
                }));
            }
            return await(Asyncio.gather(tasks));
        });
        runUntilDone(main);
        main.result();
        assertEquals(-1, cvar.get());
    }

    /** A token resets once: asyncio's "Token has already been used once". */
    @Test
    void testTokenUsedOnce() {
        ContextVar<String> var = new ContextVar<>("var", "default");
        String r = run(() -> {
            ContextVar.Token<String> token = var.set("a");
            var.reset(token);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> var.reset(token));
            assertEquals("Token has already been used once", e.getMessage());
            return var.get();
        });
        assertEquals("default", r);
    }

    /** A token made in one task cannot reset the variable in another: "Token was created in a different Context". */
    @Test
    void testTokenFromDifferentContext() {
        ContextVar<String> var = new ContextVar<>("var");
        String r = run(() -> {
            ContextVar.Token<String> token = var.set("parent");
            Task<Object> child = Asyncio.createTask(() -> {
                var.reset(token);
                return null;
            });
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> await(child));
            assertEquals("Token was created in a different Context", e.getMessage());
            return var.get();
        });
        assertEquals("parent", r);
    }

    /** A token made by another variable is refused. */
    @Test
    void testTokenOfAnotherVariable() {
        ContextVar<String> a = new ContextVar<>("a");
        ContextVar<String> b = new ContextVar<>("b");
        run(() -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            ContextVar.Token<String> token = (ContextVar.Token) a.set("x");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.reset(token));
            assertEquals("Token was created by a different ContextVar", e.getMessage());
            return null;
        });
    }

    /** Values set in a task do not leak into callbacks or code outside tasks. */
    @Test
    void testTaskValuesStayInTheTask() {
        ContextVar<String> var = new ContextVar<>("var", "outside");
        String[] inCallback = {null};
        run(() -> {
            var.set("inside");
            loop.callSoon(() -> inCallback[0] = var.get());
            Asyncio.sleep(0);
            return null;
        });
        assertEquals("outside", var.get());
        assertEquals("outside", inCallback[0]);
    }
}
