/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal.coro;

import java.util.concurrent.locks.LockSupport;

/**
 * The fallback path, public API only: each fiber is a virtual thread, and a hand-off makes the loop thread and the
 * fiber take turns, so that exactly one of them runs at any time, as on the continuation path. Slower (two thread
 * hand-offs per await) and task code does not run on the loop's thread, but the semantics are the same.
 */
final class VirtualThreadFibers implements FiberFactory {
    private static final ThreadLocal<VirtualFiber> CURRENT = new ThreadLocal<>();

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
            while (fiberTurn) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return done;
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
