/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.watchdog;

import io.jasyncio.EventLoop;
import io.jasyncio.Task;
import io.jasyncio.spi.LoopProbe;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The watchdog's view of one loop, read from the watchdog thread only. The loop publishes its progress itself, with
 * plain stores it makes anyway or once per I/O poll ({@code LoopProbe.progress()}, {@code polling()},
 * {@code currentTask()}); a progress mark that stays the same for longer than the threshold while the loop runs a
 * callback is a stall, and so is a poll whose thread has left the kernel's wait for longer than that (its I/O
 * callbacks). Nothing is added to the loop's per-callback path: no interceptor, no clock read.
 */
final class LoopWatch {
    /** Frames kept per sampled stack, at most: those above the loop's own. */
    static final int MAX_FRAMES = 24;
    /** Distinct stacks kept per stall; the least seen makes room for a new one. */
    static final int MAX_STACKS = 8;

    final WeakReference<EventLoop> loop;
    /** The loop's classes: their frames, below the callback, are the same in every sample. */
    private final Set<String> loopClasses;
    final long thresholdNanos;
    final long reportAfterNanos;
    final Watchdog owner;

    private long lastProgress = Long.MIN_VALUE;
    private long firstSeenNanos;
    /** Inside a long poll: when the loop thread was last probed, and since when it works (0: it waits). */
    private long lastPollProbeNanos;
    private long workingSinceNanos;
    private long gcAtFirstSeen;
    private boolean stalled;
    private boolean reported;
    private int samples;
    private String stallLoop;
    private String stallRunning;
    private String stallTask;
    private List<StackTraceElement> stallTaskSite = List.of();
    private final Map<List<StackTraceElement>, int[]> stacks = new LinkedHashMap<>();

    LoopWatch(EventLoop loop, long thresholdNanos, Watchdog owner) {
        this.loop = new WeakReference<>(loop);
        this.loopClasses = classesOf(loop);
        this.thresholdNanos = thresholdNanos;
        this.reportAfterNanos = Math.max(1_000_000_000L, 10 * thresholdNanos);
        this.owner = owner;
    }

    /** The names of a loop's class and its superclasses. */
    private static Set<String> classesOf(EventLoop loop) {
        Set<String> names = new HashSet<>();
        for (Class<?> c = loop.getClass(); c != Object.class; c = c.getSuperclass()) {
            names.add(c.getName());
        }
        return names;
    }

    /**
     * Looks at the loop once: notices a stall, samples it, reports it.
     *
     * @param now the watchdog's clock
     * @return {@code false} once the loop is closed or collected
     */
    boolean check(long now) {
        EventLoop l = loop.get();
        if (l == null || l.isClosed()) {
            if (stalled) {
                endStall(now);
            }
            return false;
        }
        LoopProbe probe = LoopProbe.of(l);
        Thread runner = probe.thread();
        long progress = probe.progress();
        if (runner == null || progress != lastProgress) {
            if (stalled) {
                endStall(now);
            }
            lastProgress = runner == null ? Long.MIN_VALUE : progress;
            firstSeenNanos = now;
            gcAtFirstSeen = GcTime.pausesNanos();
            workingSinceNanos = 0;
            lastPollProbeNanos = now;
            return true;
        }
        boolean polling = probe.polling();
        long elapsed = now - firstSeenNanos;
        if (elapsed < thresholdNanos) {
            return true;
        }
        StackTraceElement[] first = null;
        if (polling && !stalled) {
            // The I/O callbacks run inside the poll, after the wait: a long poll is idle while the loop thread waits
            // in the kernel, and stalls once it has worked past the threshold. Probed once per threshold.
            if (now - lastPollProbeNanos < thresholdNanos) {
                return true;
            }
            lastPollProbeNanos = now;
            StackTraceElement[] frames = runner.getStackTrace();
            if (waitingForIo(frames)) {
                workingSinceNanos = 0;
                return true;
            }
            if (workingSinceNanos == 0) {
                workingSinceNanos = now;
                return true;
            }
            if (now - workingSinceNanos < thresholdNanos) {
                return true;
            }
            firstSeenNanos = workingSinceNanos; // the stall began when the work did, not when the poll did
            elapsed = now - firstSeenNanos;
            first = frames;
        }
        Task<?> task = polling ? null : probe.currentTask();
        StackTraceElement[] frames = first != null ? record(first) : sample(probe, runner, task);
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

    /**
     * The watch stops (its watchdog closes, or the JVM exits): a stall in progress is reported now, as ended.
     *
     * @param now the watchdog's clock
     */
    void finish(long now) {
        if (stalled) {
            endStall(now);
        }
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

    private StackTraceElement[] sample(LoopProbe l, Thread runner, Task<?> task) {
        Thread target = runner;
        Thread fiber = l.activeFiberThread();
        if (task != null && fiber != null) {
            target = fiber; // the virtual-thread path runs the task's body on its own thread
        }
        return record(target.getStackTrace());
    }

    /** Counts a sampled stack among the distinct ones. */
    private StackTraceElement[] record(StackTraceElement[] frames) {
        samples++;
        int end = 0;
        while (end < frames.length && end < MAX_FRAMES
                && !loopClasses.contains(frames[end].getClassName())) {
            end++; // the loop's own frames below the callback are the same in every sample: left out
        }
        List<StackTraceElement> key = List.of(Arrays.copyOf(frames, end));
        int[] count = stacks.get(key);
        if (count != null) {
            count[0]++;
            return frames;
        }
        if (stacks.size() >= MAX_STACKS) {
            // Full: the stack seen least (the oldest of those) makes room, so that where the thread is stuck now is
            // kept even after a busy start that showed many different stacks.
            List<StackTraceElement> least = null;
            int min = Integer.MAX_VALUE;
            for (Map.Entry<List<StackTraceElement>, int[]> e : stacks.entrySet()) {
                if (e.getValue()[0] < min) {
                    min = e.getValue()[0];
                    least = e.getKey();
                }
            }
            stacks.remove(least);
        }
        stacks.put(key, new int[] {1});
        return frames;
    }

    /**
     * Whether the loop thread waits in the kernel for I/O: its top frame is the poll's system call (epoll, io_uring,
     * or NIO's selector on Linux).
     */
    static boolean waitingForIo(StackTraceElement[] frames) {
        if (frames.length == 0 || !frames[0].isNativeMethod()) {
            return false;
        }
        String c = frames[0].getClassName();
        String m = frames[0].getMethodName();
        return c.equals("io.netty.channel.epoll.Native") && m.startsWith("epoll")
                || c.startsWith("io.netty.channel.uring.") && m.equals("ioUringEnter")
                || c.equals("sun.nio.ch.EPoll") && m.equals("wait")
                || c.equals("sun.nio.ch.KQueue") && m.equals("poll")
                || c.equals("sun.nio.ch.Net") && m.equals("poll") && frames.length > 1
                        && frames[1].getClassName().contains("Selector");
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
