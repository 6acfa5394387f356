/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * A barrier for a fixed number of tasks: each {@link #wait_()} blocks until {@code parties} tasks wait, then all
 * proceed; the barrier can then be used again. {@link #reset()} and {@link #abort()} break it for the waiters.
 *
 * @asyncio asyncio.Barrier ({@code wait()} is {@link #wait_()}: Object.wait is final)
 */
public final class Barrier extends LoopBound {
    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final Condition cond = new Condition();
    private final int parties;
    private State state = State.FILLING;
    private int count;

    /**
     * A barrier.
     *
     * @param parties how many tasks meet at it, at least 1
     * @throws IllegalArgumentException "parties must be > 0"
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
        this.parties = parties;
    }

    /**
     * Waits until {@code parties} tasks wait here.
     *
     * @return this task's arrival index, 0 to parties - 1
     * @throws BrokenBarrierError if the barrier is broken or reset while waiting
     * @asyncio await Barrier.wait()
     */
    public int wait_() {
        try (var held = cond.hold()) {
            block();
            try {
                int index = count;
                count++;
                if (index + 1 == parties) {
                    state = State.DRAINING;
                    cond.notifyAll_();
                } else {
                    cond.waitFor(() -> state != State.FILLING);
                    if (state == State.BROKEN || state == State.RESETTING) {
                        throw new BrokenBarrierError("Abort or reset of barrier");
                    }
                }
                return index;
            } finally {
                count--;
                exit();
            }
        }
    }

    private void block() {
        cond.waitFor(() -> state != State.DRAINING && state != State.RESETTING);
        if (state == State.BROKEN) {
            throw new BrokenBarrierError("Barrier aborted");
        }
    }

    private void exit() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.notifyAll_();
        }
    }

    /**
     * Resets the barrier: waiting tasks get {@link BrokenBarrierError}.
     *
     * @asyncio await Barrier.reset()
     */
    public void reset() {
        try (var held = cond.hold()) {
            if (count > 0) {
                state = State.RESETTING;
            } else {
                state = State.FILLING;
            }
            cond.notifyAll_();
        }
    }

    /**
     * Breaks the barrier: current and future waiters get {@link BrokenBarrierError}.
     *
     * @asyncio await Barrier.abort()
     */
    public void abort() {
        try (var held = cond.hold()) {
            state = State.BROKEN;
            cond.notifyAll_();
        }
    }

    /**
     * How many tasks must meet.
     *
     * @return the parties
     * @asyncio Barrier.parties
     */
    public int parties() {
        return parties;
    }

    /**
     * How many tasks wait now.
     *
     * @return the count while filling, else 0
     * @asyncio Barrier.n_waiting
     */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /**
     * Whether the barrier is broken.
     *
     * @return {@code true} after abort()
     * @asyncio Barrier.broken
     */
    public boolean broken() {
        return state == State.BROKEN;
    }

    @Override
    public String toString() {
        return "<Barrier [" + state.name().toLowerCase() + ", waiters:" + nWaiting() + "/" + parties + "]>";
    }
}
