/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * A deadline over a body that runs in the current task: when it passes, the task is cancelled, and the
 * {@link CancelledError} that comes out of the body becomes a {@link TimeoutError}. The deadline can be moved while the
 * body runs ({@link #reschedule}). A cancellation from elsewhere stays a cancellation.
 *
 * <pre>{@code
 * Timeout cm = Timeout.after(10.0);
 * String reply = cm.run(() -> {
 *     String first = Asyncio.await(readLine());
 *     cm.reschedule(Asyncio.getRunningLoop().time() + 1.0); // a shorter deadline for the rest
 *     return first + Asyncio.await(readLine());
 * });
 * }</pre>
 *
 * @asyncio asyncio.Timeout (async with asyncio.timeout(delay) / timeout_at(when))
 *     Differences: the body is a lambda, since a try-with-resources close() never sees the body's exception.
 */
public final class Timeout {
    /** asyncio's _State, with its values: what reprs and errors show. */
    private enum State {
        CREATED("created"), ENTERED("active"), EXPIRING("expiring"), EXPIRED("expired"), EXITED("finished");

        final String value;

        State(String value) {
            this.value = value;
        }
    }

    private Double delay;
    private Double when;
    private State state = State.CREATED;
    private Handle timeoutHandler;
    private Task<?> task;
    private int cancelling;

    private Timeout(Double delay, Double when) {
        this.delay = delay;
        this.when = when;
    }

    /**
     * A timeout {@code delay} seconds after the body starts.
     *
     * @param delay seconds, or {@code null} for none
     * @return the timeout, not started
     * @asyncio asyncio.timeout(delay)
     */
    public static Timeout after(Double delay) {
        return new Timeout(delay, null);
    }

    /**
     * A timeout at an absolute time, in the seconds of {@code loop.time()}.
     *
     * @param when the deadline, or {@code null} for none
     * @return the timeout, not started
     * @asyncio asyncio.timeout_at(when)
     */
    public static Timeout at(Double when) {
        return new Timeout(null, when);
    }

    /**
     * The deadline.
     *
     * @return the deadline in loop time, or {@code null} for none
     * @asyncio Timeout.when()
     */
    public Double when() {
        return when;
    }

    /**
     * Whether the deadline passed and cancelled the body.
     *
     * @return {@code true} once expired
     * @asyncio Timeout.expired()
     */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    /**
     * Moves the deadline; only while the body runs.
     *
     * @param newWhen the new deadline in loop time, or {@code null} for none
     * @throws IllegalStateException if the body is not running ("Timeout has not been entered" / "... expired")
     * @asyncio Timeout.reschedule(when)
     */
    public void reschedule(Double newWhen) {
        if (state != State.ENTERED) {
            if (state == State.CREATED) {
                throw new IllegalStateException("Timeout has not been entered");
            }
            throw new IllegalStateException("Cannot change state of " + state.value + " Timeout");
        }
        when = newWhen;
        if (timeoutHandler != null) {
            timeoutHandler.cancel();
        }
        if (newWhen == null) {
            timeoutHandler = null;
        } else {
            EventLoop loop = task.getLoop();
            timeoutHandler = newWhen <= loop.time() ? loop.callSoon(this::onTimeout)
                    : loop.callAt(newWhen, this::onTimeout);
        }
    }

    /**
     * Runs the body under this deadline, in the current task.
     *
     * @param body the body
     * @param <T> the result type
     * @return the body's result
     * @throws TimeoutError when the deadline passed (its cause is the CancelledError)
     * @throws IllegalStateException outside a task, or if this timeout was used before
     */
    public <T> T run(Coroutine<T> body) {
        if (state != State.CREATED) {
            throw new IllegalStateException("Timeout has already been entered");
        }
        task = Asyncio.currentTask();
        if (task == null) {
            throw new IllegalStateException("Timeout should be used inside a task");
        }
        state = State.ENTERED;
        cancelling = task.cancelling();
        if (delay != null) {
            when = task.getLoop().time() + delay;
        }
        reschedule(when);
        T result;
        try {
            result = body.call();
        } catch (Throwable t) {
            Throwable replaced = exit(t);
            throw Asyncio.<RuntimeException>sneaky(replaced);
        }
        exit(null);
        return result;
    }

    /** asyncio's __aexit__: the exception to propagate, or null. */
    private Throwable exit(Throwable exc) {
        if (timeoutHandler != null) {
            timeoutHandler.cancel();
            timeoutHandler = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancelling && exc instanceof CancelledError) {
                return new TimeoutError(null, exc);
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return exc;
    }

    private void onTimeout() {
        task.cancel();
        state = State.EXPIRING;
        timeoutHandler = null;
    }

    @Override
    public String toString() {
        return "<Timeout [" + state.value + "]" + (state == State.ENTERED ? " when=" + when : "") + ">";
    }
}
