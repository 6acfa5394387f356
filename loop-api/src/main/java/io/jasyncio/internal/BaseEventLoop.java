/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.ExceptionContext;
import io.jasyncio.ExceptionHandler;
import io.jasyncio.Future;
import io.jasyncio.Handle;
import io.jasyncio.LoopOptions;
import io.jasyncio.Task;
import io.jasyncio.TaskFactory;
import io.jasyncio.Ticker;
import io.jasyncio.TimerHandle;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopProbe;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop's logic without I/O, asyncio's {@code base_events.BaseEventLoop}: the ready queue, the timer heap, the
 * inbox of other threads' callbacks, one iteration ({@link #runOnce()}), running and stopping, the exception handler,
 * the default executor and debug mode. Subclasses add the I/O poll and the wake-up: {@link #pollIo(long)} and
 * {@link #wakeup()}. No Netty import here. The package documentation draws one iteration and names the helpers that
 * hold the loop's other concerns (the watched path, exception handling, the task bookkeeping).
 */
// Its helpers (DebugSupport, Interceptors, WatchedIteration, ...) keep the loop; none calls back while it is built.
@SuppressWarnings("this-escape")
public abstract class BaseEventLoop implements EventLoop, LoopProbe {
    /** The logger of every asyncio message: the default exception handler, debug-mode warnings. */
    public static final Logger LOGGER = LoggerFactory.getLogger("asyncio");

    /**
     * The most callbacks of other threads ({@code callSoonThreadsafe}) that one iteration moves into the ready queue:
     * a flood of them is run a batch per iteration, with an I/O poll and the due timers between batches, as Netty's
     * loop bounds the tasks it runs between two I/O turns (by time there, by count here: no clock read).
     */
    static final int INBOX_BATCH = 1024;

    /** The loop that runs on each thread, asyncio's {@code _running_loop}; {@link LoopAccess} binds fiber threads. */
    static final ThreadLocal<BaseEventLoop> RUNNING_LOOP = new ThreadLocal<>();

    private static final VarHandle THREAD;

    static {
        try {
            THREAD = MethodHandles.lookup().findVarHandle(BaseEventLoop.class, "thread", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        // FatalErrors runs when something has already gone wrong, perhaps with every descriptor in use: a class
        // loaded for the first time then could fail with NoClassDefFoundError, itself fatal. Initialize it now (it
        // loads what it tests for).
        if (FatalErrors.isFatal(null)) {
            throw new ExceptionInInitializerError("unreachable: null is not fatal");
        }
    }

    // Threading: loop thread only.
    private final ReadyQueue ready = new ReadyQueue();
    /** The timer heap; {@link LoopAccess} tells it of cancelled timers. */
    final TimerQueue timers = new TimerQueue();
    private final DefaultExecutor defaultExecutor = new DefaultExecutor();
    private double slowCallbackDuration;
    private TaskFactory taskFactory;
    /** The task whose step runs now, asyncio's {@code _current_tasks[loop]}; {@link LoopAccess} swaps it. */
    Task<?> currentTask;
    /** The pending tasks, held weakly; {@link LoopAccess} registers them. */
    final TaskRegistry tasks = new TaskRegistry();
    /**
     * For diagnostics (the stall watchdog), read from any thread without synchronization: bumped before and after each
     * I/O poll, so odd while polling. Plain stores, once per iteration: nothing per callback.
     */
    private int polls;
    /** The running totals of {@link #stats()}. */
    private final LoopCounters counters = new LoopCounters();
    /**
     * On the virtual-thread coroutine path: the thread of the fiber that runs now, which may use the loop;
     * {@link LoopAccess} binds it.
     */
    volatile Thread activeFiberThread;
    /** The interceptor providers: those installed always, and the debug-only ones that follow setDebug. */
    private final DebugSupport debugSupport = new DebugSupport(this);
    /** How much time the monitor checks of debug mode may still take; {@link LoopAccess} hands it to tasks. */
    final io.jasyncio.internal.coro.MonitorCheck.Budget monitorChecks =
            new io.jasyncio.internal.coro.MonitorCheck.Budget();

    // Threading: any thread.
    private final MpscInbox inbox = new MpscInbox();
    /** How many more inbox callbacks this iteration may move into the ready queue; the loop thread only. */
    private int inboxBudget;
    private final Ticker ticker;
    /** The custom exception handler, the default one's counts of repeated reports and their timer. */
    private final ExceptionHandlers exceptionHandlers;
    private volatile boolean debug;
    private volatile boolean stopping;
    private volatile boolean closed;
    /** The thread inside runForever; set by compare-and-set, so that of two threads racing to run, one wins. */
    private volatile Thread thread;
    private final Interceptors interceptors = new Interceptors(this);
    /** Whether any interceptor is installed: the loop's parts test it before they report an event. */
    private volatile boolean intercepted;
    /**
     * Whether an interceptor overrides a hook of the iteration (callbacks, polls): read once per iteration to choose the
     * plain or the watched path. An interceptor that watches only rarer events (tasks, transports, futures) leaves the
     * loop on its plain path.
     */
    private volatile boolean watched;
    /** Whether an interceptor overrides {@code handleScheduled}: the scheduling methods test it, nothing more. */
    private volatile boolean schedulingWatched;
    /** Inside {@link #runIterations()}: one iteration follows another with nothing in between. Loop thread only. */
    private boolean iterating;
    /**
     * Whether the previous iteration, a watched one inside {@link #runIterations()}, ended at the watched path's last
     * tick, and the next poll starts there (one clock read between the two, not two). Loop thread only.
     */
    private boolean ticked;
    /** The watched path of {@link #runOnce()}: the timed poll and callbacks, for the interceptors. */
    private final WatchedIteration watchedIteration;
    /** A fatal error a protocol callback raised inside the I/O poll, thrown out of the iteration that polled. */
    private Error pendingFatal;

    /**
     * Creates the loop's state.
     *
     * @param options the clock, debug mode and slow-callback threshold
     */
    protected BaseEventLoop(LoopOptions options) {
        this.ticker = options.ticker();
        this.watchedIteration = new WatchedIteration(this, ready, interceptors, ticker);
        this.exceptionHandlers = new ExceptionHandlers(this, timers, ticker);
        this.slowCallbackDuration = options.slowCallbackDuration();
        debugSupport.installAlways();
        setDebug(options.debug());
        OpenLoops.opened(this);
    }

    // ---------------------------------------------------------------- I/O, for subclasses

    /**
     * Polls for I/O and runs (or schedules) the I/O callbacks; the only place where the loop may block.
     *
     * @param timeoutNanos 0 to not block, -1 to block until I/O or {@link #wakeup()}, else the longest wait
     */
    protected abstract void pollIo(long timeoutNanos);

    /**
     * Whether {@link #pollIo(long)} with this timeout would do nothing at all: no system call, no I/O callback, no
     * task of the I/O machinery. The watched path then reads no clock around it: it reports a poll of 0 ns and the
     * next callback's time starts where the last one ended. The default says {@code false}: the poll is timed.
     *
     * @param timeoutNanos the timeout of the poll about to be made
     * @return {@code true} only if, as far as the loop's thread can tell, the poll will return at once having done
     *     nothing
     */
    protected boolean pollIsEmpty(long timeoutNanos) {
        return false;
    }

    /** Wakes the loop from {@link #pollIo(long)}; any thread, cheap when the loop is awake. */
    protected abstract void wakeup();

    /**
     * Runs iterations until {@link #stop()}; the subclass may wrap it to enter its I/O machinery first.
     * {@link #runForever()} has done its checks and set the running thread when this is called.
     */
    protected void runIterations() {
        iterating = true;
        try {
            for (;;) {
                runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            iterating = false;
            ticked = false;
        }
    }

    /** Frees the subclass's I/O resources; called once by {@link #close()}. */
    protected void closeIo() {
    }

    /**
     * Whether the next poll must not block: work is ready, the inbox has callbacks, or the loop is stopping. Subclasses
     * ask it again right before blocking, after arming their wake-up, so that no wake-up is lost.
     *
     * @return {@code true} if the poll must return at once
     */
    protected final boolean mustNotBlock() {
        return !ready.isEmpty() || stopping || !inbox.isEmpty();
    }

    /**
     * Whether no callback is ready and the inbox is empty: only timers or I/O can wake the loop. For test harnesses
     * that move a mock clock when the loop is idle.
     *
     * @return {@code true} when idle
     */
    public final boolean isIdle() {
        return ready.isEmpty() && inbox.isEmpty();
    }

    /**
     * The deadline of the first timer, on the loop's ticker.
     *
     * @return the deadline, or {@link Long#MAX_VALUE} when there is no timer
     */
    public final long nextTimerNanos() {
        timers.purgeCancelled();
        return timers.nextDeadline();
    }

    // ---------------------------------------------------------------- one iteration

    /**
     * One iteration of the loop, asyncio's {@code _run_once}; drawn in the package documentation.
     *
     * @return how many callbacks ran (a work count for busy-poll strategies)
     */
    public final int runOnce() {
        timers.purgeCancelled();
        long timeout = mustNotBlock() ? 0 : timers.pollTimeout(ticker);
        final boolean watched = this.watched;
        long polled = 0;
        polls++;
        if (watched) {
            // The poll starts where the last iteration ended (one clock read between the two), unless this iteration
            // does not follow a watched one inside runIterations (a test's own runOnce, the first one, a new hook).
            polled = watchedIteration.poll(timeout, ticked);
        } else {
            ticked = false;
            pollIo(timeout);
        }
        polls++;
        if (pendingFatal != null) {
            throwPendingFatal();
        }
        inboxBudget = INBOX_BATCH - inbox.drainTo(ready, INBOX_BATCH);
        if (!timers.isEmpty()) { // no clock read for an empty heap: it costs as much as the rest of an idle iteration
            // asyncio: end_time = self.time() + self._clock_resolution; our resolution is one nanosecond.
            timers.moveDue(Deadlines.saturatedAdd(ticker.nanoTime(), 1), ready);
        }
        int ran;
        if (!watched) {
            ran = runReady();
        } else {
            ran = watchedIteration.runReady(polled);
            ticked = iterating;
        }
        counters.iterations++;
        counters.callbacksRun += ran;
        if (pendingFatal != null) {
            throwPendingFatal();
        }
        return ran;
    }

    private void throwPendingFatal() {
        Error e = pendingFatal;
        pendingFatal = null;
        throw e;
    }

    /**
     * Runs exactly the callbacks that are ready now: the only place where callbacks are actually called, but for
     * {@link WatchedIteration}'s timed copy of it.
     *
     * @return how many ran
     */
    final int runReady() {
        final ReadyQueue r = ready;
        final int ntodo = r.size();
        for (int i = 0; i < ntodo; i++) {
            Handle handle = r.poll();
            if (!handle.cancelled()) {
                HandleAccess.run(handle);
            }
        }
        return ntodo;
    }

    // ---------------------------------------------------------------- running

    @Override
    public final void runForever() {
        checkClosed();
        if (isRunning()) {
            throw new IllegalStateException("This event loop is already running");
        }
        if (RUNNING_LOOP.get() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
        if (!THREAD.compareAndSet(this, (Thread) null, Thread.currentThread())) {
            // Another thread won the race to run it between the check above and here.
            throw new IllegalStateException("This event loop is already running");
        }
        RUNNING_LOOP.set(this);
        try {
            runIterations();
        } finally {
            stopping = false;
            thread = null;
            RUNNING_LOOP.remove();
        }
    }

    @Override
    public final <T> T runUntilComplete(Future<T> future) {
        return RunUntilComplete.run(this, future);
    }

    @Override
    public final void stop() {
        stopping = true;
        wakeup();
    }

    @Override
    public final boolean isRunning() {
        return thread != null;
    }

    @Override
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final void close() {
        if (isRunning()) {
            throw new IllegalStateException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        if (debug) {
            LOGGER.debug("Close {}", this);
        }
        closed = true;
        OpenLoops.closed(this);
        SignalHandlers.removeAll(this);
        io.jasyncio.internal.coro.Fibers.closePending(allTasks());
        ready.clear();
        while (inbox.drainTo(ready, INBOX_BATCH) > 0) {
            ready.clear();
        }
        timers.clear();
        exceptionHandlers.loopClosed();
        defaultExecutor.shutdownNoWait();
        if (intercepted) {
            interceptors.loopClosed();
        }
        closeIo();
    }

    // ---------------------------------------------------------------- scheduling

    @Override
    public final Handle callSoon(Runnable callback) {
        checkClosed();
        if (debug) {
            checkThread();
        }
        Handle handle = debug ? HandleAccess.newDebugHandle(callback, this) : HandleAccess.newHandle(callback, this);
        enqueue(handle);
        if (schedulingWatched) {
            interceptors.handleScheduled(handle);
        }
        return handle;
    }

    @Override
    public final <A> Handle callSoon(Consumer<? super A> callback, A arg) {
        checkClosed();
        if (debug) {
            checkThread();
        }
        Handle handle = debug ? HandleAccess.newDebugHandle(callback, arg, this)
                : HandleAccess.newHandle(callback, arg, this);
        enqueue(handle);
        if (schedulingWatched) {
            interceptors.handleScheduled(handle);
        }
        return handle;
    }

    /**
     * {@code callSoon} for a done callback of a future, which the future schedules when it finishes. In debug mode the
     * handle records where (the code that finished the future), as asyncio's does, unless the callback is jasyncio's
     * own (a task's wake-up, gather's, a stopper's): nobody sees that handle, and a slow task step is reported by its
     * task, whose own site the report shows. That saves a third of debug mode's cost per await.
     *
     * @param callback the done callback
     * @param future the future
     * @param <A> the future's type
     * @return the handle
     */
    public final <A> Handle callSoonDone(Consumer<? super A> callback, A future) {
        checkClosed();
        if (debug) {
            checkThread();
        }
        Handle handle = debug && CreationSites.isUserClass(callback.getClass())
                ? HandleAccess.newDebugHandle(callback, future, this) : HandleAccess.newHandle(callback, future, this);
        enqueue(handle);
        if (schedulingWatched) {
            interceptors.handleScheduled(handle);
        }
        return handle;
    }

    /**
     * Queues a handle that its owner queues again and again, at most once at a time: a task's own wake-up handle, so
     * that an await allocates none. Not in debug mode, nor while interceptors watch the loop (the caller checks): there
     * each callback gets a handle of its own.
     *
     * @param handle the handle, not queued now
     */
    public final void callSoonReused(Handle handle) {
        checkClosed();
        enqueue(handle);
    }

    /**
     * Adds to the ready queue after the inbox, keeping one FIFO order with {@code callSoonThreadsafe}: the inbox is
     * drained first, within this iteration's budget; when callbacks of other threads are still left in it (a flood),
     * the handle joins the inbox behind them rather than jumping ahead.
     */
    private void enqueue(Handle handle) {
        if (!inbox.isEmpty()) {
            inboxBudget -= inbox.drainTo(ready, inboxBudget);
            if (!inbox.isEmpty()) {
                inbox.offer(handle);
                return;
            }
        }
        ready.add(handle);
    }

    @Override
    public final Handle callSoonThreadsafe(Runnable callback) {
        checkClosed();
        Handle handle = debug ? HandleAccess.newDebugHandle(callback, this) : HandleAccess.newHandle(callback, this);
        if (schedulingWatched) {
            interceptors.handleScheduled(handle);
        }
        inbox.offer(handle);
        wakeup();
        return handle;
    }

    @Override
    public final TimerHandle callLater(double delay, Runnable callback) {
        return callAtNanos(Deadlines.saturatedAdd(ticker.nanoTime(), Deadlines.secondsToNanos(delay)), callback);
    }

    @Override
    public final TimerHandle callLater(Duration delay, Runnable callback) {
        return callAtNanos(Deadlines.saturatedAdd(ticker.nanoTime(), Deadlines.toNanos(delay)), callback);
    }

    @Override
    public final TimerHandle callAt(double when, Runnable callback) {
        return callAtNanos(Deadlines.secondsToNanos(when), callback);
    }

    /**
     * Schedules a callback at a deadline on the loop's ticker.
     *
     * @param whenNanos the deadline
     * @param callback the callback
     * @return the handle
     */
    public final TimerHandle callAtNanos(long whenNanos, Runnable callback) {
        checkClosed();
        if (debug) {
            checkThread();
        }
        TimerHandle timer = timers.schedule(whenNanos, callback, this);
        if (debug) {
            CreationSites.record(timer);
        }
        if (schedulingWatched) {
            interceptors.handleScheduled(timer);
        }
        return timer;
    }

    @Override
    public final double time() {
        return ticker.nanoTime() / 1e9;
    }

    @Override
    public final Ticker ticker() {
        return ticker;
    }

    // ---------------------------------------------------------------- tasks

    @Override
    public final <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    @Override
    public final <T> Task<T> createTask(Coroutine<T> coro, String name) {
        checkClosed();
        TaskFactory factory = taskFactory;
        return factory == null ? new Task<>(coro, this, name) : factory.createTask(this, coro, name);
    }

    @Override
    public final <T> T runUntilComplete(Coroutine<T> coro) {
        return RunUntilComplete.run(this, coro);
    }

    @Override
    public final void setTaskFactory(TaskFactory factory) {
        taskFactory = factory;
    }

    @Override
    public final TaskFactory getTaskFactory() {
        return taskFactory;
    }

    @Override
    public final Task<?> currentTask() {
        return currentTask;
    }

    @Override
    public final Set<Task<?>> allTasks() {
        return tasks.pending();
    }

    @Override
    public final io.jasyncio.spi.LoopStats stats() {
        return counters.snapshot(tasks.pending().size());
    }

    /**
     * The running totals that transports add to; the loop's thread only.
     *
     * @return this loop's counters
     */
    public final LoopCounters counters() {
        return counters;
    }

    @Override
    public final long progress() {
        return ((long) polls << 32) | (ready.headIndex() & 0xffffffffL);
    }

    @Override
    public final boolean polling() {
        return (polls & 1) != 0;
    }

    @Override
    public final Thread activeFiberThread() {
        return activeFiberThread;
    }

    // ---------------------------------------------------------------- futures and executors

    @Override
    public <T> Future<T> createFuture() {
        return new Future<>(this);
    }

    @Override
    public final <T> Future<T> runInExecutor(Executor executor, Callable<T> func) {
        return FutureAccess.followAwaited(defaultExecutor.runInExecutor(this, executor, func), "runInExecutor");
    }

    @Override
    public final void setDefaultExecutor(ExecutorService executor) {
        defaultExecutor.set(executor);
    }

    @Override
    public final Future<Void> shutdownDefaultExecutor() {
        return FutureAccess.followAwaited(defaultExecutor.shutdown(this), "shutdownDefaultExecutor");
    }

    // ---------------------------------------------------------------- errors

    @Override
    public final void setExceptionHandler(ExceptionHandler handler) {
        exceptionHandlers.setHandler(handler);
    }

    @Override
    public final ExceptionHandler getExceptionHandler() {
        return exceptionHandlers.handler();
    }

    @Override
    public final void callExceptionHandler(ExceptionContext context) {
        if (intercepted) {
            interceptors.exceptionHandlerCalled(context);
        }
        exceptionHandlers.call(context);
    }

    @Override
    public void defaultExceptionHandler(ExceptionContext context) {
        exceptionHandlers.logDefault(context);
    }

    // ---------------------------------------------------------------- debug

    @Override
    public final boolean getDebug() {
        return debug;
    }

    @Override
    public final void setDebug(boolean enabled) {
        debug = enabled;
        debugSupport.setDebug(enabled);
    }

    // ---------------------------------------------------------------- interceptors

    @Override
    public final boolean addInterceptor(LoopInterceptor interceptor) {
        return interceptors.install(interceptor);
    }

    @Override
    public final boolean removeInterceptor(LoopInterceptor interceptor) {
        return interceptors.uninstall(interceptor);
    }

    /** Reads again which paths the interceptors need; {@link Interceptors} calls it after each change. */
    final void interceptorsChanged() {
        intercepted = !interceptors.isEmpty();
        watched = interceptors.watchesIterations();
        schedulingWatched = interceptors.watchesScheduling();
    }

    /**
     * Whether the loop takes its watched path, timing each callback and poll for the interceptors: only when one of
     * them overrides a hook of the iteration. For tests and diagnostics.
     *
     * @return {@code true} on the watched path
     */
    public final boolean isWatched() {
        return watched;
    }

    @Override
    public final List<LoopInterceptor> getInterceptors() {
        return interceptors.snapshot();
    }

    /**
     * The installed interceptors, for the loop's parts (tasks, transports) that report to them.
     *
     * @return the interceptors, or {@code null} when none is installed (the common case: test it and skip)
     */
    public final Interceptors activeInterceptors() {
        return intercepted ? interceptors : null;
    }

    @Override
    public final double getSlowCallbackDuration() {
        return slowCallbackDuration;
    }

    @Override
    public final void setSlowCallbackDuration(double seconds) {
        slowCallbackDuration = seconds;
    }

    // ---------------------------------------------------------------- checks and helpers

    /**
     * Whether the calling thread may use the loop's loop-thread-only methods: it runs the loop, or the loop is not
     * running at all.
     *
     * @return {@code true} on the loop's thread, or anywhere while the loop is not running
     */
    public final boolean inEventLoop() {
        Thread t = thread;
        Thread current = Thread.currentThread();
        return t == null || t == current || current == activeFiberThread;
    }

    /**
     * Whether the calling thread runs the loop now: the loop's thread, or the task fiber it runs. Stricter than
     * {@link #inEventLoop()}, which also admits any thread while the loop is not running: state of the loop touched
     * from another thread then races with the loop's own thread, which may run it again at any moment.
     *
     * @return {@code true} on the thread running the loop
     */
    public final boolean runsOnCurrentThread() {
        Thread current = Thread.currentThread();
        return thread == current || activeFiberThread == current;
    }

    @Override
    public final Thread thread() {
        return thread;
    }

    /**
     * Throws asyncio's message if the loop is closed.
     *
     * @throws IllegalStateException "Event loop is closed"
     */
    public final void checkClosed() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    /**
     * Throws asyncio's message if another thread runs the loop.
     *
     * @throws IllegalStateException "Non-thread-safe operation invoked on an event loop other than the current one"
     */
    public final void checkThread() {
        if (!inEventLoop()) {
            throw new IllegalStateException(
                    "Non-thread-safe operation invoked on an event loop other than the current one");
        }
    }

    /**
     * The loop running on the calling thread.
     *
     * @return the loop, or {@code null} when none runs here
     * @asyncio asyncio._get_running_loop()
     */
    public static BaseEventLoop runningLoop() {
        return RUNNING_LOOP.get();
    }

    /**
     * Lets a fatal error ({@link FatalErrors#isFatal(Throwable)}) out of the loop from code that cannot throw it to
     * the loop itself, such as a protocol callback that Netty's pipeline calls inside the I/O poll: the error is thrown
     * out of the current iteration of {@code runForever}, after the poll or after the ready callbacks, and the loop
     * stops. A second error of the same iteration is added to the first as suppressed. Called on the loop's thread;
     * when the loop does not run, the error is thrown to the caller at once.
     *
     * @param error the fatal error
     */
    public final void raiseFatal(Error error) {
        if (thread != Thread.currentThread()) {
            throw error;
        }
        if (pendingFatal == null) {
            pendingFatal = error;
        } else if (pendingFatal != error) {
            pendingFatal.addSuppressed(error);
        }
        stopping = true;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " running=" + isRunning() + " closed=" + closed + ">";
    }
}
