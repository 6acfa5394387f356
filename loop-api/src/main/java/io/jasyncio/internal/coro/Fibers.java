/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal.coro;

import io.jasyncio.Task;
import io.jasyncio.internal.SystemProperties;
import java.util.Collection;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the coroutine path once per JVM: continuations where {@code jdk.internal.vm} is exported to this code, else
 * virtual threads; one INFO line says which and why. {@code -Djasyncio.coroutines=vthread} forces the fallback.
 */
public final class Fibers {
    private static final Logger LOGGER = LoggerFactory.getLogger("asyncio");
    private static final FiberFactory FACTORY = choose();
    /** How a pending task is closed; {@link Task} sets it when it loads (it keeps the method private). */
    private static volatile Consumer<Task<?>> closer;

    private Fibers() {
    }

    /**
     * The path in use.
     *
     * @return the factory
     */
    public static FiberFactory factory() {
        return FACTORY;
    }

    /**
     * Sets how a pending task is closed; {@link Task} calls it once.
     *
     * @param taskCloser the closer
     */
    public static void setTaskCloser(Consumer<Task<?>> taskCloser) {
        closer = taskCloser;
    }

    /**
     * Closes the tasks that a closing loop leaves pending: each suspended body is resumed once with
     * {@link TaskAbandoned} thrown at its await, so it unwinds and its {@code finally} blocks run (an await there
     * fails: the loop no longer runs). Without it a suspended virtual thread would stay parked for ever, holding
     * everything its stack refers to.
     *
     * @param pending the loop's pending tasks
     */
    public static void closePending(Collection<Task<?>> pending) {
        Consumer<Task<?>> c = closer;
        if (c == null) {
            return;
        }
        for (Task<?> t : pending) {
            c.accept(t);
        }
    }

    /**
     * Whom {@code --add-exports java.base/jdk.internal.vm=...} must name for this code: its module on the module path,
     * {@code ALL-UNNAMED} on the class path.
     *
     * @return the module name for the flag
     */
    static String exportTarget() {
        Module module = Fibers.class.getModule();
        return module.isNamed() ? module.getName() : "ALL-UNNAMED";
    }

    private static FiberFactory choose() {
        if ("vthread".equals(SystemProperties.COROUTINES)) {
            LOGGER.info("jasyncio coroutines: virtual threads (forced by -Djasyncio.coroutines=vthread)");
            return new VirtualThreadFibers();
        }
        try {
            FiberFactory f = ContinuationFibers.load();
            LOGGER.info("jasyncio coroutines: continuations on the loop thread");
            return f;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOGGER.info("jasyncio coroutines: virtual threads, slower (jdk.internal.vm.Continuation is not accessible: "
                    + "{}); run with --add-exports java.base/jdk.internal.vm={} for continuations on the loop thread",
                    cause.getMessage(), exportTarget());
            return new VirtualThreadFibers();
        }
    }
}
