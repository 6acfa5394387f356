/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.tools;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.debug.dump.LoopMBeans;
import io.jasyncio.debug.dump.TaskDump;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import javax.management.ObjectName;

/**
 * The live task dump: a request handler awaits a query that awaits a reply that never comes; then a callback blocks
 * the loop thread, and another thread reads every task anyway, as text, as JSON and through JMX.
 */
public final class TaskDumpExample {
    private TaskDumpExample() {
    }

    /**
     * Runs the example.
     *
     * @param args none
     * @throws Exception if JMX fails
     */
    public static void main(String[] args) throws Exception {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.setDebug(true); // creation sites; and its checks watch the loop, so waiting times are known
            {
                Future<String> reply = loop.createFuture();
                Task<String> query = loop.createTask(() -> query(reply), "db-query");
                Task<String> handler = loop.createTask(() -> handle(query), "handler-1");
                ObjectName name = LoopMBeans.register(loop, "example");

                // On the loop thread: complete, with where each task is suspended.
                loop.runUntilComplete(loop.createTask(() -> {
                    Asyncio.sleep(0.1);
                    System.out.println(TaskDump.of(loop).text());
                    return null;
                }, "dumper"));

                // From another thread while the loop thread is stuck in a callback.
                CountDownLatch stuck = new CountDownLatch(1);
                CountDownLatch release = new CountDownLatch(1);
                loop.callSoon(() -> blockingCallback(stuck, release));
                Thread runner = Thread.ofPlatform().name("loop").start(() -> loop.runUntilComplete(handler));
                stuck.await();
                System.out.println(TaskDump.of(loop).text());
                System.out.println(ManagementFactory.getPlatformMBeanServer()
                        .invoke(name, "dumpTasksJson", null, null));
                release.countDown();
                loop.callSoonThreadsafe(() -> reply.setResult("42 rows"));
                runner.join();
                System.out.println("handler-1: " + handler.result());
            }
        }
    }

    static String query(Future<String> reply) {
        return Asyncio.await(reply);
    }

    static String handle(Task<String> query) {
        return "200 OK, " + Asyncio.await(query);
    }

    static void blockingCallback(CountDownLatch stuck, CountDownLatch release) {
        stuck.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
