/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.junit;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.Task;
import io.jasyncio.debug.strict.StrictMode;
import io.jasyncio.debug.strict.TimeoutDump;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Gives each test a new event loop in strict mode and fails the test on what it leaves behind. Use it through
 * {@link JasyncioTest}, or on a class ({@code @ExtendWith(JasyncioExtension.class)}) whose plain {@code @Test} methods
 * take the loop as a parameter and drive it themselves.
 *
 * <p>After each test (after its {@code @AfterEach} methods), the test fails, with every problem listed, when:
 * <ul>
 *   <li>a task of the loop is still pending (it is cancelled, and the loop run until it finishes);</li>
 *   <li>an exception reached the loop's exception handler and the test did not allow it
 *       ({@link JasyncioTest#allowExceptions()}, or {@code StrictMode.allowExceptions} on the parameter);</li>
 *   <li>a failed future's exception was never retrieved;</li>
 *   <li>a transport, server or datagram endpoint is still open;</li>
 *   <li>one callback blocked the loop past the stall threshold;</li>
 *   <li>another thread scheduled a callback without {@code callSoonThreadsafe}.</li>
 * </ul>
 * A test that runs past its timeout has every task of its loop dumped to the {@code asyncio} logger and to the
 * failure's message.
 */
public final class JasyncioExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver,
        InvocationInterceptor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            JasyncioExtension.class);
    /** How long cancelled leftover tasks get to finish before the loop is closed under them. */
    private static final Duration CLEANUP_TIMEOUT = Duration.ofSeconds(5);

    /** Creates the extension; JUnit does. */
    public JasyncioExtension() {
    }

    /** One test's loop and its checks. */
    private record TestLoop(EventLoop loop, StrictMode strict, Duration timeout) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<JasyncioTest> settings = context.getTestMethod().map(m -> m.getAnnotation(JasyncioTest.class));
        EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true));
        StrictMode strict = StrictMode.install(loop,
                Duration.ofMillis(settings.map(JasyncioTest::stallThresholdMillis).orElse(2000L)));
        for (Class<? extends Throwable> type : settings.map(JasyncioTest::allowExceptions).orElse(none())) {
            strict.allowExceptions(type);
        }
        double seconds = settings.map(JasyncioTest::timeout).orElse(30.0);
        context.getStore(NAMESPACE).put(TestLoop.class, new TestLoop(loop, strict,
                Duration.ofNanos((long) (seconds * 1e9))));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] none() {
        return (Class<? extends Throwable>[]) new Class<?>[0];
    }

    private static TestLoop testLoop(ExtensionContext context) {
        TestLoop t = context.getStore(NAMESPACE).get(TestLoop.class, TestLoop.class);
        if (t == null) {
            throw new IllegalStateException("no jasyncio loop for " + context.getDisplayName()
                    + ": the loop exists from before @BeforeEach to after @AfterEach");
        }
        return t;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return (type == EventLoop.class || type == StrictMode.class) && context.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestLoop t = testLoop(context);
        return parameter.getParameter().getType() == EventLoop.class ? t.loop() : t.strict();
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        TestLoop t = testLoop(context);
        if (!invocationContext.getExecutable().isAnnotationPresent(JasyncioTest.class)) {
            // A plain test drives the loop itself: on timeout, its tasks are dumped to the log.
            TimeoutDump guard = StrictMode.dumpOnTimeout(t.loop(), t.timeout());
            try {
                invocation.proceed();
            } finally {
                guard.close();
            }
            return;
        }
        Throwable[] failure = new Throwable[1];
        Task<Void> task = t.loop().createTask(() -> {
            try {
                invocation.proceed();
            } catch (Throwable e) { // the test's failure, whatever it is: rethrown below, not the loop's to handle
                failure[0] = e;
            }
            return null;
        }, context.getDisplayName());
        StrictMode.runUntilComplete(t.loop(), task, t.timeout());
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestLoop t = context.getStore(NAMESPACE).remove(TestLoop.class, TestLoop.class);
        if (t == null) {
            return;
        }
        EventLoop loop = t.loop();
        List<String> problems = new ArrayList<>();
        try {
            if (loop.isRunning()) {
                problems.add("the loop is still running after the test");
            } else if (!loop.isClosed()) {
                List<Task<?>> leaked = new ArrayList<>(Asyncio.allTasks(loop));
                for (Task<?> task : leaked) {
                    problems.add("leaked task: still pending after the test: " + task);
                    task.cancel("the test ended");
                }
                if (!leaked.isEmpty()) {
                    StrictMode.runUntilComplete(loop, Asyncio.gatherReturnExceptions(leaked), CLEANUP_TIMEOUT);
                }
            }
            // Closing the watchdog reports a stall that ended since its last look: verified after, not before.
            t.strict().close();
            problems.addAll(t.strict().problems());
        } finally {
            t.strict().close();
            loop.close();
        }
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder(context.getDisplayName()).append(": ").append(problems.size())
                    .append(problems.size() == 1 ? " problem" : " problems").append(" left by the test");
            for (String p : problems) {
                sb.append("\n- ").append(p);
            }
            throw new AssertionError(sb.toString());
        }
    }
}
