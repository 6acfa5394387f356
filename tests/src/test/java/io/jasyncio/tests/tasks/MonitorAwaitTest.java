/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.Task;
import io.jasyncio.internal.coro.Fibers;
import io.jasyncio.internal.coro.MonitorCheck;
import io.jasyncio.tests.LoopTestBase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * An await inside a synchronized block never hangs the loop silently: in debug mode it fails with a clear error where
 * it happens; otherwise the hang it causes once another task enters the monitor is logged.
 */
class MonitorAwaitTest extends LoopTestBase {
    private final Object monitor = new Object();

    @Override
    protected LoopOptions options() {
        return super.options().withDebug(true);
    }

    @Test
    void testAwaitUnderSynchronizedFails() {
        assumeFalse(Fibers.factory().ownThreads(), "the check needs the task on the loop's platform thread");
        Task<Object> t = loop.createTask(() -> {
            synchronized (monitor) {
                Asyncio.sleep(0);
            }
            return "unreachable";
        });
        runUntilDone(t);
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, t.exception());
        assertTrue(e.getMessage().startsWith("await while holding a monitor"), e.getMessage());
    }

    /**
     * Debug mode checks awaits on a budget of each loop's time: a loop that has spent its own on many awaits leaves a
     * new loop's first awaits checked.
     */
    @Test
    void testEachLoopChecksOnItsOwnBudget() {
        assumeFalse(Fibers.factory().ownThreads(), "the check needs the task on the loop's platform thread");
        assumeTrue(MonitorCheck.MODE == MonitorCheck.Mode.DEBUG, "the budget applies to debug mode");
        Task<Object> busy = loop.createTask(() -> {
            for (int i = 0; i < 2_000; i++) { // tens of µs a check: far past the first 10 ms
                Asyncio.sleep(0);
            }
            return null;
        });
        runUntilDone(busy);
        EventLoop fresh = Asyncio.newEventLoop(options());
        try {
            Task<Object> t = fresh.createTask(() -> {
                synchronized (monitor) {
                    Asyncio.sleep(0);
                }
                return "unreachable";
            });
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> fresh.runUntilComplete(t));
            assertTrue(e.getMessage().startsWith("await while holding a monitor"), e.getMessage());
        } finally {
            fresh.close();
        }
    }

    /** A synchronized method holds the receiver's monitor: same error, and the monitor is free afterwards. */
    @Test
    void testAwaitInSynchronizedMethodFails() {
        assumeFalse(Fibers.factory().ownThreads(), "the check needs the task on the loop's platform thread");
        Task<Object> t = loop.createTask(this::awaitWhileSynchronized);
        runUntilDone(t);
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, t.exception());
        assertTrue(e.getMessage().contains("synchronized block or method"), e.getMessage());
        assertTrue(e.getMessage().contains("held: "), "names the monitor: " + e.getMessage());
        Task<String> next = loop.createTask(() -> {
            synchronized (this) {
                return "entered";
            }
        });
        runUntilDone(next);
        assertEquals("entered", next.result());
    }

    private synchronized Object awaitWhileSynchronized() {
        return Asyncio.sleep(0, "unreachable");
    }

    /** The failed await leaves the task able to await again once it has left the block. */
    @Test
    void testTaskAwaitsAgainAfterTheRefusal() {
        assumeFalse(Fibers.factory().ownThreads(), "the check needs the task on the loop's platform thread");
        Task<String> t = loop.createTask(() -> {
            try {
                synchronized (monitor) {
                    Asyncio.sleep(0);
                }
            } catch (IllegalStateException refused) {
                return Asyncio.sleep(0, "recovered");
            }
            return "unreachable";
        });
        runUntilDone(t);
        assertEquals("recovered", t.result());
    }

    @Test
    void testAwaitAfterSynchronizedWorks() {
        Task<Object> t = loop.createTask(() -> {
            synchronized (monitor) {
                monitor.hashCode();
            }
            return Asyncio.sleep(0, "fine");
        });
        runUntilDone(t);
        assertEquals("fine", t.result());
    }

    /** A ReentrantLock held across an await is the supported way: two tasks take turns. */
    @Test
    void testAwaitUnderReentrantLockWorks() {
        ReentrantLock lock = new ReentrantLock();
        StringBuilder order = new StringBuilder();
        Task<Object> a = loop.createTask(() -> {
            lock.lock();
            try {
                order.append("a1 ");
                Asyncio.sleep(0);
                order.append("a2 ");
            } finally {
                lock.unlock();
            }
            return null;
        });
        Task<Object> b = loop.createTask(() -> {
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            order.append(lock.isLocked() ? "b-locked " : "b-free ");
            return null;
        });
        runUntilDone(a);
        runUntilDone(b);
        assertEquals("a1 a2 b-free ", order.toString());
    }

    /**
     * Outside debug mode, where the JDK lets the await suspend with the monitor held (JDK 24+ on continuations, every
     * JDK on virtual threads), a second task entering the monitor hangs the loop: the hang is logged. The hung loop
     * runs on a daemon thread of its own, which this test leaves behind.
     */
    @Test
    void testMonitorHangIsReported() throws Exception {
        assumeTrue(Fibers.factory().ownThreads() || Runtime.version().feature() >= 24,
                "JDK 21 to 23 refuse the suspension itself");
        assumeTrue(MonitorCheck.MODE != MonitorCheck.Mode.ALWAYS, "the await is refused in this mode");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            Thread hung = Thread.ofPlatform().daemon().name("hung-loop").start(() -> {
                EventLoop own = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(false));
                Object shared = new Object();
                own.createTask(() -> {
                    synchronized (shared) {
                        Asyncio.sleep(3600);
                    }
                    return null;
                });
                own.runUntilComplete(own.createTask(() -> {
                    Asyncio.sleep(0);
                    synchronized (shared) {
                        return null;
                    }
                }));
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            String log = "";
            while (System.nanoTime() < deadline && !log.contains("blocked for over")) {
                hung.join(100);
                synchronized (captured) {
                    log = captured.toString(StandardCharsets.UTF_8);
                }
            }
            assertTrue(log.contains("blocked for over"), "no hang report in: " + log + " (the loop is "
                    + hung.getState() + ")");
            assertTrue(log.contains("awaited inside a synchronized block"), log);
            assertTrue(hung.isAlive(), "the loop is hung, not finished");
        } finally {
            System.setErr(original);
        }
    }

    /** Copies the log to the console and to a buffer. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream buffer;

        Tee(OutputStream console, ByteArrayOutputStream buffer) {
            this.console = console;
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (buffer) {
                buffer.write(b, off, len);
            }
            try {
                console.write(b, off, len);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
