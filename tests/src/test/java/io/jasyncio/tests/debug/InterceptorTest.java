/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Handle;
import io.jasyncio.LoopOptions;
import io.jasyncio.MockTicker;
import io.jasyncio.spi.LoopInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The interceptor SPI: what interceptors hear, and that a failing one is removed while the loop goes on. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InterceptorTest {
    private final MockTicker ticker = new MockTicker();
    private EventLoop loop;

    @BeforeEach
    void setUp() {
        loop = Asyncio.newEventLoop(LoopOptions.defaults().withTicker(ticker).withDebug(false));
    }

    @AfterEach
    void tearDown() {
        loop.close();
    }

    private void runOnce() {
        loop.stop();
        loop.runForever();
    }

    /** Records every call it gets. */
    static final class Recorder implements LoopInterceptor {
        final List<String> events = new ArrayList<>();
        final List<Long> durations = new ArrayList<>();

        @Override
        public void handleScheduled(EventLoop l, Handle handle) {
            events.add("scheduled");
        }

        @Override
        public void beforeHandle(EventLoop l, Handle handle) {
            events.add("before");
        }

        @Override
        public void afterHandle(EventLoop l, Handle handle, long durationNanos) {
            events.add("after");
            durations.add(durationNanos);
        }

        @Override
        public void beforePoll(EventLoop l, long timeoutNanos) {
            events.add("poll(" + timeoutNanos + ")");
        }

        @Override
        public void afterPoll(EventLoop l, long timeoutNanos, long durationNanos) {
            events.add("polled");
        }

        @Override
        public void exceptionHandlerCalled(EventLoop l, ExceptionContext context) {
            events.add("exception:" + context.message());
        }

        @Override
        public void executorSubmitted(EventLoop l, Object function) {
            events.add("executor");
        }

        @Override
        public void loopClosed(EventLoop l) {
            events.add("closed");
        }
    }

    @Test
    void testNoInterceptorByDefault() {
        assertTrue(loop.getInterceptors().isEmpty());
    }

    @Test
    void testInterceptorHearsCallbacksAndPolls() {
        Recorder recorder = new Recorder();
        assertTrue(loop.addInterceptor(recorder));
        assertFalse(loop.addInterceptor(recorder), "installed twice");
        loop.callSoon(() -> ticker.advance(0.25));
        runOnce();
        assertEquals(List.of("scheduled", "poll(0)", "polled", "before", "after"), recorder.events);
        assertEquals(List.of(250_000_000L), recorder.durations, "duration on the loop's ticker");
    }

    /**
     * An interceptor that overrides no hook of the iteration leaves the loop on its plain path; one that does takes it
     * to the watched path and hears every callback, beside one that overrides nothing.
     */
    @Test
    void testOnlyIterationHooksTakeTheWatchedPath() {
        io.jasyncio.internal.BaseEventLoop base = (io.jasyncio.internal.BaseEventLoop) loop;
        LoopInterceptor nothing = new LoopInterceptor() { };
        LoopInterceptor tasksOnly = new LoopInterceptor() {
            @Override
            public void taskCreated(EventLoop l, Object task) {
            }
        };
        assertTrue(loop.addInterceptor(nothing));
        assertTrue(loop.addInterceptor(tasksOnly));
        assertFalse(loop.addInterceptor(nothing), "added once");
        assertFalse(base.isWatched(), "nothing to time: the plain path");
        Recorder r = new Recorder();
        loop.addInterceptor(r);
        assertTrue(base.isWatched());
        for (int i = 0; i < 3; i++) {
            loop.callSoon(() -> ticker.advance(0.005));
        }
        runOnce();
        assertEquals(3, r.events.stream().filter("before"::equals).count(), r.events.toString());
        assertEquals(3, r.events.stream().filter("scheduled"::equals).count(), r.events.toString());
        assertEquals(List.of(nothing, tasksOnly, r), loop.getInterceptors());
        loop.removeInterceptor(r);
        assertFalse(base.isWatched(), "back to the plain path");
    }

    @Test
    void testInterceptorHearsExceptionHandlerAndExecutor() {
        Recorder recorder = new Recorder();
        loop.addInterceptor(recorder);
        List<String> handled = new ArrayList<>();
        loop.setExceptionHandler((l, ctx) -> handled.add(ctx.message()));
        loop.callExceptionHandler(ExceptionContext.of("boom"));
        loop.runUntilComplete(loop.runInExecutor(null, () -> 1));
        assertEquals(List.of("boom"), handled);
        assertTrue(recorder.events.contains("exception:boom"));
        assertTrue(recorder.events.contains("executor"));
        loop.close();
        assertEquals("closed", recorder.events.get(recorder.events.size() - 1));
    }

    @Test
    void testRemovedInterceptorHearsNothing() {
        Recorder recorder = new Recorder();
        loop.addInterceptor(recorder);
        assertTrue(loop.removeInterceptor(recorder));
        assertFalse(loop.removeInterceptor(recorder));
        loop.callSoon(() -> { });
        runOnce();
        assertTrue(recorder.events.isEmpty());
    }

    @Test
    void testFailingInterceptorIsRemovedAndLoopGoesOn() {
        LoopInterceptor failing = new LoopInterceptor() {
            @Override
            public void beforeHandle(EventLoop l, Handle handle) {
                throw new IllegalStateException("interceptor bug");
            }
        };
        Recorder recorder = new Recorder();
        loop.addInterceptor(failing);
        loop.addInterceptor(recorder);
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> ran.add("a"));
        loop.callSoon(() -> ran.add("b"));
        runOnce();
        assertEquals(List.of("a", "b"), ran);
        assertEquals(List.of(recorder), loop.getInterceptors());
        assertEquals(2, recorder.durations.size(), "the others still hear every callback");
    }

    @Test
    void testDebugOnlyProviderFollowsDebugMode() {
        assertTrue(loop.getInterceptors().stream().noneMatch(TestInterceptorProvider.Installed.class::isInstance));
        loop.setDebug(true);
        List<LoopInterceptor> installed = loop.getInterceptors().stream()
                .filter(TestInterceptorProvider.Installed.class::isInstance).toList();
        assertEquals(1, installed.size());
        assertSame(loop, ((TestInterceptorProvider.Installed) installed.get(0)).loop);
        loop.setDebug(false);
        assertTrue(loop.getInterceptors().stream().noneMatch(TestInterceptorProvider.Installed.class::isInstance));
    }

    @Test
    void testDebugLoopGetsProviderInterceptorAtCreation() {
        try (EventLoop debugLoop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true))) {
            assertTrue(debugLoop.getInterceptors().stream().anyMatch(TestInterceptorProvider.Installed.class::isInstance));
        }
    }

    @Test
    void testInterceptorHearsTaskLifecycle() {
        List<String> events = new ArrayList<>();
        loop.addInterceptor(new LoopInterceptor() {
            @Override
            public void taskCreated(EventLoop l, Object task) {
                events.add("created");
            }

            @Override
            public void beforeTaskStep(EventLoop l, Object task) {
                events.add("step");
            }

            @Override
            public void afterTaskStep(EventLoop l, Object task, long durationNanos) {
                events.add("stepped");
            }

            @Override
            public void taskDone(EventLoop l, Object task) {
                events.add("done");
            }
        });
        loop.runUntilComplete(() -> {
            io.jasyncio.Asyncio.sleep(0);
            return null;
        });
        assertEquals(List.of("created", "step", "stepped", "step", "done", "stepped"), events);
    }

    @Test
    void testRemovedHookOnRemoveAndOnFailure() {
        List<String> events = new ArrayList<>();
        LoopInterceptor quiet = new LoopInterceptor() {
            @Override
            public void removed(EventLoop l) {
                events.add("quiet removed");
            }
        };
        LoopInterceptor failing = new LoopInterceptor() {
            @Override
            public void afterHandle(EventLoop l, Handle handle, long durationNanos) {
                throw new IllegalStateException("interceptor bug");
            }

            @Override
            public void removed(EventLoop l) {
                events.add("failing removed");
            }

            @Override
            public String toString() {
                return "FailingInterceptor";
            }
        };
        loop.addInterceptor(quiet);
        loop.removeInterceptor(quiet);
        loop.removeInterceptor(quiet);
        loop.addInterceptor(failing);
        List<String> ran = new ArrayList<>();
        try (io.jasyncio.tests.LogCapture log = new io.jasyncio.tests.LogCapture()) {
            loop.callSoon(() -> ran.add("a"));
            runOnce();
            assertTrue(log.text().contains("ERROR asyncio - Interceptor FailingInterceptor failed and was removed from "),
                    log.text());
            assertTrue(log.text().contains("java.lang.IllegalStateException: interceptor bug"), log.text());
        }
        assertEquals(List.of("quiet removed", "failing removed"), events);
        assertTrue(loop.getInterceptors().isEmpty());
        loop.callSoon(() -> ran.add("b"));
        runOnce();
        assertEquals(List.of("a", "b"), ran);
    }

    @Test
    void testInterceptorHearsIterationsFailuresAndCoroutines() {
        List<String> events = new ArrayList<>();
        java.util.function.BooleanSupplier[] flags = new java.util.function.BooleanSupplier[2];
        loop.addInterceptor(new LoopInterceptor() {
            @Override
            public void afterIteration(EventLoop l, int handles, long durationNanos) {
                events.add("iteration " + handles + " " + durationNanos);
            }

            @Override
            public void exceptionSet(EventLoop l, Object future, Throwable exception,
                    java.util.function.BooleanSupplier neverRetrieved) {
                events.add("failed " + exception.getMessage());
                flags[0] = neverRetrieved;
            }

            @Override
            public void coroutineCreated(EventLoop l, Object coroutine, String name,
                    java.util.function.BooleanSupplier consumed) {
                events.add("coroutine " + name);
                flags[1] = consumed;
            }
        });
        loop.callSoon(() -> ticker.advance(0.5));
        loop.callSoon(() -> { });
        runOnce();
        assertEquals(List.of("iteration 2 500000000"), events);
        events.clear();
        io.jasyncio.Future<Object> f = loop.createFuture();
        f.setException(new IllegalStateException("boom"));
        assertTrue(flags[0].getAsBoolean());
        f.exception();
        assertFalse(flags[0].getAsBoolean(), "retrieved");
        assertEquals("ok", loop.runUntilComplete(() -> {
            io.jasyncio.Coroutine<String> c = Asyncio.coroutine("child", () -> "ok");
            assertFalse(flags[1].getAsBoolean());
            String r = Asyncio.await(c);
            assertTrue(flags[1].getAsBoolean(), "awaited");
            return r;
        }));
        assertTrue(events.contains("failed boom"), events.toString());
        assertTrue(events.contains("coroutine child"), events.toString());
    }

    @Test
    void testFailingProviderSkippedAndLogged() {
        FailingInterceptorProvider.armed = true;
        try (io.jasyncio.tests.LogCapture log = new io.jasyncio.tests.LogCapture()) {
            loop.setDebug(true);
            assertTrue(log.text().contains("ERROR asyncio - Interceptor provider FailingInterceptorProvider failed for "),
                    log.text());
            assertTrue(log.text().contains("java.lang.IllegalStateException: provider bug"), log.text());
        } finally {
            FailingInterceptorProvider.armed = false;
        }
        assertTrue(loop.getDebug());
        assertTrue(loop.getInterceptors().stream().anyMatch(TestInterceptorProvider.Installed.class::isInstance),
                "the other providers still install theirs");
        loop.callSoon(() -> { });
        runOnce();
    }
}
