/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.watchdog;

import io.jasyncio.Task;
import io.jasyncio.internal.BaseEventLoop;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The watchdog's view of one loop, read from the watchdog thread only. The loop publishes its progress itself, with
 * plain stores it makes anyway or once per I/O poll ({@code BaseEventLoop.progress()}, {@code polling()},
 * {@code pollTimeoutNanos()}, {@code currentTask()}); a progress mark that stays the same for longer than the threshold
 * while the loop runs is a stall. Nothing is added to the loop's per-callback path: no interceptor, no clock read.
 */
final class LoopWatch {
    /** Frames kept per sampled stack, at most: those above the loop's own. */
    static final int MAX_FRAMES = 24;
    /** Distinct stacks kept per stall. */
    static final int MAX_STACKS = 8;

    final WeakReference<BaseEventLoop> loop;
    final long thresholdNanos;
    final long reportAfterNanos;
    final Watchdog owner;

    private long lastProgress = Long.MIN_VALUE;
    private long firstSeenNanos;
    private long gcAtFirstSeen;
    private boolean stalled;
    private boolean reported;
    private int samples;
    private String stallLoop;
    private String stallRunning;
    private String stallTask;
    private List<StackTraceElement> stallTaskSite = List.of();
    private final Map<List<StackTraceElement>, int[]> stacks = new LinkedHashMap<>();

    LoopWatch(BaseEventLoop loop, long thresholdNanos, Watchdog owner) {
        this.loop = new WeakReference<>(loop);
        this.thresholdNanos = thresholdNanos;
        this.reportAfterNanos = Math.max(1_000_000_000L, 10 * thresholdNanos);
        this.owner = owner;
    }

    /**
     * Looks at the loop once: notices a stall, samples it, reports it.
     *
     * @param now the watchdog's clock
     * @return {@code false} once the loop is closed or collected
     */
    boolean check(long now) {
        BaseEventLoop l = loop.get();
        if (l == null || l.isClosed()) {
            if (stalled) {
                endStall(now);
            }
            return false;
        }
        Thread runner = l.thread();
        long progress = l.progress();
        if (runner == null || progress != lastProgress) {
            if (stalled) {
                endStall(now);
            }
            lastProgress = runner == null ? Long.MIN_VALUE : progress;
            firstSeenNanos = now;
            gcAtFirstSeen = GcTime.pausesNanos();
            return true;
        }
        boolean polling = l.polling();
        long allowance = 0;
        if (polling) {
            long timeout = l.pollTimeoutNanos();
            if (timeout < 0) {
                return true; // waiting for I/O with no limit is idleness
            }
            allowance = timeout;
        }
        long elapsed = now - firstSeenNanos;
        if (elapsed < allowance + thresholdNanos) {
            return true;
        }
        Task<?> task = polling ? null : l.currentTask();
        StackTraceElement[] frames = sample(l, runner, task);
        if (!stalled) {
            stalled = true;
            reported = false;
            // Described when the stall is noticed: by the report, the task may have moved on.
            stallLoop = l.toString();
            stallRunning = polling ? "the I/O poll (its I/O callbacks)" : callback(frames, task);
            stallTask = task == null ? null : describe(task);
            stallTaskSite = task == null ? List.of() : List.of(task.getSourceTraceback());
        }
        Stall so = snapshot(now, false);
        owner.sampled(so);
        if (!reported && elapsed >= reportAfterNanos) {
            reported = true;
            owner.report(so);
        }
        return true;
    }

    private void endStall(long now) {
        if (!reported) {
            owner.report(snapshot(now, true));
        }
        stalled = false;
        samples = 0;
        stacks.clear();
        stallTask = null;
        stallTaskSite = List.of();
    }

    private StackTraceElement[] sample(BaseEventLoop l, Thread runner, Task<?> task) {
        Thread target = runner;
        Thread fiber = l.activeFiberThread();
        if (task != null && fiber != null) {
            target = fiber; // the virtual-thread path runs the task's body on its own thread
        }
        StackTraceElement[] frames = target.getStackTrace();
        samples++;
        int end = 0;
        while (end < frames.length && end < MAX_FRAMES
                && !frames[end].getClassName().equals(BaseEventLoop.class.getName())) {
            end++; // the loop's own frames below the callback are the same in every sample: left out
        }
        List<StackTraceElement> key = List.of(Arrays.copyOf(frames, end));
        int[] count = stacks.get(key);
        if (count != null) {
            count[0]++;
        } else if (stacks.size() < MAX_STACKS) {
            stacks.put(key, new int[] {1});
        }
        return frames;
    }

    /** Names the callback from the stack: the frame that {@code Handle.run} called. */
    private static String callback(StackTraceElement[] frames, Task<?> task) {
        for (int i = 1; i < frames.length; i++) {
            if (frames[i].getClassName().equals("io.jasyncio.Handle") && frames[i].getMethodName().equals("run")) {
                StackTraceElement called = frames[i - 1];
                if (task != null && called.getClassName().startsWith("io.jasyncio.Task")) {
                    return "a step of the task";
                }
                return "the callback " + called;
            }
        }
        return task != null ? "a step of the task" : "the loop's own code";
    }

    private Stall snapshot(long now, boolean ended) {
        List<Stall.StackSample> list = new ArrayList<>();
        for (Map.Entry<List<StackTraceElement>, int[]> e : stacks.entrySet()) {
            list.add(new Stall.StackSample(e.getKey(), e.getValue()[0]));
        }
        list.sort((a, b) -> Integer.compare(b.count(), a.count()));
        long gc = Math.max(0, GcTime.pausesNanos() - gcAtFirstSeen);
        return new Stall(stallLoop, stallRunning, stallTask, stallTaskSite, now - firstSeenNanos, gc, thresholdNanos,
                samples, List.copyOf(list), ended);
    }

    private static String describe(Task<?> task) {
        try {
            return task.toString();
        } catch (RuntimeException e) {
            return "<Task name='" + task.getName() + "'>"; // read from another thread: never fail the report
        }
    }
}
