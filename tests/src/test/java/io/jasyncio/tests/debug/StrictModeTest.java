/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Connection;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.LoopOptions;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Task;
import io.jasyncio.debug.strict.StrictMode;
import io.jasyncio.debug.strict.TimeoutDump;
import io.jasyncio.debug.watchdog.Stall;
import io.jasyncio.debug.watchdog.StallListener;
import io.jasyncio.debug.watchdog.Watchdog;
import io.jasyncio.tests.BackendAssumptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Strict mode: each kind of problem is recorded and fails verify(); a clean run passes; hangs print the tasks. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StrictModeTest {
    private EventLoop loop;
    private StrictMode strict;

    @BeforeEach
    void setUp() {
        BackendAssumptions.assumeBackendAvailable();
        loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(false));
        loop.setExceptionHandler((l, c) -> { }); // keep the test's output quiet: strict mode hears the calls anyway
        // Generous: starting a thread can take a quarter second on a loaded machine. stallIsRecorded uses 50 ms.
        strict = StrictMode.install(loop, Duration.ofSeconds(2));
    }

    @AfterEach
    void tearDown() {
        if (strict != null) {
            strict.close();
        }
        if (loop != null) {
            loop.close();
        }
    }

    @Test
    void aCleanRunPasses() {
        Task<Integer> t = loop.createTask(() -> {
            Asyncio.sleep(0.01);
            return Asyncio.await(loop.runInExecutor(null, () -> 42));
        });
        assertEquals(42, loop.runUntilComplete(t));
        loop.callSoonThreadsafe(() -> { });
        strict.verify();
        assertTrue(strict.problems().isEmpty());
    }

    @Test
    void unexpectedExceptionHandlerCallFails() {
        loop.callSoon(() -> {
            throw new IllegalArgumentException("bad callback");
        });
        loop.runUntilComplete(loop.createTask(() -> null));
        AssertionError e = assertThrows(AssertionError.class, strict::verify);
        assertTrue(e.getMessage().startsWith("strict mode: 1 problem"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected exception handler call: Exception in callback"), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.IllegalArgumentException: bad callback"), e.getMessage());
    }

    @Test
    void exceptionNeverRetrievedFailsUntilRetrieved() {
        Future<String> failed = loop.createFuture();
        failed.setException(new IllegalStateException("nobody looks"));
        AssertionError e = assertThrows(AssertionError.class, strict::verify);
        assertTrue(e.getMessage().contains("exception never retrieved: <Future finished exception="
                + "java.lang.IllegalStateException: nobody looks>"), e.getMessage());
        assertEquals("nobody looks", failed.exception().getMessage());
        strict.verify();
    }

    @Test
    void declaredExceptionsPass() {
        strict.allowExceptions(IllegalArgumentException.class);
        loop.callSoon(() -> {
            throw new IllegalArgumentException("expected by the test");
        });
        loop.runUntilComplete(loop.createTask(() -> null));
        strict.verify();
    }

    /** Does nothing. */
    static final class Quiet implements Protocol {
        @Override
        public void dataReceived(java.nio.ByteBuffer data) {
        }
    }

    @Test
    void unclosedTransportIsALeak() {
        Server server = loop.runUntilComplete(loop.createServer(Quiet::new, "127.0.0.1", 0));
        int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
        Connection<Quiet> c = loop.runUntilComplete(loop.createConnection(Quiet::new, "127.0.0.1", port));
        AssertionError e = assertThrows(AssertionError.class, strict::verify);
        assertTrue(e.getMessage().contains("leak: not closed: <TcpTransport"), e.getMessage());
        c.transport().close();
        server.close();
        Future<Void> closed = loop.createFuture();
        loop.callLater(0.05, () -> closed.setResult(null));
        loop.runUntilComplete(closed);
        waitUntil(() -> strict.problems().isEmpty());
        strict.verify();
    }

    /** Runs the loop until the condition holds, at most 10 s of real time. */
    private void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Future<Void> tick = loop.createFuture();
            loop.callLater(0.01, () -> tick.setResult(null));
            loop.runUntilComplete(tick);
        }
        assertTrue(condition.getAsBoolean(), "not reached in 10 s: " + strict.problems());
    }

    @Test
    void wrongThreadCallIsRecordedAndThreadsafeCallIsNot() throws Exception {
        Future<String> done = loop.createFuture();
        Thread runner = Thread.ofPlatform().start(() -> loop.runUntilComplete(done));
        CountDownLatch running = new CountDownLatch(1);
        loop.callSoonThreadsafe(running::countDown);
        assertTrue(running.await(10, TimeUnit.SECONDS));
        loop.callSoon(() -> { }); // wrong: callSoon from the test thread while the loop runs on another
        loop.callSoonThreadsafe(() -> done.setResult("ok"));
        runner.join(10_000);
        List<String> problems = strict.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("wrong thread: <Handle lambda in " + getClass().getName()), problems.get(0));
        assertTrue(problems.get(0).contains("(use callSoonThreadsafe)"));
        assertTrue(problems.get(0).contains("wrongThreadCallIsRecordedAndThreadsafeCallIsNot"), problems.get(0));
    }

    @Test
    void stallIsRecorded() throws Exception {
        strict.close();
        strict = StrictMode.install(loop, Duration.ofMillis(50));
        CountDownLatch sampled = new CountDownLatch(1);
        Watchdog probe = Watchdog.install(loop, Duration.ofMillis(50)).setLogging(false).addListener(new StallListener() {
            @Override
            public void stallSampled(Stall stall) {
                sampled.countDown();
            }
        });
        try {
            loop.callSoon(() -> {
                try {
                    assertTrue(sampled.await(10, TimeUnit.SECONDS)); // blocked until a watchdog has seen the stall
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            loop.runUntilComplete(loop.createTask(() -> null));
            waitUntil(() -> !strict.problems().isEmpty());
        } finally {
            probe.close();
        }
        AssertionError e = assertThrows(AssertionError.class, strict::verify);
        assertTrue(e.getMessage().contains("stall: Event loop <"), e.getMessage());
        assertTrue(e.getMessage().contains("stallIsRecorded"), e.getMessage());
    }

    @Test
    void runUntilCompleteDumpsTheTasksOnTimeout() {
        Future<Void> never = loop.createFuture();
        Task<Void> waiter = loop.createTask(() -> Asyncio.await(never), "waiter");
        AssertionError e = assertThrows(AssertionError.class,
                () -> StrictMode.runUntilComplete(loop, waiter, Duration.ofMillis(200)));
        assertTrue(e.getMessage().startsWith("timed out after 0.200 s; Tasks of <"), e.getMessage());
        assertTrue(e.getMessage().contains("Task 'waiter' waiting"), e.getMessage());
        assertFalse(loop.isRunning());
        waiter.cancel();
        assertThrows(io.jasyncio.CancelledError.class, () -> loop.runUntilComplete(waiter));
    }

    static void stuck(CountDownLatch release) throws InterruptedException {
        assertTrue(release.await(20, TimeUnit.SECONDS));
    }

    @Test
    void dumpOnTimeoutWorksWhileTheLoopThreadIsStuck() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<Void> never = loop.createFuture();
        loop.createTask(() -> Asyncio.await(never), "parked");
        loop.callSoon(() -> {
            try {
                stuck(release);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread runner = Thread.ofPlatform().start(() -> {
            loop.stop();
            loop.runForever();
        });
        try (TimeoutDump guard = StrictMode.dumpOnTimeout(loop, Duration.ofMillis(100))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!guard.timedOut() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(guard.timedOut());
            String text = guard.dump().text();
            assertTrue(text.contains("Task 'parked' waiting"), text);
            assertTrue(text.contains("Loop thread:"), text);
            assertTrue(text.contains(".stuck("), text);
        } finally {
            release.countDown();
            runner.join(10_000);
        }
        try (TimeoutDump quick = StrictMode.dumpOnTimeout(loop, Duration.ofSeconds(10))) {
            assertFalse(quick.timedOut());
        }
    }
}
