/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.CreationSites;
import io.jasyncio.internal.FinalizerReports;
import io.jasyncio.internal.Interceptors;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The result of an asynchronous operation: pending, then finished with a result or an exception, or cancelled.
 * Done callbacks are scheduled with {@link EventLoop#callSoon}, never called inline, in the order they were added.
 *
 * <p>Threading: loop thread only, but for {@link #toCompletableFuture()}, which is safe from any thread. A future is
 * completed from another thread with {@code loop.callSoonThreadsafe(() -> future.setResult(x))}.
 *
 * <p>States: {@code PENDING -> FINISHED} (setResult, setException) or {@code PENDING -> CANCELLED} (cancel).
 *
 * @param <T> the result type
 * @asyncio asyncio.Future
 *     Differences: {@link #result()} rethrows a checked exception unwrapped, though it declares none (as asyncio
 *     re-raises it); catch it as {@code Exception}. {@code __await__} is {@code Asyncio.await(future)}.
 */
public class Future<T> {
    /** The states of a future, asyncio's {@code _PENDING}, {@code _CANCELLED}, {@code _FINISHED}. */
    public enum State {
        /** Not done yet. */
        PENDING,
        /** Cancelled. */
        CANCELLED,
        /** Finished with a result or an exception. */
        FINISHED
    }

    // Threading: loop thread only.
    private final EventLoop loop;
    private State state = State.PENDING;
    private T result;
    private Throwable exception;
    private String cancelMessage;
    private CancelledError cancelledError;
    /** The first callback, kept out of the list: most futures have one. */
    private Consumer<? super Future<T>> callback0;
    private ArrayList<Consumer<? super Future<T>>> callbacks;
    /**
     * Made when an exception is set, cleared when someone retrieves it (asyncio's {@code _tb_logger}): reports the
     * exception if the future is collected first. Futures that never fail pay nothing for it.
     */
    private FinalizerReports.TracebackLogger tbLogger;
    /**
     * Made only in debug mode for a future that an {@code async def} loop method returned (see
     * {@link io.jasyncio.internal.FutureAccess#followAwaited}): false until someone awaits the future, adds a callback,
     * reads it or cancels it. A separate object so that the debug checks can read it after the future is collected.
     */
    private AtomicBoolean awaited;
    /**
     * asyncio's {@code _source_traceback}: where the future (or the task) was made, recorded only in debug mode,
     * lazily (see {@link CreationSites}). The field fits in the object's padding: a future is no larger for it.
     */
    private final CreationSites.Site sourceTraceback;

    static {
        io.jasyncio.internal.FutureAccess.set(Future::followAwaited);
    }

    /**
     * Creates a pending future attached to a loop; {@link EventLoop#createFuture()} is the usual way.
     *
     * @param loop the loop
     */
    public Future(EventLoop loop) {
        this.loop = java.util.Objects.requireNonNull(loop, "loop");
        this.sourceTraceback = loop.getDebug() ? CreationSites.capture() : null;
    }

    /**
     * Where the future was made, innermost first, starting at the caller of {@link EventLoop#createFuture()} (or of
     * the constructor); recorded only when the loop was in debug mode then.
     *
     * @return the frames, or an empty array when not recorded
     * @asyncio Future._source_traceback
     *     Differences: Java's order (innermost first).
     */
    public StackTraceElement[] getSourceTraceback() {
        return CreationSites.frames(sourceTraceback);
    }

    /**
     * Where this future was made, unresolved: a task hands it to its pending report without resolving it.
     *
     * @return the site, or {@code null} when not recorded
     */
    final CreationSites.Site creationSite() {
        return sourceTraceback;
    }

    /**
     * The loop this future is bound to.
     *
     * @return the loop
     * @asyncio Future.get_loop()
     */
    public final EventLoop getLoop() {
        return loop;
    }

    /**
     * The state.
     *
     * @return PENDING, CANCELLED or FINISHED
     */
    public final State state() {
        return state;
    }

    /**
     * Whether the future was cancelled.
     *
     * @return {@code true} if cancelled
     * @asyncio Future.cancelled()
     */
    public final boolean cancelled() {
        return state == State.CANCELLED;
    }

    /**
     * Whether the future is done: it has a result or an exception, or was cancelled.
     *
     * @return {@code true} if done
     * @asyncio Future.done()
     */
    public final boolean done() {
        return state != State.PENDING;
    }

    /**
     * The result: returns it, or throws the exception that was set, or {@link CancelledError} if cancelled.
     *
     * @return the result
     * @throws CancelledError if the future was cancelled
     * @throws InvalidStateError "Result is not ready." if pending
     * @asyncio Future.result()
     */
    public final T result() {
        if (state == State.CANCELLED) {
            throw makeCancelledError();
        }
        if (state != State.FINISHED) {
            throw new InvalidStateError("Result is not ready.");
        }
        markAwaited();
        clearLogTraceback();
        if (exception != null) {
            throw Future.<RuntimeException>sneaky(exception);
        }
        return result;
    }

    /**
     * The exception that was set, or {@code null} if the future finished with a result.
     *
     * @return the exception or {@code null}
     * @throws CancelledError if the future was cancelled
     * @throws InvalidStateError "Exception is not set." if pending
     * @asyncio Future.exception()
     */
    public final Throwable exception() {
        if (state == State.CANCELLED) {
            throw makeCancelledError();
        }
        if (state != State.FINISHED) {
            throw new InvalidStateError("Exception is not set.");
        }
        markAwaited();
        clearLogTraceback();
        return exception;
    }

    /**
     * Adds a callback to run when the future is done: at once (through {@code callSoon}) if it is done already.
     *
     * @param fn the callback; it receives this future
     * @asyncio Future.add_done_callback(fn, *, context=None)
     */
    public final void addDoneCallback(Consumer<? super Future<T>> fn) {
        java.util.Objects.requireNonNull(fn, "fn");
        markAwaited();
        if (state != State.PENDING) {
            loop.callSoon(fn, this);
        } else if (callback0 == null && callbacks == null) {
            callback0 = fn;
        } else {
            if (callbacks == null) {
                callbacks = new ArrayList<>(4);
            }
            callbacks.add(fn);
        }
    }

    /**
     * Removes every instance of a callback (by identity).
     *
     * @param fn the callback
     * @return how many were removed
     * @asyncio Future.remove_done_callback(fn)
     */
    public final int removeDoneCallback(Consumer<? super Future<T>> fn) {
        int removed = 0;
        if (fn != null && callback0 == fn) {
            callback0 = null;
            removed++;
        }
        if (callbacks != null) {
            for (int i = callbacks.size() - 1; i >= 0; i--) {
                if (callbacks.get(i) == fn) {
                    callbacks.remove(i);
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Marks the future done with a result and schedules the callbacks.
     *
     * @param value the result
     * @throws InvalidStateError if the future is done
     * @asyncio Future.set_result(result)
     */
    public void setResult(T value) {
        if (state != State.PENDING) {
            throw new InvalidStateError(state + ": " + this);
        }
        result = value;
        state = State.FINISHED;
        scheduleCallbacks();
    }

    /**
     * Marks the future done with an exception and schedules the callbacks.
     *
     * @param exc the exception
     * @throws InvalidStateError if the future is done
     * @asyncio Future.set_exception(exception)
     */
    public void setException(Throwable exc) {
        java.util.Objects.requireNonNull(exc, "exception");
        if (state != State.PENDING) {
            throw new InvalidStateError(state + ": " + this);
        }
        exception = exc;
        state = State.FINISHED;
        if (!(loop instanceof BaseEventLoop base)) {
            scheduleCallbacks();
            return;
        }
        FinalizerReports.TracebackLogger logger = FinalizerReports.exceptionSet(this, base, this instanceof Task<?>,
                toString(), exc, getSourceTraceback());
        tbLogger = logger;
        scheduleCallbacks();
        Interceptors ic = base.activeInterceptors();
        if (ic != null) {
            ic.exceptionSet(this, exc, logger::active);
        }
    }

    /**
     * Cancels the future and schedules the callbacks.
     *
     * @return {@code false} if the future was already done, else {@code true}
     * @asyncio Future.cancel()
     */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future with a message that the {@link CancelledError} will carry.
     *
     * @param msg the message, may be {@code null}
     * @return {@code false} if the future was already done, else {@code true}
     * @asyncio Future.cancel(msg=None)
     */
    public boolean cancel(String msg) {
        markAwaited();
        clearLogTraceback();
        if (state != State.PENDING) {
            return false;
        }
        state = State.CANCELLED;
        cancelMessage = msg;
        scheduleCallbacks();
        return true;
    }

    /**
     * The {@link CancelledError} to raise for this cancelled future, carrying the cancel message; made once.
     *
     * @return the error
     * @asyncio Future._make_cancelled_error()
     */
    protected final CancelledError makeCancelledError() {
        if (cancelledError == null) {
            cancelledError = new CancelledError(cancelMessage);
        }
        return cancelledError;
    }

    /**
     * Sets the message that the {@link CancelledError} of this future will carry; for subclasses that cancel later.
     *
     * @param msg the message
     */
    protected final void setCancelMessage(String msg) {
        cancelMessage = msg;
    }

    /**
     * Keeps the {@link CancelledError} that cancelled a task's body, so that awaiting the task raises that same error.
     *
     * @param error the error
     */
    protected final void setCancelledError(CancelledError error) {
        cancelledError = error;
    }

    /**
     * The message given to {@link #cancel(String)}.
     *
     * @return the message or {@code null}
     */
    protected final String cancelMessage() {
        return cancelMessage;
    }

    /**
     * Whether an exception was set and never retrieved: the loop reports it if the future is collected so.
     *
     * @return {@code true} if nobody asked for the exception
     */
    public final boolean exceptionNeverRetrieved() {
        FinalizerReports.TracebackLogger logger = tbLogger;
        return logger != null && logger.active();
    }

    /** Follows this future for the debug checks, if its loop has any: see {@code LoopInterceptor.futureReturned}. */
    private void followAwaited(String operation) {
        if (awaited == null && loop instanceof BaseEventLoop base) {
            Interceptors ic = base.activeInterceptors();
            if (ic != null) {
                AtomicBoolean flag = new AtomicBoolean();
                awaited = flag;
                ic.futureReturned(this, operation, flag::get);
            }
        }
    }

    private void markAwaited() {
        AtomicBoolean flag = awaited;
        if (flag != null) {
            flag.set(true);
            awaited = null;
        }
    }

    /**
     * Makes a done future pending again, for the one that made it to wait on it once more (a stream reader's waiter):
     * no future per wait. Refused while anyone else could still see its outcome: a done callback added (and not
     * yet scheduled), a debug follower, an exception nobody retrieved.
     *
     * @return whether the future is pending again, with no result, exception or cancellation
     */
    final boolean resetForReuse() {
        if (callback0 != null || callbacks != null || awaited != null || tbLogger != null
                || sourceTraceback != null) {
            return false;
        }
        state = State.PENDING;
        result = null;
        exception = null;
        cancelMessage = null;
        cancelledError = null;
        return true;
    }

    private void clearLogTraceback() {
        FinalizerReports.TracebackLogger logger = tbLogger;
        if (logger != null) {
            tbLogger = null;
            logger.clear();
        }
    }

    private void scheduleCallbacks() {
        Consumer<? super Future<T>> first = callback0;
        ArrayList<Consumer<? super Future<T>>> rest = callbacks;
        callback0 = null;
        callbacks = null;
        if (first != null) {
            callSoonDone(first);
        }
        if (rest != null) {
            for (int i = 0, n = rest.size(); i < n; i++) {
                callSoonDone(rest.get(i));
            }
        }
    }

    private void callSoonDone(Consumer<? super Future<T>> callback) {
        if (loop instanceof BaseEventLoop base) {
            if (callback instanceof Task<?>.Steps steps && steps.scheduleWakeup(this)) {
                return; // the waiting task's own wake-up handle: none made per await
            }
            base.callSoonDone(callback, this);
        } else {
            loop.callSoon(callback, this);
        }
    }

    /**
     * A {@link CompletableFuture} that completes when this future does; cancelling it cancels this future. Safe from
     * any thread: on the thread that runs the loop it links at once; from any other thread, and from any thread while
     * the loop is not running, the link (and a later cancellation) goes through {@code callSoonThreadsafe} and takes
     * effect when the loop runs.
     *
     * @return a new completable future
     */
    public final CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> cf = new CompletableFuture<>();
        Runnable link = () -> {
            addDoneCallback(f -> {
                if (f.cancelled()) {
                    cf.cancel(false);
                } else if (f.exception != null) {
                    f.clearLogTraceback();
                    cf.completeExceptionally(f.exception);
                } else {
                    cf.complete(f.result);
                }
            });
            cf.whenComplete((r, e) -> {
                if (e instanceof CancellationException) {
                    onLoop(this::cancel); // a no-op if the future is done by then
                }
            });
        };
        onLoop(link);
        return cf;
    }

    /**
     * Runs an action on the loop's thread: now if this thread runs the loop, else via callSoonThreadsafe (see
     * {@link BaseEventLoop#runsOnCurrentThread()}: another thread would race with the loop's on the callback list).
     */
    private void onLoop(Runnable action) {
        if (loop instanceof BaseEventLoop base && base.runsOnCurrentThread()) {
            action.run();
        } else {
            loop.callSoonThreadsafe(action);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(getClass().getSimpleName()).append(' ')
                .append(state.name().toLowerCase(java.util.Locale.ROOT));
        if (state == State.FINISHED) {
            if (exception != null) {
                sb.append(" exception=").append(exception);
            } else {
                sb.append(" result=").append(result);
            }
        }
        appendCallbacks(sb);
        return sb.append(sourceTraceback != null ? sourceTraceback.suffix() : "").append('>').toString();
    }

    /**
     * This future's {@code toString} as it is now, rendered only when read (see {@link PendingRepr}); a text already
     * when the future is done.
     *
     * @param taskName a task's name, or {@code null} for a plain future
     * @param coro a task's coroutine, or {@code null}
     * @param waitFor what a task waits on, or {@code null}
     * @return an object whose {@code toString} is the repr
     */
    final Object reprLater(String taskName, Object coro, Future<?> waitFor) {
        if (state != State.PENDING) {
            return toString();
        }
        Object first = callback0;
        Object last = first;
        int n = first == null ? 0 : 1;
        ArrayList<Consumer<? super Future<T>>> more = callbacks;
        if (more != null && !more.isEmpty()) {
            if (first == null) {
                first = more.get(0);
            }
            last = more.get(more.size() - 1);
            n += more.size();
        }
        Object waiting = waitFor == null ? null
                : waitFor instanceof Task<?> ? waitFor.toString() : waitFor.reprLater(null, null, null);
        return new PendingRepr(taskName != null ? Task.class : getClass(), taskName, // named when rendered
                PendingRepr.describable(coro), waiting, PendingRepr.describable(first),
                PendingRepr.describable(last), n, sourceTraceback);
    }

    /**
     * asyncio's {@code _format_callbacks}: {@code cb=[first]}, {@code cb=[first, last]} or
     * {@code cb=[first, <n more>, last]}.
     */
    private void appendCallbacks(StringBuilder sb) {
        ArrayList<Object> all = new ArrayList<>();
        if (callback0 != null) {
            all.add(callback0);
        }
        if (callbacks != null) {
            all.addAll(callbacks);
        }
        int size = all.size();
        if (size == 0) {
            return;
        }
        sb.append(" cb=[").append(Handle.describe(all.get(0)));
        if (size > 2) {
            sb.append(", <").append(size - 2).append(" more>");
        }
        if (size > 1) {
            sb.append(", ").append(Handle.describe(all.get(size - 1)));
        }
        sb.append(']');
    }
}
