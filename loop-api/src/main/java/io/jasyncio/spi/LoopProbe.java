/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.spi;

import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import java.util.List;
import java.util.Set;

/**
 * What diagnostics read of a loop from any thread: who runs it, how far it has got, whether it waits for I/O, and its
 * tasks. The stall watchdog, the task dump, strict mode and the JMX bean of the {@code debug} module read loops through
 * it. Every read is cheap and unsynchronized: a recent value, good for diagnostics, never for control.
 *
 * <p>A loop offers a probe by implementing this interface; {@link #of(EventLoop)} finds it.
 */
public interface LoopProbe {

    /**
     * The probe of a loop.
     *
     * @param loop the loop
     * @return its probe
     * @throws IllegalArgumentException if the loop offers none
     */
    static LoopProbe of(EventLoop loop) {
        if (loop instanceof LoopProbe probe) {
            return probe;
        }
        throw new IllegalArgumentException("the loop offers no probe: " + loop);
    }

    /**
     * The loops of this process that are not closed: what a tool attached to a running process looks at. A loop
     * dropped without being closed leaves the list once the garbage collector takes it.
     *
     * @return a new list, in no particular order
     */
    static List<EventLoop> openLoops() {
        return io.jasyncio.internal.OpenLoops.all();
    }

    /**
     * The thread running the loop.
     *
     * @return the thread inside {@code runForever()}, or {@code null} when the loop is not running
     */
    Thread thread();

    /**
     * On the virtual-thread coroutine path, the thread of the task that runs now: it may use the loop, and a task's
     * body runs there rather than on {@link #thread()}.
     *
     * @return the thread, or {@code null}
     */
    Thread activeFiberThread();

    /**
     * How far the loop has got: changes at each I/O poll's start and end and at each callback taken from the ready
     * queue. A value that stays the same while the loop runs means that one callback (or the poll) has not returned.
     *
     * @return an opaque progress mark
     */
    long progress();

    /**
     * Whether the loop is in its I/O poll (with the poll's I/O callbacks).
     *
     * @return {@code true} between the start and the end of a poll
     */
    boolean polling();

    /**
     * The task whose step runs now.
     *
     * @return the task, or {@code null} outside any task step
     */
    Task<?> currentTask();

    /**
     * The loop's running totals: iterations, callbacks, tasks, open transports and servers, bytes.
     *
     * @return a snapshot, each value recent
     */
    LoopStats stats();

    /**
     * The loop's tasks that are not done.
     *
     * @return a new set
     * @asyncio asyncio.all_tasks(loop)
     */
    Set<Task<?>> allTasks();
}
