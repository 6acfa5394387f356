/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Task;
import io.jasyncio.debug.dump.LoopMBeans;
import io.jasyncio.debug.dump.TaskDump;
import io.jasyncio.debug.dump.TaskInfo;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.tests.BackendAssumptions;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The live task dump: on the loop thread, from another thread while the loop thread is stuck, and from JMX. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TaskDumpTest {
    private EventLoop loop;
    private Future<String> gate;
    private Task<String> producer;
    private Task<String> consumer;

    @BeforeEach
    void setUp() {
        BackendAssumptions.assumeBackendAvailable();
        loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true));
        loop.addInterceptor(new LoopInterceptor() { }); // watched: the tasks' suspension times are known
        gate = loop.createFuture();
        producer = loop.createTask(() -> produce(gate), "producer");
        consumer = loop.createTask(() -> consume(producer), "consumer");
    }

    @AfterEach
    void tearDown() {
        if (loop != null) {
            loop.close();
        }
    }

    static String produce(Future<String> gate) {
        return Asyncio.await(gate);
    }

    static String consume(Task<String> producer) {
        return "got " + Asyncio.await(producer);
    }

    private static Map<String, TaskInfo> byName(TaskDump dump) {
        return dump.tasks().stream().collect(Collectors.toMap(TaskInfo::name, Function.identity()));
    }

    @Test
    void onTheLoopThread() {
        Task<TaskDump> dumper = loop.createTask(() -> {
            Asyncio.sleep(0);
            return TaskDump.of(loop);
        }, "dumper");
        TaskDump dump = loop.runUntilComplete(dumper);
        assertTrue(dump.onLoopThread());
        Map<String, TaskInfo> tasks = byName(dump);
        assertEquals("running", tasks.get("dumper").state());
        TaskInfo c = tasks.get("consumer");
        assertEquals("waiting", c.state());
        assertEquals(java.util.List.of("consumer", "producer", gate.toString()), c.awaitChain());
        assertTrue(c.awaits().startsWith("<Task pending name='producer'"), c.awaits());
        assertTrue(c.waitingNanos() >= 0);
        assertEquals("consume", c.stack().get(0).getMethodName(), c.stack().toString());
        assertEquals("setUp", c.createdAt().get(0).getMethodName());
        TaskInfo p = tasks.get("producer");
        assertEquals(java.util.List.of("consumer"), p.awaitedBy());
        assertEquals("produce", p.stack().get(0).getMethodName());
        assertTrue(dump.loopThreadStack().isEmpty());

        String text = dump.text();
        assertTrue(text.contains("Task 'consumer' waiting for "), text);
        assertTrue(text.contains("await chain: consumer -> producer -> <Future pending"), text);
        assertTrue(text.contains("awaited by: consumer"), text);
        assertTrue(text.contains("at " + getClass().getName() + ".consume("), text);
        assertTrue(text.contains("at " + getClass().getName() + ".setUp("), text);
        JsonCheck.validate(dump.json());
        gate.setResult("x");
        assertEquals("got x", loop.runUntilComplete(consumer));
    }

    @Test
    void unknownWaitWithoutInterceptorAndNoCreationSiteWithoutDebug() {
        EventLoop plain = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(false));
        try {
            Future<Void> f = plain.createFuture();
            Task<Void> t = plain.createTask(() -> Asyncio.await(f), "plain");
            plain.stop();
            plain.runForever();
            TaskInfo info = TaskDump.of(plain).tasks().get(0);
            assertEquals("waiting", info.state());
            assertEquals(-1, info.waitingNanos());
            assertTrue(info.createdAt().isEmpty());
            assertTrue(TaskDump.of(plain).json().contains("\"waitingSeconds\":null"));
            f.setResult(null);
            plain.runUntilComplete(t);
            assertTrue(TaskDump.of(plain).tasks().isEmpty());
        } finally {
            plain.close();
        }
    }

    static void stuckInACallback(CountDownLatch blocked, CountDownLatch release) throws InterruptedException {
        blocked.countDown();
        assertTrue(release.await(20, TimeUnit.SECONDS));
    }

    @Test
    void readableWhileTheLoopThreadIsStuckAndFromJmx() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop.callSoon(() -> {
            try {
                stuckInACallback(blocked, release);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread runner = Thread.ofPlatform().name("stuck-loop").start(() -> loop.runUntilComplete(consumer));
        ObjectName name = LoopMBeans.register(loop, "dump-test");
        try {
            assertTrue(blocked.await(10, TimeUnit.SECONDS));
            TaskDump dump = TaskDump.of(loop);
            assertFalse(dump.onLoopThread());
            Map<String, TaskInfo> tasks = byName(dump);
            assertEquals(java.util.Set.of("consumer", "producer"), tasks.keySet());
            assertEquals("waiting", tasks.get("consumer").state());
            assertEquals("producer", tasks.get("consumer").awaitChain().get(1));
            assertTrue(tasks.get("consumer").stack().isEmpty(), "no continuation walk off the loop thread");
            assertTrue(dump.loopThreadStack().stream().anyMatch(f -> f.getMethodName().equals("stuckInACallback")));
            assertTrue(dump.text().contains("read from another thread: the loop thread did not answer"));

            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            assertEquals(2, server.getAttribute(name, "TaskCount"));
            assertEquals(Boolean.TRUE, server.getAttribute(name, "Running"));
            // the running totals operators graph: two tasks made, no transport; stuck in its first iteration
            assertEquals(2L, server.getAttribute(name, "TasksCreated"));
            assertEquals(0L, server.getAttribute(name, "Iterations"));
            assertEquals(0L, server.getAttribute(name, "CallbacksRun"));
            assertEquals(0, server.getAttribute(name, "TransportsOpen"));
            assertEquals(0L, server.getAttribute(name, "BytesRead"));
            assertEquals(0L, server.getAttribute(name, "Stalls"));
            String text = (String) server.invoke(name, "dumpTasks", null, null);
            assertTrue(text.contains("Task 'consumer' waiting"), text);
            assertTrue(text.contains("stuckInACallback"), text);
            String json = (String) server.invoke(name, "dumpTasksJson", null, null);
            JsonCheck.validate(json);
            assertTrue(json.contains("\"name\":\"producer\""), json);
        } finally {
            release.countDown();
            loop.callSoonThreadsafe(() -> gate.setResult("late"));
            runner.join(10_000);
        }
        assertEquals("got late", consumer.result());
        loop.close();
        LoopMBeans.unregisterClosed();
        assertFalse(ManagementFactory.getPlatformMBeanServer().isRegistered(name));
    }

    @Test
    void systemPropertyRegistersEveryNewLoopInJmx() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName all = new ObjectName("io.jasyncio:type=EventLoop,*");
        int before = server.queryNames(all, null).size();
        System.setProperty(LoopMBeans.PROPERTY, "true");
        EventLoop registered;
        try {
            registered = Asyncio.newEventLoop();
        } finally {
            System.clearProperty(LoopMBeans.PROPERTY);
        }
        try {
            assertEquals(before + 1, server.queryNames(all, null).size());
            assertTrue(registered.getInterceptors().isEmpty(), "JMX adds no interceptor");
        } finally {
            registered.close();
        }
        LoopMBeans.unregisterClosed();
        assertEquals(before, server.queryNames(all, null).size());
    }

    @Test
    void fromAnotherThreadWhileTheLoopIsIdleTheLoopThreadAnswers() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        loop.callSoon(running::countDown);
        Thread runner = Thread.ofPlatform().start(() -> loop.runUntilComplete(consumer));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        TaskDump dump = null;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && (dump == null || dump.tasks().size() < 2
                || !"waiting".equals(byName(dump).get("consumer").state())
                || byName(dump).get("consumer").stack().isEmpty())) {
            dump = TaskDump.of(loop); // until the runner thread has the loop idle with the consumer suspended
        }
        assertTrue(dump.onLoopThread(), "an idle loop takes the dump itself");
        assertEquals("consume", byName(dump).get("consumer").stack().get(0).getMethodName());
        loop.callSoonThreadsafe(() -> gate.setResult("y"));
        runner.join(10_000);
        assertEquals("got y", consumer.result());
    }
}
