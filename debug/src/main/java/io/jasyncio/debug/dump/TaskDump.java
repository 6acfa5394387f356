/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.dump;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;
import io.jasyncio.spi.LoopProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every pending task of a loop: name, state, what it awaits and for how long, the await chain, who awaits it, where it
 * was created and where it is suspended. Suspended tasks appear in no JVM thread dump; this is where to see them.
 *
 * <p>Taken from any thread. On the loop thread, or when the loop does not run, the dump is complete (do not dump a loop
 * that is not running from one thread while another thread starts it). From another
 * thread, {@link #of(EventLoop)} asks the loop thread to take it and waits a little; if the loop thread does not answer
 * (it is stuck), the dump is read from the calling thread instead: the task set is thread-safe and the tasks' fields
 * are read as they are (recent values, not necessarily the latest); the suspended bodies' stacks are left out (walking a
 * continuation that the loop may resume is not safe) and the loop thread's own stack is put in their place.
 */
public final class TaskDump {
    /** How long {@link #of(EventLoop)} waits for the loop thread before reading from the calling thread. */
    public static final Duration LOOP_ANSWER_WAIT = Duration.ofMillis(200);

    private final String loop;
    private final double time;
    private final boolean onLoopThread;
    private final List<TaskInfo> tasks;
    private final List<StackTraceElement> loopThreadStack;

    private TaskDump(String loop, double time, boolean onLoopThread, List<TaskInfo> tasks,
            List<StackTraceElement> loopThreadStack) {
        this.loop = loop;
        this.time = time;
        this.onLoopThread = onLoopThread;
        this.tasks = tasks;
        this.loopThreadStack = loopThreadStack;
    }

    /**
     * Dumps the tasks of a loop, from any thread; waits at most {@link #LOOP_ANSWER_WAIT} for a running loop's thread.
     *
     * @param loop the loop
     * @return the dump
     */
    public static TaskDump of(EventLoop loop) {
        return of(loop, LOOP_ANSWER_WAIT);
    }

    /**
     * Dumps the tasks of a loop, from any thread.
     *
     * @param loop the loop
     * @param loopAnswerWait how long to wait for a running loop's thread to take the dump (zero: do not ask it)
     * @return the dump
     */
    public static TaskDump of(EventLoop loop, Duration loopAnswerWait) {
        EventLoop l = loop;
        LoopProbe probe = LoopProbe.of(loop);
        Thread runner = probe.thread();
        if (runner == null || runner == Thread.currentThread() || probe.activeFiberThread() == Thread.currentThread()) {
            return take(l, probe, true);
        }
        if (!loopAnswerWait.isZero() && !l.isClosed()) {
            CompletableFuture<TaskDump> answer = new CompletableFuture<>();
            try {
                l.callSoonThreadsafe(() -> answer.complete(take(l, probe, true)));
                return answer.get(loopAnswerWait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (IllegalStateException | TimeoutException | ExecutionException e) {
                // closed meanwhile, or stuck: read from here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return take(l, probe, false);
    }

    private static TaskDump take(EventLoop l, LoopProbe probe, boolean onLoopThread) {
        Set<Task<?>> all = probe.allTasks();
        Task<?> current = probe.currentTask();
        long now = l.ticker().nanoTime();
        Map<Future<?>, List<String>> waiters = new IdentityHashMap<>();
        Map<Task<?>, Future<?>> waitsOn = new IdentityHashMap<>();
        for (Task<?> t : all) {
            Future<?> w = t.getFutWaiter();
            if (w != null) {
                waitsOn.put(t, w);
                waiters.computeIfAbsent(w, k -> new ArrayList<>()).add(t.getName());
            }
        }
        List<TaskInfo> infos = new ArrayList<>();
        for (Task<?> t : all) {
            Future<?> w = waitsOn.get(t);
            String state = t == current ? "running" : w != null ? "waiting" : "scheduled";
            long since = t.getSuspendedAtNanos();
            long waiting = w != null && since != 0 ? Math.max(0, now - since) : -1;
            List<StackTraceElement> stack = onLoopThread && t != current ? List.of(t.getStack()) : List.of();
            infos.add(new TaskInfo(t.getName(), state, t.cancelling(), repr(t), w == null ? null : repr(w), waiting,
                    chain(t), List.copyOf(waiters.getOrDefault(t, List.of())), List.of(t.getSourceTraceback()),
                    stack));
        }
        infos.sort(Comparator.comparing(TaskInfo::name));
        List<StackTraceElement> loopStack = List.of();
        Thread runner = probe.thread();
        if (!onLoopThread && runner != null) {
            loopStack = List.of(runner.getStackTrace());
        }
        return new TaskDump(l.toString(), now / 1e9, onLoopThread, List.copyOf(infos), loopStack);
    }

    /** The task's name, then each awaited task's, ending with the innermost awaited future that is not a task. */
    private static List<String> chain(Task<?> start) {
        List<String> chain = new ArrayList<>();
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Future<?> f = start;
        while (f != null && seen.add(f)) {
            if (f instanceof Task<?> t) {
                chain.add(t.getName());
                f = t.getFutWaiter();
            } else {
                chain.add(repr(f));
                f = null;
            }
        }
        if (f != null) {
            chain.add("(cycle)");
        }
        return chain;
    }

    private static String repr(Future<?> f) {
        try {
            return f.toString();
        } catch (RuntimeException e) {
            // read from another thread while the loop changes it: describe it plainly
            return "<" + f.getClass().getSimpleName() + (f instanceof Task<?> t ? " name='" + t.getName() + "'" : "")
                    + ">";
        }
    }

    /**
     * The loop the dump is of.
     *
     * @return the loop's description
     */
    public String loop() {
        return loop;
    }

    /**
     * The tasks, by name.
     *
     * @return the tasks
     */
    public List<TaskInfo> tasks() {
        return tasks;
    }

    /**
     * Whether the dump was taken on the loop thread (complete, with the suspended stacks).
     *
     * @return {@code true} on the loop thread
     */
    public boolean onLoopThread() {
        return onLoopThread;
    }

    /**
     * The loop thread's stack when the dump was read from another thread while the loop ran.
     *
     * @return the frames, innermost first, or empty
     */
    public List<StackTraceElement> loopThreadStack() {
        return loopThreadStack;
    }

    /**
     * The dump as text, for people.
     *
     * @return the text
     */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Tasks of ").append(loop).append(" at ").append(String.format(Locale.ROOT, "%.3f", time))
                .append(": ").append(tasks.size()).append(" pending")
                .append(onLoopThread ? "" : " (read from another thread: the loop thread did not answer)").append('\n');
        for (TaskInfo t : tasks) {
            sb.append("Task '").append(t.name()).append("' ").append(t.state());
            if (t.cancelling() > 0) {
                sb.append(" (cancelling ").append(t.cancelling()).append(')');
            }
            if (t.awaits() != null) {
                sb.append(t.waitingNanos() >= 0
                        ? String.format(Locale.ROOT, " for %.3f s", t.waitingNanos() / 1e9) : "")
                        .append(" on ").append(t.awaits());
            }
            sb.append('\n');
            if (t.awaitChain().size() > 2) {
                sb.append("  await chain: ").append(String.join(" -> ", t.awaitChain())).append('\n');
            }
            if (!t.awaitedBy().isEmpty()) {
                sb.append("  awaited by: ").append(String.join(", ", t.awaitedBy())).append('\n');
            }
            frames(sb, "  suspended at:", t.stack());
            frames(sb, "  created at:", t.createdAt());
        }
        frames(sb, "Loop thread:", loopThreadStack);
        return sb.toString();
    }

    private static void frames(StringBuilder sb, String title, List<StackTraceElement> frames) {
        if (frames.isEmpty()) {
            return;
        }
        sb.append(title).append('\n');
        for (StackTraceElement f : frames) {
            sb.append("    at ").append(f).append('\n');
        }
    }

    /**
     * The dump as JSON, for tools: {@code {"loop":..., "time":..., "onLoopThread":..., "tasks":[{"name":...,
     * "state":..., "cancelling":..., "repr":..., "awaits":..., "waitingSeconds":..., "awaitChain":[...],
     * "awaitedBy":[...], "createdAt":[...], "stack":[...]}], "loopThreadStack":[...]}}.
     *
     * @return the JSON text
     */
    public String json() {
        Json j = new Json();
        j.open('{').key("loop").str(loop).key("time").num(time).key("onLoopThread").bool(onLoopThread);
        j.key("tasks").open('[');
        for (TaskInfo t : tasks) {
            j.open('{').key("name").str(t.name()).key("state").str(t.state()).key("cancelling").num(t.cancelling())
                    .key("repr").str(t.repr()).key("awaits").str(t.awaits()).key("waitingSeconds");
            if (t.waitingNanos() >= 0) {
                j.num(t.waitingNanos() / 1e9);
            } else {
                j.str(null);
            }
            j.key("awaitChain").strs(t.awaitChain()).key("awaitedBy").strs(t.awaitedBy())
                    .key("createdAt").strs(texts(t.createdAt())).key("stack").strs(texts(t.stack())).close('}');
        }
        j.close(']').key("loopThreadStack").strs(texts(loopThreadStack)).close('}');
        return j.toString();
    }

    private static List<String> texts(List<StackTraceElement> frames) {
        return Arrays.asList(frames.stream().map(StackTraceElement::toString).toArray(String[]::new));
    }

    @Override
    public String toString() {
        return text();
    }
}
