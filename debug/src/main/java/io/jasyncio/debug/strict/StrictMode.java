/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.strict;

import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.Future;
import io.jasyncio.Handle;
import io.jasyncio.debug.dump.TaskDump;
import io.jasyncio.debug.watchdog.Stall;
import io.jasyncio.debug.watchdog.StallListener;
import io.jasyncio.debug.watchdog.Watchdog;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Strict mode for tests, with any test framework: records what a correct program never does, and
 * {@link #verify()} fails the test with the list.
 *
 * <ul>
 *   <li>an exception-handler call that the test did not declare with {@link #allowExceptions(Predicate)} (a failed
 *       callback, a protocol's error, ...);</li>
 *   <li>a future or task that failed and whose exception nobody retrieved by the time of {@link #verify()} (no need
 *       to wait for the garbage collector, as debug mode's "exception was never retrieved" does);</li>
 *   <li>a leak: a transport, server or datagram endpoint opened and not closed by the time of {@link #verify()};</li>
 *   <li>a stall: the loop blocked in one callback past the stall threshold (a watchdog; GC pauses do not count);</li>
 *   <li>a wrong-thread call: a callback scheduled with {@code callSoon}/{@code callLater}/{@code callAt} (directly, or
 *       through {@code createTask}, {@code Future.setResult}, ...) from a thread other than the running loop's. In
 *       debug mode such calls raise at once; strict mode records them even when the raise is swallowed or debug mode
 *       is off.</li>
 * </ul>
 *
 * <pre>{@code
 * StrictMode strict = StrictMode.install(loop);
 * ... the test ...
 * strict.verify();                      // AssertionError listing every problem
 * }</pre>
 *
 * {@link #dumpOnTimeout(EventLoop, Duration)} and {@link #runUntilComplete(EventLoop, Future, Duration)} print every
 * task of the loop when a test hangs.
 */
public final class StrictMode implements AutoCloseable {
    /** The default stall threshold: generous, so that only an unmistakable stall fails a test. */
    public static final Duration DEFAULT_STALL_THRESHOLD = Duration.ofMillis(500);

    private final EventLoop loop;
    private final LoopProbe probe;
    /** The loop's classes, to find its frames in a stack. */
    private final Set<String> loopClasses = new HashSet<>();
    private final Watcher watcher = new Watcher();
    private final Watchdog watchdog;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<Predicate<ExceptionContext>> allowed = new CopyOnWriteArrayList<>();
    private final List<Class<? extends Throwable>> allowedTypes = new CopyOnWriteArrayList<>();
    /** Futures that failed: reported at verify() if their exception is still not retrieved. */
    private final List<Failed> failed = new CopyOnWriteArrayList<>();

    /** A failed future, without the future itself. */
    private record Failed(String future, Throwable exception, BooleanSupplier neverRetrieved) {
    }
    /** Open transports and where they were opened; guarded by itself. */
    private final Map<Object, String> openTransports = Collections.synchronizedMap(new IdentityHashMap<>());

    private StrictMode(EventLoop loop, Duration stallThreshold) {
        this.loop = loop;
        this.probe = LoopProbe.of(loop);
        for (Class<?> c = loop.getClass(); c != Object.class; c = c.getSuperclass()) {
            loopClasses.add(c.getName());
        }
        loop.addInterceptor(watcher);
        this.watchdog = Watchdog.install(loop, stallThreshold).addListener(new StallListener() {
            @Override
            public void stallReported(Stall stall) {
                if (!stall.mostlyGc()) {
                    problems.add("stall: " + stall.format());
                }
            }
        });
    }

    /**
     * Installs strict mode with the default stall threshold.
     *
     * @param loop the loop
     * @return the strict mode, to verify
     */
    public static StrictMode install(EventLoop loop) {
        return install(loop, DEFAULT_STALL_THRESHOLD);
    }

    /**
     * Installs strict mode.
     *
     * @param loop the loop
     * @param stallThreshold how long one callback may block the loop
     * @return the strict mode, to verify
     */
    public static StrictMode install(EventLoop loop, Duration stallThreshold) {
        return new StrictMode(loop, stallThreshold);
    }

    /**
     * Declares exception-handler calls that the test expects: they are not problems.
     *
     * @param expected matches the expected calls
     * @return this
     */
    public StrictMode allowExceptions(Predicate<ExceptionContext> expected) {
        allowed.add(Objects.requireNonNull(expected, "expected"));
        return this;
    }

    /**
     * Declares that exception-handler calls with an exception of this type are expected.
     *
     * @param type the exception type
     * @return this
     */
    public StrictMode allowExceptions(Class<? extends Throwable> type) {
        allowedTypes.add(type);
        return allowExceptions(c -> type.isInstance(c.exception()));
    }

    /**
     * The problems recorded so far, with the transports still open.
     *
     * @return one line (or paragraph) per problem
     */
    public List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        for (Failed f : failed) {
            if (f.neverRetrieved().getAsBoolean() && allowedTypes.stream().noneMatch(t -> t.isInstance(f.exception()))) {
                all.add("exception never retrieved: " + f.future() + ": " + f.exception());
            }
        }
        synchronized (openTransports) {
            openTransports.forEach((t, where) -> all.add("leak: not closed: " + t + where));
        }
        return all;
    }

    /**
     * Fails if anything was recorded.
     *
     * @throws AssertionError listing every problem
     */
    public void verify() {
        List<String> all = problems();
        if (!all.isEmpty()) {
            StringBuilder sb = new StringBuilder("strict mode: ").append(all.size())
                    .append(all.size() == 1 ? " problem" : " problems");
            for (String p : all) {
                sb.append("\n- ").append(p);
            }
            throw new AssertionError(sb.toString());
        }
    }

    /** Stops watching (recorded problems stay, for {@link #verify()}). */
    @Override
    public void close() {
        loop.removeInterceptor(watcher);
        watchdog.close();
    }

    // ---------------------------------------------------------------- timeouts

    /**
     * Arms a timer: if it is not closed within the timeout, it logs every task of the loop (a {@link TaskDump},
     * readable while the loop thread is stuck) to the {@code asyncio} logger, as an error.
     *
     * <pre>{@code
     * try (TimeoutDump guard = StrictMode.dumpOnTimeout(loop, Duration.ofSeconds(5))) {
     *     loop.runUntilComplete(work);
     * }
     * }</pre>
     *
     * @param loop the loop
     * @param timeout the timeout
     * @return the armed timer
     */
    public static TimeoutDump dumpOnTimeout(EventLoop loop, Duration timeout) {
        return TimeoutDump.arm(loop, timeout, null);
    }

    /**
     * Runs the loop until the future is done, at most for the timeout; on timeout prints every task, stops the loop
     * and fails.
     *
     * @param loop the loop
     * @param future the future
     * @param timeout the timeout
     * @param <T> the result type
     * @return the future's result
     * @throws AssertionError on timeout, with the task dump
     */
    public static <T> T runUntilComplete(EventLoop loop, Future<T> future, Duration timeout) {
        try (TimeoutDump guard = TimeoutDump.arm(loop, timeout, () -> loop.callSoonThreadsafe(loop::stop))) {
            try {
                return loop.runUntilComplete(future);
            } catch (IllegalStateException e) {
                if (guard.dump() != null) {
                    throw new AssertionError("timed out after " + seconds(timeout) + " s; " + guard.dump().text(), e);
                }
                throw e;
            }
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    // ---------------------------------------------------------------- the interceptor

    /** Whether the calling thread may use the loop: it runs the loop (or its task's fiber), or nothing does. */
    private boolean onLoopThread() {
        Thread runner = probe.thread();
        Thread current = Thread.currentThread();
        return runner == null || runner == current || probe.activeFiberThread() == current;
    }

    /** Hears the loop; {@code handleScheduled} may run on any thread. */
    private final class Watcher implements LoopInterceptor {

        @Override
        public void exceptionHandlerCalled(EventLoop l, ExceptionContext context) {
            for (Predicate<ExceptionContext> p : allowed) {
                if (p.test(context)) {
                    return;
                }
            }
            Throwable e = context.exception();
            problems.add("unexpected exception handler call: " + context.message()
                    + (e == null ? "" : ": " + e));
        }

        @Override
        public void exceptionSet(EventLoop l, Object future, Throwable exception, BooleanSupplier neverRetrieved) {
            failed.add(new Failed(String.valueOf(future), exception, neverRetrieved));
        }

        @Override
        public void transportOpened(EventLoop l, Object transport) {
            openTransports.put(transport, "");
        }

        @Override
        public void transportClosed(EventLoop l, Object transport) {
            openTransports.remove(transport);
        }

        @Override
        public void handleScheduled(EventLoop l, Handle handle) {
            if (onLoopThread()) {
                return;
            }
            // Another thread while the loop runs: fine through callSoonThreadsafe only.
            List<StackTraceElement> frames = StackWalker.getInstance().walk(s -> s
                    .map(StackWalker.StackFrame::toStackTraceElement).toList());
            int i = 0;
            while (i < frames.size() && !loopClasses.contains(frames.get(i).getClassName())) {
                i++;
            }
            if (i < frames.size() && frames.get(i).getMethodName().equals("callSoonThreadsafe")) {
                return;
            }
            Thread runner = probe.thread();
            StringBuilder sb = new StringBuilder("wrong thread: ").append(handle).append(" scheduled from thread '")
                    .append(Thread.currentThread().getName()).append("' while the loop runs on '")
                    .append(runner == null ? "?" : runner.getName())
                    .append("' (use callSoonThreadsafe)");
            int shown = 0;
            for (int j = i; j < frames.size() && shown < 8; j++, shown++) {
                sb.append("\n    at ").append(frames.get(j));
            }
            problems.add(sb.toString());
        }

        @Override
        public String toString() {
            return "<StrictMode>";
        }
    }
}
