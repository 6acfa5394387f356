/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.watchdog;

import io.jasyncio.EventLoop;
import io.jasyncio.Handle;
import io.jasyncio.Task;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.spi.LoopInterceptor;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The watchdog's view of one loop. The loop thread publishes, through the interceptor hooks, what runs now (a handle,
 * a task step, the I/O poll) and bumps a sequence number at every change, with release stores only (plain stores on
 * x86: no fence, no clock read). The watchdog thread reads them with acquire loads; a sequence number that stays the
 * same for longer than the threshold while something runs is a stall.
 */
final class LoopWatch implements LoopInterceptor {
    private static final VarHandle SEQ;
    private static final VarHandle HANDLE;
    private static final VarHandle TASK;
    private static final VarHandle POLL_TIMEOUT;

    /** Marks the I/O poll as what runs (with its I/O callbacks). */
    static final Object POLL = new Object() {
        @Override
        public String toString() {
            return "the I/O poll (its I/O callbacks)";
        }
    };

    /** Frames kept per sampled stack. */
    static final int MAX_FRAMES = 24;
    /** Distinct stacks kept per stall. */
    static final int MAX_STACKS = 8;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            SEQ = l.findVarHandle(LoopWatch.class, "seq", long.class);
            HANDLE = l.findVarHandle(LoopWatch.class, "handle", Object.class);
            TASK = l.findVarHandle(LoopWatch.class, "task", Object.class);
            POLL_TIMEOUT = l.findVarHandle(LoopWatch.class, "pollTimeout", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Written by the loop thread (release), read by the watchdog thread (acquire).
    @SuppressWarnings("unused")
    private long seq;
    @SuppressWarnings("unused")
    private Object handle;
    @SuppressWarnings("unused")
    private Object task;
    @SuppressWarnings("unused")
    private long pollTimeout;

    final WeakReference<BaseEventLoop> loop;
    final long thresholdNanos;
    final long reportAfterNanos;
    final Watchdog owner;

    // Watchdog thread only.
    private long lastSeq = -1;
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

    // ---------------------------------------------------------------- loop thread

    private void publish(Object h) {
        HANDLE.setRelease(this, h);
        SEQ.setRelease(this, (long) SEQ.get(this) + 1);
    }

    @Override
    public void beforeHandle(EventLoop l, Handle h) {
        publish(h);
    }

    @Override
    public void afterHandle(EventLoop l, Handle h, long durationNanos) {
        publish(null);
    }

    @Override
    public void beforeTaskStep(EventLoop l, Object t) {
        TASK.setRelease(this, t);
        SEQ.setRelease(this, (long) SEQ.get(this) + 1);
    }

    @Override
    public void afterTaskStep(EventLoop l, Object t, long durationNanos) {
        TASK.setRelease(this, (Object) null);
        SEQ.setRelease(this, (long) SEQ.get(this) + 1);
    }

    @Override
    public void beforePoll(EventLoop l, long timeoutNanos) {
        POLL_TIMEOUT.setRelease(this, timeoutNanos);
        publish(POLL);
    }

    @Override
    public void afterPoll(EventLoop l, long timeoutNanos, long durationNanos) {
        publish(null);
    }

    @Override
    public void loopClosed(EventLoop l) {
        owner.remove(this);
    }

    // ---------------------------------------------------------------- watchdog thread

    /**
     * Looks at the loop once: notices a stall, samples it, reports it.
     *
     * @param now the watchdog's clock
     * @return {@code false} once the loop is gone
     */
    boolean check(long now) {
        BaseEventLoop l = loop.get();
        if (l == null || l.isClosed()) {
            return false;
        }
        long s = (long) SEQ.getAcquire(this);
        Object h = HANDLE.getAcquire(this);
        Object t = TASK.getAcquire(this);
        if (s != lastSeq) {
            if (stalled) {
                endStall(now);
            }
            lastSeq = s;
            firstSeenNanos = now;
            gcAtFirstSeen = GcTime.pausesNanos();
            return true;
        }
        if (h == null && t == null) {
            return true; // between callbacks, or the loop is not running
        }
        long allowance = 0;
        if (h == POLL && t == null) {
            long timeout = (long) POLL_TIMEOUT.getAcquire(this);
            if (timeout < 0) {
                return true; // waiting for I/O with no limit is idleness
            }
            allowance = timeout;
        }
        long elapsed = now - firstSeenNanos;
        if (elapsed < allowance + thresholdNanos) {
            return true;
        }
        if (!stalled) {
            stalled = true;
            reported = false;
            samples = 0;
            stacks.clear();
            // Described when the stall is noticed: by the report, the task may have moved on.
            stallLoop = l.toString();
            stallRunning = String.valueOf(h == null ? "a task step" : h);
            stallTask = t instanceof Task<?> task ? describe(task) : null;
            stallTaskSite = t instanceof Task<?> task ? List.of(task.getSourceTraceback()) : List.of();
        }
        sample(l, t);
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
        stacks.clear();
        stallTask = null;
        stallTaskSite = List.of();
    }

    private void sample(BaseEventLoop l, Object t) {
        Thread target = l.thread();
        Thread fiber = l.activeFiberThread();
        if (t != null && fiber != null) {
            target = fiber; // the virtual-thread path runs the task's body on its own thread
        }
        if (target == null) {
            return;
        }
        StackTraceElement[] frames = target.getStackTrace();
        samples++;
        List<StackTraceElement> key = List.of(Arrays.copyOf(frames, Math.min(frames.length, MAX_FRAMES)));
        int[] count = stacks.get(key);
        if (count != null) {
            count[0]++;
        } else if (stacks.size() < MAX_STACKS) {
            stacks.put(key, new int[] {1});
        }
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
