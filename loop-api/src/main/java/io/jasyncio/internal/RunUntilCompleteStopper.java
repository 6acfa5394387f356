/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Future;
import java.util.function.Consumer;

/**
 * The done callback of {@link BaseEventLoop#runUntilComplete(Future)}, asyncio's {@code _run_until_complete_cb}: stops
 * the loop when the future is done. It is disarmed when runUntilComplete returns, because it may already sit in the
 * ready queue (the future finished in the iteration that a {@code stop()} or an escaping error ended), and a stale one
 * must not cut a later run short. asyncio guards only the case of the future's own SystemExit (its issue 22429).
 */
final class RunUntilCompleteStopper implements Consumer<Future<?>> {
    private final BaseEventLoop loop;
    // Threading: loop thread only.
    private boolean armed = true;

    RunUntilCompleteStopper(BaseEventLoop loop) {
        this.loop = loop;
    }

    /** Makes the callback do nothing from now on. */
    void disarm() {
        armed = false;
    }

    @Override
    public void accept(Future<?> f) {
        if (armed) {
            loop.stop();
        }
    }
}
