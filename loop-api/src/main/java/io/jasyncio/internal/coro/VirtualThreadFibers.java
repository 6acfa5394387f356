/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal.coro;

import io.jasyncio.internal.BaseEventLoop;
import java.util.concurrent.locks.LockSupport;

/**
 * The fallback path, public API only: each fiber is a virtual thread, and a hand-off makes the loop thread and the
 * fiber take turns, so that exactly one of them runs at any time, as on the continuation path. Slower (two thread
 * hand-offs per await) and task code does not run on the loop's thread, but the semantics are the same.
 *
 * <p>A virtual thread keeps the monitors it holds while it waits for its turn (JDK 24+; on JDK 21 it also pins its
 * carrier), so a task that awaited inside a {@code synchronized} block blocks the next task that enters the monitor,
 * and the loop, which waits for that task, with it. The JDK cannot list a virtual thread's monitors, so the await is
 * not refused here; instead the loop, while it waits, looks at the fiber once per {@link MonitorWatch#PERIOD_MILLIS}
 * and logs an error once when it stays blocked on a monitor.
 */
final class VirtualThreadFibers implements FiberFactory {
    private static final ThreadLocal<VirtualFiber> CURRENT = new ThreadLocal<>();
    /** How often the waiting loop looks at a fiber that has not given its turn back. */
    private static final long STUCK_SAMPLE_NANOS = MonitorWatch.PERIOD_MILLIS * 1_000_000L;

    @Override
    public Fiber create(Runnable body, Runnable onStart) {
        return new VirtualFiber(body, onStart);
    }

    @Override
    public void suspend() {
        VirtualFiber fiber = CURRENT.get();
        if (fiber == null) {
            throw new IllegalStateException("no task fiber runs on this thread");
        }
        fiber.suspendHere();
    }

    @Override
    public boolean ownThreads() {
        return true;
    }

    @Override
    public String name() {
        return "virtual threads";
    }

    /** One virtual thread, taking turns with the loop thread. */
    private static final class VirtualFiber implements Fiber {
        private final Runnable body;
        private final Runnable onStart;
        private Thread thread;
        // Threading: written by the side that gives the turn away, read by the side waiting for it.
        private volatile boolean fiberTurn;
        private volatile boolean done;
        private volatile Thread resumer;

        VirtualFiber(Runnable body, Runnable onStart) {
            this.body = body;
            this.onStart = onStart;
        }

        @Override
        public boolean resume() {
            resumer = Thread.currentThread();
            fiberTurn = true;
            if (thread == null) {
                thread = Thread.ofVirtual().name("jasyncio-task").unstarted(this::runBody);
                thread.start();
            } else {
                LockSupport.unpark(thread);
            }
            boolean interrupted = false;
            int blockedSamples = 0;
            while (fiberTurn) {
                LockSupport.parkNanos(this, STUCK_SAMPLE_NANOS);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
                if (fiberTurn && thread.getState() == Thread.State.BLOCKED) {
                    if (++blockedSamples == 2) {
                        reportBlocked();
                    }
                } else {
                    blockedSamples = 0;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return done;
        }

        private void reportBlocked() {
            BaseEventLoop.LOGGER.error("A task has been blocked for over {} ms entering a monitor, and the event loop "
                    + "waits for it: if a suspended task holds that monitor, because it awaited inside a synchronized "
                    + "block, the loop cannot run again. Await outside synchronized blocks, or use io.jasyncio.Lock "
                    + "or java.util.concurrent.locks.ReentrantLock. The task is blocked at:{}",
                    MonitorWatch.PERIOD_MILLIS, MonitorWatch.stack(thread.getStackTrace()));
        }

        private void runBody() {
            CURRENT.set(this);
            try {
                onStart.run();
                body.run();
            } finally {
                done = true;
                giveTurnBack();
            }
        }

        private void giveTurnBack() {
            fiberTurn = false;
            LockSupport.unpark(resumer);
        }

        void suspendHere() {
            giveTurnBack();
            while (!fiberTurn) {
                LockSupport.park(this);
            }
        }

        @Override
        public StackTraceElement[] stack() {
            Thread t = thread;
            return t == null || done ? new StackTraceElement[0] : t.getStackTrace();
        }
    }
}
