/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.locks;

import static io.jasyncio.Asyncio.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Barrier;
import io.jasyncio.BrokenBarrierError;
import io.jasyncio.CancelledError;
import io.jasyncio.Coroutine;
import io.jasyncio.ReturnWhen;
import io.jasyncio.Task;
import io.jasyncio.tests.LoopTestBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's {@code Lib/test/test_asyncio/test_locks.py} BarrierTests (3.11+). {@code wait()} is
 * {@code wait_()}; {@code async with barrier as i} is {@code hold().index()}; the properties are methods.
 */
class BarrierTest extends LoopTestBase {
    private static final int N = 5;

    /** A failure raised on purpose: asyncio's tests raise RuntimeError. */
    private static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static List<Task<Object>> makeTasks(int n, Coroutine<Object> coro) {
        List<Task<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(Asyncio.createTask(coro));
        }
        return tasks;
    }

    private static List<Object> gatherTasks(int n, Coroutine<Object> coro) {
        return await(Asyncio.gather(makeTasks(n, coro)));
    }

    private static Coroutine<Object> waitOn(Barrier barrier) {
        return () -> barrier.wait_();
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static List<Integer> sorted(List<?> values) {
        List<Integer> copy = new ArrayList<>();
        for (Object v : values) {
            copy.add((Integer) v);
        }
        Collections.sort(copy);
        return copy;
    }

    /** Port of test_locks.py BarrierTests.test_barrier: a new barrier fills, empty and whole. */
    @Test
    void testBarrier() {
        Barrier barrier = new Barrier(N);
        assertTrue(barrier.toString().contains("filling"), barrier.toString());
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    /** Port of test_locks.py BarrierTests.test_repr: the repr follows filling, draining, resetting and broken. */
    @Test
    void testRepr() {
        Barrier barrier = new Barrier(N);
        assertNotNull(ReprPattern.match(barrier));
        assertTrue(barrier.toString().contains("filling"));
        run(() -> {
            List<Task<Object>> waiters = new ArrayList<>();
            int incr = 2;
            waiters.addAll(makeTasks(incr, waitOn(barrier)));
            Asyncio.sleep(0);

            assertNotNull(ReprPattern.match(barrier));
            assertTrue(barrier.toString().contains("waiters:" + incr + "/" + N), barrier.toString());
            assertTrue(barrier.toString().contains("filling"));

            // Create the missing waiters.
            waiters.addAll(makeTasks(barrier.parties() - barrier.nWaiting(), waitOn(barrier)));
            Asyncio.sleep(0);

            assertNotNull(ReprPattern.match(barrier));
            assertTrue(barrier.toString().contains("draining"), barrier.toString());

            // Add a part of waiters, and reset.
            waiters.addAll(makeTasks(incr, waitOn(barrier)));
            Asyncio.sleep(0);
            barrier.reset();

            assertNotNull(ReprPattern.match(barrier));
            assertTrue(barrier.toString().contains("resetting"), barrier.toString());

            // Add a part of waiters again, and abort.
            waiters.addAll(makeTasks(incr, waitOn(barrier)));
            Asyncio.sleep(0);
            barrier.abort();

            assertNotNull(ReprPattern.match(barrier));
            assertTrue(barrier.toString().contains("broken"), barrier.toString());
            assertTrue(barrier.broken());

            // Suppress unhandled exceptions.
            await(Asyncio.gatherReturnExceptions(waiters));
            return null;
        });
    }

    /** Port of test_locks.py BarrierTests.test_barrier_parties. */
    @Test
    void testBarrierParties() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
        assertEquals("parties must be > 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Barrier(-4));
        assertEquals(N, new Barrier(N).parties());
    }

    /** Port of test_locks.py BarrierTests.test_context_manager: every party gets its own index. */
    @Test
    void testContextManager() {
        int n = 3;
        Barrier barrier = new Barrier(n);
        List<Integer> results = new ArrayList<>();
        run(() -> gatherTasks(n, () -> {
            try (var passed = barrier.hold()) {
                results.add(passed.index());
            }
            return null;
        }));
        assertEquals(range(n), sorted(results));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    /** Port of test_locks.py BarrierTests.test_filling_one_task. */
    @Test
    void testFillingOneTask() {
        Barrier barrier = new Barrier(1);
        boolean ret = run(() -> {
            try (var passed = barrier.hold()) {
                return true;
            }
        });
        assertTrue(ret);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    /** Port of test_locks.py BarrierTests.test_filling_one_task_twice. */
    @Test
    void testFillingOneTaskTwice() {
        Barrier barrier = new Barrier(1);
        run(() -> {
            Task<Integer> t1 = Asyncio.createTask(barrier::wait_);
            Asyncio.sleep(0);
            assertEquals(0, barrier.nWaiting());

            Task<Integer> t2 = Asyncio.createTask(barrier::wait_);
            Asyncio.sleep(0);

            assertEquals(t1.result(), t2.result());
            assertEquals(t1.done(), t2.done());

            assertEquals(0, barrier.nWaiting());
            assertFalse(barrier.broken());
            return null;
        });
    }

    /** Port of test_locks.py BarrierTests.test_filling_task_by_task. */
    @Test
    void testFillingTaskByTask() {
        int n = 3;
        Barrier barrier = new Barrier(n);
        run(() -> {
            Task<Integer> t1 = Asyncio.createTask(barrier::wait_);
            Asyncio.sleep(0);
            assertEquals(1, barrier.nWaiting());
            assertTrue(barrier.toString().contains("filling"));

            Task<Integer> t2 = Asyncio.createTask(barrier::wait_);
            Asyncio.sleep(0);
            assertEquals(2, barrier.nWaiting());
            assertTrue(barrier.toString().contains("filling"));

            Task<Integer> t3 = Asyncio.createTask(barrier::wait_);
            Asyncio.sleep(0);

            Asyncio.wait(List.of(t1, t2, t3), null, ReturnWhen.ALL_COMPLETED);

            assertEquals(0, barrier.nWaiting());
            assertFalse(barrier.broken());
            return null;
        });
    }

    /** Port of test_locks.py BarrierTests.test_filling_tasks_wait_twice: the barrier is reusable. */
    @Test
    void testFillingTasksWaitTwice() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results = new ArrayList<>();
        run(() -> gatherTasks(N, () -> {
            try (var first = barrier.hold()) {
                results.add(true);
                try (var second = barrier.hold()) {
                    results.add(false);
                }
            }
            return null;
        }));
        assertEquals(N * 2, results.size());
        assertEquals(N, Collections.frequency(results, true));
        assertEquals(N, Collections.frequency(results, false));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    /** Port of test_locks.py BarrierTests.test_filling_tasks_check_return_value. */
    @Test
    void testFillingTasksCheckReturnValue() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Object> res = run(() -> gatherTasks(N, () -> {
            try (var first = barrier.hold()) {
                results1.add(true);
                try (var second = barrier.hold()) {
                    results2.add(true);
                    return second.index();
                }
            }
        }));
        assertEquals(N, results1.size());
        assertEquals(N, results2.size());
        assertEquals(range(N), sorted(res));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    /**
     * Port of test_locks.py BarrierTests.test_draining_state: every task but the last one out sees the barrier
     * draining; the last one out sets it filling again.
     */
    @Test
    void testDrainingState() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results = new ArrayList<>();
        run(() -> gatherTasks(N, () -> {
            try (var passed = barrier.hold()) {
                // The state changes to filling when the last task is released.
                results.add(barrier.toString().contains("draining"));
            }
            return null;
        }));
        assertEquals(N, results.size());
        assertFalse(results.get(N - 1));
        assertTrue(results.subList(0, N - 1).stream().allMatch(b -> b));
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    /**
     * Port of test_locks.py BarrierTests.test_blocking_tasks_while_draining: tasks that come back while the barrier
     * drains wait for the next round. Success means barrierNowaiting was waited for exactly N - rewait times.
     */
    @Test
    void testBlockingTasksWhileDraining() {
        int rewait = 2;
        Barrier barrier = new Barrier(N);
        Barrier barrierNowaiting = new Barrier(N - rewait);
        int[] rewaitN = {rewait};
        run(() -> gatherTasks(N, () -> {
            // First time waiting.
            barrier.wait_();
            // After waiting once for all tasks:
            if (rewaitN[0] > 0) {
                rewaitN[0]--;
                // wait again, only for the rewait tasks;
                barrier.wait_();
            } else {
                // wait for the end of the draining state,
                barrierNowaiting.wait_();
                // then for the other waiting tasks.
                barrier.wait_();
            }
            return null;
        }));
        assertEquals(0, barrier.nWaiting());
        assertEquals(0, barrierNowaiting.nWaiting());
    }

    /** Port of test_locks.py BarrierTests.test_filling_tasks_cancel_one: a cancelled task leaves the barrier. */
    @Test
    void testFillingTasksCancelOne() {
        int n = 3;
        Barrier barrier = new Barrier(n);
        List<Boolean> results = new ArrayList<>();
        Coroutine<Object> coro = () -> {
            barrier.wait_();
            results.add(true);
            return null;
        };
        run(() -> {
            Task<Object> t1 = Asyncio.createTask(coro);
            Asyncio.sleep(0);
            assertEquals(1, barrier.nWaiting());

            Task<Object> t2 = Asyncio.createTask(coro);
            Asyncio.sleep(0);
            assertEquals(2, barrier.nWaiting());

            t1.cancel();
            Asyncio.sleep(0);
            assertEquals(1, barrier.nWaiting());
            assertThrows(CancelledError.class, () -> await(t1));
            assertTrue(t1.cancelled());

            Task<Object> t3 = Asyncio.createTask(coro);
            Asyncio.sleep(0);
            assertEquals(2, barrier.nWaiting());

            Task<Object> t4 = Asyncio.createTask(coro);
            await(Asyncio.gather(t2, t3, t4));
            return null;
        });
        assertEquals(n, results.size());
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.broken());
    }

    /** Port of test_locks.py BarrierTests.test_reset_barrier. */
    @Test
    void testResetBarrier() {
        Barrier barrier = new Barrier(1);
        run(() -> {
            Asyncio.createTask(() -> {
                barrier.reset();
                return null;
            });
            Asyncio.sleep(0);
            assertEquals(0, barrier.nWaiting());
            assertFalse(barrier.broken());
            return null;
        });
    }

    /** Port of test_locks.py BarrierTests.test_reset_barrier_while_tasks_waiting: every waiter breaks. */
    @Test
    void testResetBarrierWhileTasksWaiting() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results = new ArrayList<>();
        run(() -> {
            // N-1 tasks waiting on a barrier with N parties.
            List<Task<Object>> tasks = makeTasks(N - 1, () -> {
                try {
                    barrier.wait_();
                } catch (BrokenBarrierError e) {
                    results.add(true);
                }
                return null;
            });
            Asyncio.sleep(0);

            // Reset the barrier.
            Asyncio.createTask(() -> {
                barrier.reset();
                return null;
            });
            await(Asyncio.gather(tasks));
            return null;
        });
        assertEquals(N - 1, results.size());
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"), barrier.toString());
        assertFalse(barrier.broken());
    }

    /**
     * Port of test_locks.py BarrierTests.test_reset_barrier_when_tasks_half_draining: a reset while some tasks are
     * still draining breaks those. asyncio reads {@code barrier._count}; the tasks still inside are counted here from
     * the outside (each task leaves the barrier in the step in which its wait returns).
     */
    @Test
    void testResetBarrierWhenTasksHalfDraining() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        int restOfTasks = N / 2;
        int[] left = {0};
        run(() -> gatherTasks(N, () -> {
            try {
                barrier.wait_();
            } catch (BrokenBarrierError e) {
                // Catch the waiting tasks here.
                results1.add(true);
                return null;
            }
            left[0]++;
            // A drained task, outside the barrier.
            if (restOfTasks == N - left[0]) {
                barrier.reset();
            }
            return null;
        }));
        // The tasks still inside when the reset came break.
        assertEquals(Collections.nCopies(restOfTasks, true), results1);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"), barrier.toString());
        assertFalse(barrier.broken());
    }

    /**
     * Port of test_locks.py BarrierTests.test_reset_barrier_when_tasks_half_draining_half_blocking: a reset breaks
     * the tasks that wait in the next round, not those blocked until the drain ends.
     */
    @Test
    void testResetBarrierWhenTasksHalfDrainingHalfBlocking() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        int blockingTasks = N / 2;
        int[] count = {0};
        run(() -> gatherTasks(N, () -> {
            try {
                barrier.wait_();
            } catch (BrokenBarrierError e) {
                // Catch the tasks that still wait here,
                results1.add(true);
                // and wait again to reach the parties.
                barrier.wait_();
                return null;
            }
            count[0]++;
            if (count[0] > blockingTasks) {
                // Reset now: BrokenBarrierError for the waiting tasks,
                barrier.reset();
                // then wait again to reach the parties.
                barrier.wait_();
            } else {
                try {
                    barrier.wait_();
                } catch (BrokenBarrierError e) {
                    // No catch here: the blocked tasks go on waiting.
                    results2.add(true);
                }
            }
            return null;
        }));
        assertEquals(Collections.nCopies(blockingTasks, true), results1);
        assertEquals(List.of(), results2);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"), barrier.toString());
        assertFalse(barrier.broken());
    }

    /**
     * Port of test_locks.py BarrierTests.test_reset_barrier_while_tasks_waiting_and_waiting_again: the tasks broken by
     * a reset meet again at the same barrier.
     */
    @Test
    void testResetBarrierWhileTasksWaitingAndWaitingAgain() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        run(() -> {
            List<Task<Object>> tasks = makeTasks(N - 1, () -> {
                try {
                    barrier.wait_();
                } catch (BrokenBarrierError e) {
                    results1.add(true);
                } finally {
                    barrier.wait_();
                    results2.add(true);
                }
                return null;
            });

            // Reset the barrier: the N-1 waiting tasks get BrokenBarrierError.
            Asyncio.createTask(() -> {
                barrier.reset();
                return null;
            });
            Asyncio.sleep(0);

            // Complete the waiting tasks in their finally.
            Asyncio.createTask(() -> {
                try (var passed = barrier.hold()) {
                    results2.add(true);
                }
                return null;
            });

            await(Asyncio.gather(tasks));
            return null;
        });
        assertFalse(barrier.broken());
        assertEquals(N - 1, results1.size());
        assertEquals(N, results2.size());
        assertEquals(0, barrier.nWaiting());
    }

    /**
     * Port of test_locks.py BarrierTests.test_reset_barrier_while_tasks_draining: the last task out resets, and every
     * task passes the next two rounds.
     */
    @Test
    void testResetBarrierWhileTasksDraining() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Boolean> results3 = new ArrayList<>();
        int[] count = {0};
        run(() -> gatherTasks(N, () -> {
            barrier.wait_();
            count[0]++;
            if (count[0] == N) {
                // The last task out of the barrier resets it,
                barrier.reset();
                // and waits here to reach the parties.
                barrier.wait_();
            } else {
                try {
                    // Second wait: N-1 tasks here.
                    barrier.wait_();
                    results1.add(true);
                } catch (RuntimeException e) {
                    // Never here.
                    results2.add(true);
                }
            }
            // Pass the barrier again: this last wait must complete.
            barrier.wait_();
            results3.add(true);
            return null;
        }));
        assertFalse(barrier.broken());
        assertEquals(N - 1, results1.size());
        assertEquals(0, results2.size());
        assertEquals(N, results3.size());
        assertEquals(0, barrier.nWaiting());
    }

    /** Port of test_locks.py BarrierTests.test_abort_barrier. */
    @Test
    void testAbortBarrier() {
        Barrier barrier = new Barrier(1);
        run(() -> {
            Asyncio.createTask(() -> {
                barrier.abort();
                return null;
            });
            Asyncio.sleep(0);
            assertEquals(0, barrier.nWaiting());
            assertTrue(barrier.broken());
            return null;
        });
    }

    /**
     * Port of test_locks.py BarrierTests.test_abort_barrier_when_tasks_half_draining_half_blocking: abort breaks both
     * the tasks waiting in the next round and those blocked until the drain ends.
     */
    @Test
    void testAbortBarrierWhenTasksHalfDrainingHalfBlocking() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        int blockingTasks = N / 2;
        int[] count = {0};
        run(() -> gatherTasks(N, () -> {
            try {
                barrier.wait_();
            } catch (BrokenBarrierError e) {
                // Catch the tasks waiting to drain here.
                results1.add(true);
                return null;
            }
            count[0]++;
            if (count[0] > blockingTasks) {
                // Abort now: BrokenBarrierError for all tasks.
                barrier.abort();
            } else {
                try {
                    barrier.wait_();
                } catch (BrokenBarrierError e) {
                    // Catch the blocked (already drained) tasks here.
                    results2.add(true);
                }
            }
            return null;
        }));
        assertTrue(barrier.broken());
        assertEquals(Collections.nCopies(blockingTasks, true), results1);
        assertEquals(Collections.nCopies(N - blockingTasks - 1, true), results2);
        assertEquals(0, barrier.nWaiting());
        assertFalse(barrier.toString().contains("resetting"), barrier.toString());
    }

    /**
     * Port of test_locks.py BarrierTests.test_abort_barrier_when_exception (from threading's lock_tests.test_reset):
     * a task that fails inside the barrier aborts it, and the others break.
     */
    @Test
    void testAbortBarrierWhenException() {
        Barrier barrier = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        run(() -> gatherTasks(N, () -> {
            try {
                try (var passed = barrier.hold()) {
                    if (passed.index() == N / 2) {
                        throw new Boom();
                    }
                }
                try (var passed = barrier.hold()) {
                    results1.add(true);
                }
            } catch (BrokenBarrierError e) {
                results2.add(true);
            } catch (Boom e) {
                barrier.abort();
            }
            return null;
        }));
        assertTrue(barrier.broken());
        assertEquals(0, results1.size());
        assertEquals(N - 1, results2.size());
        assertEquals(0, barrier.nWaiting());
    }

    /**
     * Port of test_locks.py BarrierTests.test_abort_barrier_when_exception_then_resetting (from threading's
     * lock_tests.test_abort_and_reset): after an abort, a reset makes the barrier usable again.
     */
    @Test
    void testAbortBarrierWhenExceptionThenResetting() {
        Barrier barrier1 = new Barrier(N);
        Barrier barrier2 = new Barrier(N);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Boolean> results3 = new ArrayList<>();
        run(() -> gatherTasks(N, () -> {
            try {
                int i = barrier1.wait_();
                if (i == N / 2) {
                    throw new Boom();
                }
                barrier1.wait_();
                results1.add(true);
            } catch (BrokenBarrierError e) {
                results2.add(true);
            } catch (Boom e) {
                barrier1.abort();
            }

            // Synchronise and reset the barrier: synchronise first so that everyone has left it when we reset, and
            // after, so that no one enters it before the reset.
            int i = barrier2.wait_();
            if (i == N / 2) {
                barrier1.reset();
            }
            barrier2.wait_();
            barrier1.wait_();
            results3.add(true);
            return null;
        }));
        assertFalse(barrier1.broken());
        assertEquals(0, results1.size());
        assertEquals(N - 1, results2.size());
        assertEquals(N, results3.size());
        assertEquals(0, barrier1.nWaiting());
    }
}
