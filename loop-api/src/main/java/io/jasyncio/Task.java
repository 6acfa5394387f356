/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.FatalErrors;
import io.jasyncio.internal.FinalizerReports;
import io.jasyncio.internal.Interceptors;
import io.jasyncio.internal.LoopAccess;
import io.jasyncio.internal.coro.Fiber;
import io.jasyncio.internal.coro.FiberFactory;
import io.jasyncio.internal.coro.Fibers;
import io.jasyncio.internal.coro.MonitorCheck;
import io.jasyncio.internal.coro.TaskAbandoned;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A coroutine wrapped in a future, run by the loop one step at a time: a step runs the body until it awaits a future
 * that is not done, then the task waits for that future's done callback to schedule the next step. Tasks switch only
 * at awaits.
 *
 * <p>Cancellation as asyncio 3.12: {@link #cancel(String)} cancels the future the task waits on, or arranges for a
 * {@link CancelledError} to be thrown at the next await; a body that catches it and returns normally leaves the task
 * not cancelled. {@link #cancelling()} counts pending cancellation requests, {@link #uncancel()} takes one back.
 *
 * <p>States: {@code PENDING (steps: running | waiting on a future) -> FINISHED | CANCELLED}.
 *
 * @param <T> the result type
 * @asyncio asyncio.Task
 *     Differences: {@code get_coro()} returns the {@link Coroutine} lambda; {@code get_stack()} returns the suspended
 *     body's Java frames.
 */
public class Task<T> extends Future<T> {
    private static final AtomicLong COUNTER = new AtomicLong();

    static {
        Fibers.setTaskCloser(Task::close);
    }

    /**
     * Whether each task body runs on a thread of its own (the virtual-thread path), which a step must bind to the loop
     * and unbind after. Constant per JVM: the continuation path then pays no volatile store per step.
     */
    private static final boolean FIBER_THREADS = Fibers.factory().ownThreads();
    /** The coroutine path, one per JVM. */
    private static final FiberFactory FIBERS = Fibers.factory();

    /** The step callback, shared by all tasks: no capturing lambda per step. */
    private static final Consumer<Task<?>> STEP = t -> t.step(null);
    /** The callback of a task's own wake-up handle ({@link #resume}), shared by all tasks. */
    private static final Consumer<Task<?>> RESUME = Task::resumeWoken;

    private final BaseEventLoop loop;
    private final Coroutine<T> coro;
    private final Fiber fiber;
    /** The body that the fiber runs and the done callback of the awaited future, in one object. */
    private final Steps wakeup = new Steps();
    /** The task's entry in its loop's registry of tasks ({@code all_tasks()}), to forget it when it finishes. */
    private final Object registration;
    /** The name given, or {@code null} for {@code Task-<id>}, made when first asked for. */
    private String name;
    /** The number in the default name {@code Task-N}; 0 when a name was given. */
    private final long id;
    private Context context;
    /**
     * Reports "Task was destroyed but it is pending!" if the task is collected, or its loop closes, unfinished. Made at
     * the first suspension: before it the ready queue holds the task, and a task that ends in its first step never
     * pays for it.
     */
    private FinalizerReports.PendingTaskLogger pendingLogger;

    // Threading: loop thread only (or the task's own fiber, which runs only while the loop thread waits for it).
    private boolean mustCancel;
    /** Inside this task's cancel(), while it cancels its waiter: a cancel that comes back here closed a cycle. */
    private boolean cancelPropagating;
    private int numCancelsRequested;
    private Future<?> futWaiter;
    /**
     * The handle that wakes this task when the future it waits on is done, made at its first wake-up and queued again
     * at each one after (see {@link #scheduleWakeup}): an await allocates no handle. Queued at most once at a time: the
     * task waits on one future, whose done callback queues it, and runs (and so awaits again) only after it ran.
     */
    private Handle resume;
    /** Set by the body when it awaits: the future to wait on, or {@code null} for a bare yield (sleep(0)). */
    private Future<?> awaiting;
    /** What the next resume throws at the await point. */
    private Throwable throwIn;
    private T bodyResult;
    private Throwable bodyException;
    private boolean started;
    private boolean bodyEnded;
    /** When the last step ended, on the loop's ticker; recorded only while interceptors watch the loop, else 0. */
    private long suspendedAtNanos;

    /**
     * Creates a task and schedules its first step; {@link EventLoop#createTask} is the usual way.
     *
     * @param coro the coroutine
     * @param loop the loop
     * @param name the name, or {@code null} for {@code Task-N}
     */
    public Task(Coroutine<T> coro, EventLoop loop, String name) {
        this(coro, loop, name, false);
    }

    /**
     * Creates a task; with {@code eagerStart} its first step runs now, synchronously, until the first await that
     * suspends (asyncio 3.12's eager tasks): a body that never suspends completes here without being scheduled.
     *
     * @param coro the coroutine
     * @param loop the loop
     * @param name the name, or {@code null} for {@code Task-N}
     * @param eagerStart whether to run the first step now
     */
    @SuppressWarnings("this-escape") // registers and schedules itself, as asyncio's Task.__init__ does
    public Task(Coroutine<T> coro, EventLoop loop, String name, boolean eagerStart) {
        super(loop);
        this.loop = (BaseEventLoop) loop;
        this.coro = java.util.Objects.requireNonNull(coro, "coro");
        if (coro instanceof io.jasyncio.internal.CoroutineObject<?> object) {
            object.markScheduled();
        }
        this.name = name;
        this.id = name == null ? COUNTER.incrementAndGet() : 0;
        this.context = Context.forNewTask(this.loop);
        BaseEventLoop base = this.loop;
        // Only a body on a thread of its own binds that thread to the loop as it starts: no lambda per task otherwise.
        this.fiber = FIBERS.create(wakeup, FIBER_THREADS ? () -> LoopAccess.bindFiberThread(base) : null);
        this.registration = LoopAccess.registerTask(base, this);
        if (eagerStart && this.loop.isRunning() && this.loop.inEventLoop()) {
            step(null);
        } else {
            this.loop.callSoon(STEP, this);
        }
    }

    // ---------------------------------------------------------------- public API

    /**
     * The task's name.
     *
     * @return the name
     * @asyncio Task.get_name()
     */
    public final String getName() {
        return name != null ? name : "Task-" + id;
    }

    /**
     * Renames the task.
     *
     * @param value the new name
     * @asyncio Task.set_name(value)
     */
    public final void setName(String value) {
        name = String.valueOf(value);
    }

    /**
     * The coroutine the task runs.
     *
     * @return the coroutine
     * @asyncio Task.get_coro()
     */
    public final Coroutine<T> getCoro() {
        return coro;
    }

    /**
     * The frames of the task's body, innermost first: where it is suspended, or where it runs when called from the
     * body itself; empty when the task is done or has not started. The loop's and the suspension's own frames are left
     * out.
     *
     * @return the frames
     * @asyncio Task.get_stack()
     *     Differences: Java's order (innermost first, asyncio gives the oldest first) and no {@code limit}.
     */
    public final StackTraceElement[] getStack() {
        if (done() || !started) {
            return new StackTraceElement[0];
        }
        boolean running = loop.currentTask() == this;
        return bodyFrames(running ? Thread.currentThread().getStackTrace() : fiber.stack());
    }

    /** Keeps the body's frames: drops the suspension machinery above them and the loop below them. */
    private static StackTraceElement[] bodyFrames(StackTraceElement[] frames) {
        int end = frames.length;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals(Task.class.getName()) && frames[i].getMethodName().equals("runBody")) {
                end = i;
                break;
            }
        }
        int start = 0;
        while (start < end && isMachinery(frames[start])) {
            start++;
        }
        return java.util.Arrays.copyOfRange(frames, start, end);
    }

    private static boolean isMachinery(StackTraceElement f) {
        String c = f.getClassName();
        return c.equals(Task.class.getName()) || c.startsWith("io.jasyncio.internal.coro.")
                || c.startsWith("jdk.internal.") || c.equals("java.lang.Thread") || c.equals("java.lang.VirtualThread")
                || c.equals("java.util.concurrent.locks.LockSupport") || c.startsWith("java.lang.System$")
                || (c.equals(Asyncio.class.getName()) && f.getMethodName().equals("await"));
    }

    /**
     * The future the task waits on. Diagnostics (a task dump) may read it from another thread, where it is a recent
     * value, not necessarily the latest.
     *
     * @return the future, or {@code null} when the task runs, is scheduled, or is done
     */
    public final Future<?> getFutWaiter() {
        return futWaiter;
    }

    /**
     * Where the task was created, innermost first, starting at the caller of {@code createTask} (or of the
     * constructor), at most asyncio's {@code DEBUG_STACK_DEPTH} (10) frames; recorded only when the loop was in debug
     * mode at creation, as a future's, and resolved to frames when first read.
     *
     * @return the frames, or an empty array when not recorded
     * @asyncio Task._source_traceback
     *     Differences: Java's order (innermost first).
     */
    @Override
    public final StackTraceElement[] getSourceTraceback() {
        return super.getSourceTraceback();
    }

    /**
     * When the task's last step ended (it suspended then at an await), on the loop's ticker: with
     * {@link #getFutWaiter()} it tells how long the task has waited. Recorded only while an interceptor watches the
     * loop (the watched path times each step anyway), so that the plain path pays nothing.
     *
     * @return the ticker time, or 0 when unknown
     */
    public final long getSuspendedAtNanos() {
        return suspendedAtNanos;
    }

    /**
     * Requests cancellation: the future the task waits on is cancelled, or {@link CancelledError} is thrown into the
     * body at its next await.
     *
     * @param msg the message that the CancelledError carries, may be {@code null}
     * @return {@code false} if the task is done, else {@code true}
     * @asyncio Task.cancel(msg=None)
     */
    @Override
    public boolean cancel(String msg) {
        if (done()) {
            return false;
        }
        if (cancelPropagating) {
            // Tasks that await each other in a cycle: the cancellation came round to this task through its own
            // waiter. Going on would go round for ever (asyncio overflows its stack here): the task stops waiting and
            // takes the CancelledError at its await, and its waiters' cancellation follows from its end.
            Future<?> waiter = futWaiter;
            if (waiter != null) {
                waiter.removeDoneCallback(wakeup);
                futWaiter = null;
                loop.callSoon(STEP, this);
            }
            mustCancel = true;
            setCancelMessage(msg);
            return true;
        }
        numCancelsRequested++;
        if (futWaiter != null) {
            cancelPropagating = true;
            try {
                if (futWaiter.cancel(msg)) {
                    // The waiter's done callback wakes the task with CancelledError.
                    return true;
                }
            } finally {
                cancelPropagating = false;
            }
        }
        mustCancel = true;
        setCancelMessage(msg);
        return true;
    }

    /**
     * The number of pending cancellation requests.
     *
     * @return cancel() calls not yet taken back by uncancel()
     * @asyncio Task.cancelling()
     */
    public final int cancelling() {
        return numCancelsRequested;
    }

    /**
     * Takes back one cancellation request.
     *
     * @return the remaining count
     * @asyncio Task.uncancel()
     */
    public final int uncancel() {
        if (numCancelsRequested > 0) {
            numCancelsRequested--;
            if (numCancelsRequested == 0) {
                mustCancel = false;
            }
        }
        return numCancelsRequested;
    }

    /**
     * Tasks complete by running: a result cannot be set from outside.
     *
     * @throws UnsupportedOperationException always ("Task does not support set_result operation")
     * @asyncio Task.set_result
     */
    @Override
    public void setResult(T value) {
        throw new UnsupportedOperationException("Task does not support set_result operation");
    }

    /**
     * Tasks complete by running: an exception cannot be set from outside.
     *
     * @throws UnsupportedOperationException always ("Task does not support set_exception operation")
     * @asyncio Task.set_exception
     */
    @Override
    public void setException(Throwable exc) {
        throw new UnsupportedOperationException("Task does not support set_exception operation");
    }

    // ---------------------------------------------------------------- the step machine (tasks.py __step, __wakeup)

    /**
     * The task's two callbacks as one object, so that a task carries one of them rather than two: the body its fiber
     * runs, and the done callback of the future it awaits (asyncio's bound method {@code __wakeup}).
     */
    final class Steps implements Runnable, Consumer<Future<?>> {
        @Override
        public void run() {
            runBody();
        }

        @Override
        public void accept(Future<?> future) {
            wakeup(future);
        }

        /**
         * Queues the task's own wake-up handle for {@code future}, which is done, instead of a new handle with this
         * callback; the future calls it for its done callbacks that are a task's wake-up.
         *
         * @param future the future done
         * @return {@code false} when the future must schedule this callback the usual way
         */
        boolean scheduleWakeup(Future<?> future) {
            return Task.this.scheduleWakeup(future);
        }
    }

    /**
     * Queues {@link #resume} for the future the task waits on, which is done. Not in debug mode, nor while interceptors
     * watch the loop: there each wake-up is a handle of its own, which records where it was made and which the
     * interceptors may keep.
     */
    private boolean scheduleWakeup(Future<?> future) {
        if (future != futWaiter || loop.getDebug() || loop.activeInterceptors() != null) {
            return false;
        }
        Handle h = resume;
        if (h == null) {
            h = new Handle(RESUME, this, loop);
            resume = h;
        }
        loop.callSoonReused(h);
        return true;
    }

    /**
     * The task's wake-up: steps it with the outcome of the future it waits on. Nothing when it no longer waits on a
     * done future: a cancellation that came round a cycle of tasks stepped it another way (see {@link #cancel}).
     */
    private void resumeWoken() {
        Future<?> future = futWaiter;
        if (future != null && future.done()) {
            wakeup(future);
        }
    }

    private void runBody() {
        try {
            bodyResult = coro.call();
        } catch (Throwable t) {
            // A fatal error too ends the body here, so that the fiber ends cleanly; stepRun lets it out of the loop.
            bodyException = t;
        }
    }

    /**
     * Unwinds the suspended body of a task still pending when its loop closes (see {@link Fibers#closePending}). The
     * task stays pending, as a destroyed asyncio task does: its loop can no longer run its callbacks; and it is
     * reported as "Task was destroyed but it is pending!" now rather than when it is collected.
     */
    private void close() {
        if (done()) {
            return;
        }
        if (started && !bodyEnded) {
            throwIn = new TaskAbandoned(this);
            awaiting = null;
            try {
                bodyEnded = fiber.resume();
            } finally {
                bodyResult = null;
                bodyException = null;
                throwIn = null;
                futWaiter = null;
            }
        }
        followPending().reportNow(); // destroyed pending, as asyncio reports it once its loop let it go
    }

    private FinalizerReports.PendingTaskLogger followPending() {
        if (pendingLogger == null) {
            pendingLogger = FinalizerReports.taskPending(this, loop, name, id, coro, creationSite());
        }
        return pendingLogger;
    }

    private void step(Throwable exc) {
        if (done()) {
            throw new InvalidStateError("step(): already done: " + this + ", " + exc);
        }
        if (mustCancel) {
            if (!(exc instanceof CancelledError)) {
                exc = makeCancelledError();
            }
            mustCancel = false;
        }
        futWaiter = null;
        Task<?> previous = LoopAccess.swapCurrentTask(loop, this);
        Thread fiberThread = FIBER_THREADS ? loop.activeFiberThread() : null;
        Interceptors ic = loop.activeInterceptors();
        long t0 = 0;
        boolean timed = false; // a step is timed (two clock reads) only for an interceptor that overrides afterTaskStep
        if (ic != null) {
            ic.beforeTaskStep(this);
            timed = ic.timesTaskSteps();
            t0 = timed ? loop.ticker().nanoTime() : 0;
        }
        try {
            stepRun(exc);
        } finally {
            if (FIBER_THREADS) {
                LoopAccess.setActiveFiberThread(loop, fiberThread);
            }
            LoopAccess.swapCurrentTask(loop, previous);
            if (ic != null) {
                long end = loop.ticker().nanoTime();
                suspendedAtNanos = end;
                if (timed) {
                    ic.afterTaskStep(this, end - t0);
                }
                if (pendingLogger != null && !done() && loop.getDebug()) {
                    pendingLogger.setRepr(numCancelsRequested > 0 ? toString() // debug mode: the report shows
                            : reprLater(name, coro, futWaiter)); // what the task last awaited
                }
            } else {
                suspendedAtNanos = 0;
            }
        }
    }

    private void stepRun(Throwable exc) {
        throwIn = exc;
        awaiting = null;
        if (!started) {
            started = true;
            if (exc != null) {
                // Cancelled before its first step: the body never runs, as a coroutine thrown into before it starts.
                finish(null, exc);
                return;
            }
        }
        boolean ended = fiber.resume();
        bodyEnded = ended;
        if (ended) {
            Throwable error = bodyException;
            finish(bodyResult, error);
            if (FatalErrors.isFatal(error)) {
                // asyncio's __step_run_and_handle_result: the task holds the error, and the error leaves the loop.
                throw (Error) error;
            }
            return;
        }
        if (pendingLogger == null) {
            followPending();
        }
        Future<?> result = awaiting;
        awaiting = null;
        if (result == null) {
            // A bare yield gives up the loop for one iteration.
            loop.callSoon(STEP, this);
        } else if (result.getLoop() != loop) {
            IllegalStateException e = new IllegalStateException(
                    "Task " + this + " got Future " + result + " attached to a different loop");
            loop.callSoon(() -> step(e));
        } else if (result == this) {
            IllegalStateException e = new IllegalStateException("Task cannot await on itself: " + this);
            loop.callSoon(() -> step(e));
        } else {
            result.addDoneCallback(wakeup);
            futWaiter = result;
            if (mustCancel && futWaiter.cancel(cancelMessage())) {
                mustCancel = false;
            }
        }
    }

    private void finish(T value, Throwable error) {
        bodyResult = null;
        bodyException = null;
        if (pendingLogger != null) {
            pendingLogger.done();
        }
        LoopAccess.unregisterTask(loop, this, registration);
        if (error == null) {
            if (mustCancel) {
                mustCancel = false;
                super.cancel(cancelMessage());
            } else {
                super.setResult(value);
            }
        } else if (error instanceof CancelledError ce) {
            setCancelledError(ce);
            super.cancel(ce.getMessage());
        } else {
            super.setException(error);
        }
    }

    private void wakeup(Future<?> future) {
        Throwable exc = null;
        try {
            future.result();
        } catch (Throwable t) {
            exc = t;
        }
        step(exc);
    }

    // ---------------------------------------------------------------- await, from inside the body

    /**
     * Suspends this task until the future is done, from inside its body. {@link Asyncio#await(Future)} calls it.
     *
     * @param future the future, or {@code null} to yield for one iteration
     */
    final void suspendOn(Future<?> future) {
        if (!FIBER_THREADS && MonitorCheck.enabled(loop.getDebug())) {
            MonitorCheck.beforeAwait(loop.getDebug(), LoopAccess.monitorChecks(loop));
        }
        awaiting = future;
        FIBERS.suspend();
        if (FIBER_THREADS) {
            LoopAccess.bindFiberThread(loop);
        }
        Throwable t = throwIn;
        throwIn = null;
        if (t != null) {
            throw Task.<RuntimeException>sneaky(t);
        }
    }

    /**
     * The task's contextvars context; loop internals and {@link ContextVar} use it.
     *
     * @return the context
     */
    final Context context() {
        return context;
    }

    /**
     * The context the task runs in: a copy of its creator's, or the one given to
     * {@link EventLoop#createTask(Coroutine, String, Context)}.
     *
     * @return the context
     * @asyncio Task.get_context()
     */
    public final Context getContext() {
        return context;
    }

    final void setContext(Context value) {
        context = value;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** The tasks whose repr this thread is writing: a task met again inside its own repr prints as "...". */
    private static final ThreadLocal<java.util.Set<Task<?>>> PRINTING = ThreadLocal.withInitial(() ->
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    /**
     * asyncio's repr: {@code <Task pending name='Task-1' coro=... wait_for=...>}, with {@code cancelling} for a pending
     * task with cancellation requests, and the result or exception of a finished one. Tasks that await each other in
     * a cycle print {@code ...} where the repr would repeat, as asyncio's {@code reprlib.recursive_repr} does.
     */
    @Override
    public String toString() {
        java.util.Set<Task<?>> printing = PRINTING.get();
        if (!printing.add(this)) {
            return "...";
        }
        try {
            return repr();
        } finally {
            printing.remove(this);
        }
    }

    private String repr() {
        String base = super.toString();
        String info = base.substring(base.indexOf(' ') + 1, base.length() - 1);
        int space = info.indexOf(' ');
        String state = space < 0 ? info : info.substring(0, space);
        String outcome = space < 0 ? "" : info.substring(space);
        if (!done() && numCancelsRequested > 0) {
            state = "cancelling";
        }
        // asyncio's _task_repr_info order: state, name, coro, wait_for, then the future's result, callbacks and site
        StringBuilder sb = new StringBuilder("<Task ").append(state).append(" name='").append(getName()).append("' coro=")
                .append(Handle.describe(coro));
        if (futWaiter != null) {
            sb.append(" wait_for=").append(futWaiter);
        }
        return sb.append(outcome).append('>').toString();
    }
}
