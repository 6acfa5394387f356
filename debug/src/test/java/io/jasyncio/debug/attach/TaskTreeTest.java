/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.attach;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.debug.dump.TaskDump;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The table and the tree over real dumps of a loop that is not running (so the dump is complete). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TaskTreeTest {

    private static void settle(EventLoop loop) {
        loop.runUntilComplete(loop.createTask(() -> Asyncio.sleep(0.01, null), "settle"));
    }

    private static void cancelAll(EventLoop loop, List<Task<?>> tasks) {
        for (Task<?> t : tasks) {
            t.cancel();
        }
        for (Task<?> t : tasks) {
            try {
                loop.runUntilComplete(t);
            } catch (CancelledError e) {
                // as asked
            }
        }
    }

    @Test
    void treeShowsWhoAwaitsWhom() {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            Future<Void> never = loop.createFuture();
            Task<Void> worker = loop.createTask(() -> Asyncio.await(never), "worker");
            Task<Void> main = loop.createTask(() -> Asyncio.await(worker), "main");
            Task<Void> idle = loop.createTask(() -> Asyncio.await(loop.<Void>createFuture()), "idle");
            settle(loop);
            List<TaskDump> dumps = List.of(TaskDump.of(loop));
            String tree = TaskTree.render(7, dumps);
            assertTrue(tree.startsWith("process 7\n"), tree);
            assertTrue(tree.contains("├── (T) idle  [waiting") || tree.contains("└── (T) idle  [waiting"), tree);
            int mainAt = tree.indexOf("(T) main  [waiting");
            int workerAt = tree.indexOf("    └── (T) worker  [waiting");
            assertTrue(mainAt >= 0 && workerAt > mainAt, tree);
            assertTrue(tree.indexOf("        └── <Future pending", workerAt) > workerAt, tree);

            String table = TaskTable.render(7, dumps);
            assertTrue(table.startsWith("process 7: 1 open loop, 3 tasks\n"), table);
            assertTrue(table.contains("await chain"), table);
            assertTrue(table.contains("main -> worker -> <Future pending"), table);
            cancelAll(loop, List.of(main, worker, idle));
        }
    }

    @Test
    void cycleIsReportedNotDrawn() {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            Task<?>[] tasks = new Task<?>[2];
            tasks[0] = loop.createTask(() -> {
                Asyncio.sleep(0);
                return Asyncio.await(tasks[1]);
            }, "alpha");
            tasks[1] = loop.createTask(() -> {
                Asyncio.sleep(0);
                return Asyncio.await(tasks[0]);
            }, "beta");
            settle(loop);
            String tree = TaskTree.render(7, List.of(TaskDump.of(loop)));
            assertTrue(tree.startsWith("ERROR: await-graph contains cycles - cannot print a tree!\n"), tree);
            assertTrue(tree.contains("cycle: alpha -> beta -> (cycle)"), tree);
            cancelAll(loop, List.of(tasks[0], tasks[1]));
        }
    }
}
