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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.ExceptionGroup;
import io.jasyncio.Task;
import io.jasyncio.TaskGroup;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of CPython's test_taskgroups.py TestTaskGroup. */
class TaskGroupTest extends LoopTestBase {

    /** Port of test_taskgroups.py TestTaskGroup.test_taskgroup_01: the body's tasks are awaited. */
    @Test
    void testTaskgroup01() {
        List<Task<Integer>> tasks = run(() -> TaskGroup.run(g -> {
            Task<Integer> t1 = g.createTask(() -> Asyncio.sleep(0.1, 42));
            Task<Integer> t2 = g.createTask(() -> Asyncio.sleep(0.2, 11));
            return List.of(t1, t2);
        }));
        assertEquals(42, tasks.get(0).result());
        assertEquals(11, tasks.get(1).result());
    }

    /** Port of test_taskgroups.py TestTaskGroup.test_taskgroup_03: a task created while others run. */
    @Test
    void testTaskgroup03() {
        int r = run(() -> TaskGroup.run(g -> {
            Task<Integer> t1 = g.createTask(() -> Asyncio.sleep(0.1, 1));
            Asyncio.sleep(0.05);
            Task<Integer> t2 = g.createTask(() -> Asyncio.sleep(0.1, 2));
            return t1.hashCode() == 0 ? 0 : 3;
        }));
        assertEquals(3, r);
    }

    /** Port of test_taskgroups.py TestTaskGroup.test_taskgroup_05: a failing child cancels the others. */
    @Test
    void testTaskgroup05() {
        List<String> events = new ArrayList<>();
        IllegalArgumentException boom = new IllegalArgumentException("zero division");
        Task<Object> t = loop.createTask(() -> TaskGroup.run(g -> {
            g.createTask(() -> {
                try {
                    Asyncio.sleep(10);
                } catch (CancelledError e) {
                    events.add("sibling cancelled");
                    throw e;
                }
                return null;
            });
            g.createTask(() -> {
                Asyncio.sleep(0.1);
                throw boom;
            });
            Asyncio.sleep(10);
            events.add("body never finishes its sleep");
            return null;
        }));
        runUntilDone(t);
        ExceptionGroup eg = assertInstanceOf(ExceptionGroup.class, t.exception());
        assertEquals(List.of(boom), eg.exceptions());
        assertEquals(List.of("sibling cancelled"), events);
        assertTrue(eg.getMessage().startsWith("unhandled errors in a TaskGroup"));
    }

    /** Port of test_taskgroups.py TestTaskGroup.test_taskgroup_07: several failures come out together. */
    @Test
    void testTaskgroup07() {
        Task<Object> t = loop.createTask(() -> TaskGroup.run(g -> {
            g.createTask(() -> {
                Asyncio.sleep(0.1);
                throw new IllegalStateException("one");
            });
            g.createTask(() -> {
                Asyncio.sleep(0.1);
                throw new IllegalArgumentException("two");
            });
            return null;
        }));
        runUntilDone(t);
        ExceptionGroup eg = assertInstanceOf(ExceptionGroup.class, t.exception());
        assertEquals(2, eg.exceptions().size());
        assertEquals(2, eg.getSuppressed().length);
    }

    /** Port of test_taskgroups.py TestTaskGroup.test_taskgroup_08: the body fails, the children are cancelled. */
    @Test
    void testTaskgroup08() {
        List<String> events = new ArrayList<>();
        IllegalStateException bodyError = new IllegalStateException("body");
        Task<Object> t = loop.createTask(() -> TaskGroup.run(g -> {
            g.createTask(() -> {
                try {
                    Asyncio.sleep(10);
                } catch (CancelledError e) {
                    events.add("child cancelled");
                    throw e;
                }
                return null;
            });
            Asyncio.sleep(0.1);
            throw bodyError;
        }));
        runUntilDone(t);
        ExceptionGroup eg = assertInstanceOf(ExceptionGroup.class, t.exception());
        assertEquals(List.of(bodyError), eg.exceptions());
        assertEquals(List.of("child cancelled"), events);
    }

    /** Port of test_taskgroups.py TestTaskGroup.test_taskgroup_11: the parent cancelled from outside. */
    @Test
    void testTaskgroup11() {
        List<String> events = new ArrayList<>();
        Task<Object> t = loop.createTask(() -> TaskGroup.run(g -> {
            g.createTask(() -> {
                try {
                    Asyncio.sleep(10);
                } catch (CancelledError e) {
                    events.add("child cancelled");
                    throw e;
                }
                return null;
            });
            Asyncio.sleep(10);
            return null;
        }));
        runOnce();
        runOnce();
        t.cancel();
        runUntilDone(t);
        assertTrue(t.cancelled(), "an outside cancellation stays a CancelledError");
        assertEquals(List.of("child cancelled"), events);
    }

    /** Port of test_taskgroups.py TestTaskGroup.test_taskgroup_15: a child failing while the body awaits. */
    @Test
    void testTaskgroup15() {
        Task<Object> t = loop.createTask(() -> TaskGroup.run(g -> {
            g.createTask(() -> {
                Asyncio.sleep(0.3);
                throw new IllegalStateException("late failure");
            });
            Asyncio.sleep(10);
            return "never";
        }));
        runUntilDone(t);
        assertInstanceOf(ExceptionGroup.class, t.exception());
        assertEquals(0.3, loop.time(), 1e-6, "the failure ends the body's sleep early");
    }

    /** Port of test_taskgroups.py TestTaskGroup.test_taskgroup_21: create_task after the group is finished. */
    @Test
    void testTaskgroupFinished() {
        TaskGroup[] kept = new TaskGroup[1];
        run(() -> TaskGroup.run(g -> {
            kept[0] = g;
            return null;
        }));
        Task<Object> t = loop.createTask(() -> kept[0].createTask(() -> 1));
        runUntilDone(t);
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, t.exception());
        assertTrue(e.getMessage().endsWith("is finished"), e.getMessage());
    }

    /** Port of test_taskgroups.py TestTaskGroup.test_taskgroup_23: many quick children. */
    @Test
    void testTaskgroup23() {
        int[] done = {0};
        run(() -> TaskGroup.run(g -> {
            for (int i = 0; i < 100; i++) {
                g.createTask(() -> {
                    Asyncio.sleep(0.01);
                    done[0]++;
                    return null;
                });
            }
            return null;
        }));
        assertEquals(100, done[0]);
    }

    /** Port of test_taskgroups.py TestTaskGroup.test_taskgroup_cancel_children_on_child_error + result of the body. */
    @Test
    void testTaskgroupResultOfBody() {
        assertEquals("body result", run(() -> TaskGroup.run(g -> {
            Task<Integer> child = g.createTask(() -> 5);
            assertSame(5, await(child));
            return "body result";
        })));
    }

    /** Port of test_taskgroups.py TestTaskGroup.test_taskgroup_no_parent: outside a task. */
    @Test
    void testTaskgroupOutsideTask() {
        assertThrows(IllegalStateException.class, () -> TaskGroup.run(g -> null));
    }

    /** An error of the tests' own: asyncio's KeyboardInterrupt, thrown where the JVM would throw a fatal error. */
    static final class KeyboardInterrupt extends Error {
        private static final long serialVersionUID = 1L;

        KeyboardInterrupt() {
            super("keyboard interrupt");
        }
    }

    /**
     * Port of test_taskgroups.py TestTaskGroup.test_taskgroup_20: the body raises a fatal error (in a finally, while
     * a child's failure cancels it); the group lets the error out as itself, not in an ExceptionGroup, and the loop
     * lets it out of runUntilComplete.
     */
    @Test
    void testTaskgroup20() {
        KeyboardInterrupt interrupt = new KeyboardInterrupt();
        Task<Object> runner = loop.createTask(() -> TaskGroup.run(g -> {
            g.createTask(() -> {
                Asyncio.sleep(0.1);
                throw new ArithmeticException("/ by zero");
            });
            try {
                Asyncio.sleep(10);
            } catch (CancelledError e) { // the original raises in a finally, replacing the CancelledError
                throw interrupt;
            }
            return null;
        }));
        assertSame(interrupt, assertThrows(KeyboardInterrupt.class, () -> runUntilDone(runner)));
        assertSame(interrupt, runner.exception());
        assertTrue(handled.isEmpty());
    }

    /**
     * Port of test_taskgroups.py TestTaskGroup._test_taskgroup_21, which CPython leaves disabled ("KeyboardInterrupt
     * ... cause[s] the event loop itself to crash"): a child raises the fatal error, the body an ordinary one while
     * cancelled. The child's error leaves the loop first, as any task's; run again, the group rethrows it as itself.
     */
    @Test
    void testTaskgroup21() {
        KeyboardInterrupt interrupt = new KeyboardInterrupt();
        Task<Object> runner = loop.createTask(() -> TaskGroup.run(g -> {
            g.createTask(() -> {
                Asyncio.sleep(0.1);
                throw interrupt;
            });
            try {
                Asyncio.sleep(10);
            } catch (CancelledError e) {
                throw new IllegalArgumentException("type error");
            }
            return null;
        }));
        assertSame(interrupt, assertThrows(KeyboardInterrupt.class, () -> runUntilDone(runner)));
        assertFalse(runner.done());
        assertSame(interrupt, assertThrows(KeyboardInterrupt.class, () -> runUntilDone(runner)));
        assertSame(interrupt, runner.exception());
        assertTrue(handled.isEmpty());
    }

    /** A fatal error raised directly in the body cancels the children and leaves the group as itself. */
    @Test
    void testTaskgroupBaseErrorInBodyCancelsChildren() {
        KeyboardInterrupt interrupt = new KeyboardInterrupt();
        List<Task<Object>> children = new ArrayList<>();
        Task<Object> runner = loop.createTask(() -> TaskGroup.run(g -> {
            children.add(g.createTask(() -> Asyncio.sleep(10, null)));
            Asyncio.sleep(0);
            throw interrupt;
        }));
        assertSame(interrupt, assertThrows(KeyboardInterrupt.class, () -> runUntilDone(runner)));
        assertTrue(children.get(0).cancelled());
        assertTrue(loop.time() < 1, "the child did not run its 10 s");
    }

    /** A coroutine that sleeps, then throws what the supplier makes: test_taskgroups.py's raise_after. */
    private static io.jasyncio.Coroutine<Object> raiseAfter(double t, java.util.function.Supplier<RuntimeException> e) {
        return () -> {
            Asyncio.sleep(t);
            throw e.get();
        };
    }

    /**
     * Port of test_taskgroups.py BaseTestTaskGroup.test_cancelling_level_preserved: the group takes back its
     * cancellation of the parent after its children are done (3.12 order), also when the child fails while the group
     * waits at its exit.
     */
    @Test
    void testCancellingLevelPreserved() {
        run(() -> {
            assertThrows(ExceptionGroup.class, () -> TaskGroup.run(tg -> {
                tg.createTask(raiseAfter(0.0, IllegalStateException::new));
                return null;
            }));
            assertEquals(0, Asyncio.currentTask().cancelling());
            return null;
        });
    }

    /** Port of test_taskgroups.py BaseTestTaskGroup.test_nested_groups_both_cancelled. */
    @Test
    void testNestedGroupsBothCancelled() {
        run(() -> {
            ExceptionGroup outerError = assertThrows(ExceptionGroup.class, () -> TaskGroup.run(outer -> {
                ExceptionGroup innerError = assertThrows(ExceptionGroup.class, () -> TaskGroup.run(inner -> {
                    inner.createTask(raiseAfter(0, IllegalStateException::new));
                    outer.createTask(raiseAfter(0, IllegalArgumentException::new));
                    return null;
                }));
                assertInstanceOf(IllegalStateException.class, innerError.exceptions().get(0));
                assertEquals(1, Asyncio.currentTask().cancelling());
                return null;
            }));
            assertInstanceOf(IllegalArgumentException.class, outerError.exceptions().get(0));
            assertEquals(0, Asyncio.currentTask().cancelling());
            return null;
        });
    }

    /**
     * Port of test_taskgroups.py BaseTestTaskGroup.test_cancellation_does_not_leak_out_of_tg: after the group, the
     * parent is not cancelled at its next await.
     */
    @Test
    void testCancellationDoesNotLeakOutOfTg() {
        assertEquals("not cancelled", run(() -> {
            assertThrows(ExceptionGroup.class, () -> TaskGroup.run(tg -> {
                tg.createTask(() -> {
                    throw new IllegalStateException("my error");
                });
                return null;
            }));
            Asyncio.sleep(0);
            return "not cancelled";
        }));
    }

    /**
     * Port of test_taskgroups.py BaseTestTaskGroup.test_taskgroup_context_manager_exit_raises: the body's cleanup
     * raises while the group cancels it; both errors are reported and the parent ends uncancelled.
     */
    @Test
    void testTaskgroupContextManagerExitRaises() {
        run(() -> {
            Task<?> task = Asyncio.currentTask();
            ExceptionGroup err = assertThrows(ExceptionGroup.class, () -> TaskGroup.run(tg -> {
                try {
                    tg.createTask(() -> {
                        throw new IllegalStateException("custom");
                    });
                    Asyncio.sleep(1);
                } catch (CancelledError e) { // the original's database() raises in its finally
                    throw new IllegalStateException("custom in cleanup");
                }
                return null;
            }));
            assertEquals(0, task.cancelling());
            assertEquals(2, err.exceptions().size());
            return null;
        });
    }
}
