/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.guide;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.InvalidStateError;
import io.jasyncio.TimeoutError;

/**
 * Cancellation: a future may be cancelled before its result comes, so check {@code cancelled()} before
 * {@code setResult}; {@code waitFor} cancels what it waits for on timeout; {@code shield} keeps an operation going
 * when its waiter is cancelled.
 */
public final class Cancellation {
    private Cancellation() {
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Asyncio.run(() -> {
            Future<String> fut = Asyncio.getRunningLoop().createFuture();
            fut.cancel();
            try {
                fut.setResult("done"); // the bug: the future was cancelled meanwhile
            } catch (InvalidStateError e) {
                System.out.println("setResult on a cancelled future: " + e);
            }
            if (!fut.cancelled()) { // the fix
                fut.setResult("done");
            }

            try {
                Asyncio.waitFor(Asyncio.coroutine("slowOperation", () -> Asyncio.sleep(1.0, "finished")), 0.1);
            } catch (TimeoutError e) {
                System.out.println("waitFor timed out and cancelled slowOperation()");
            }

            Future<String> inner = Asyncio.ensureFuture(
                    Asyncio.coroutine("important", () -> Asyncio.sleep(0.2, "saved")));
            try {
                Asyncio.waitFor(Asyncio.shield(inner), 0.05);
            } catch (TimeoutError e) {
                System.out.println("the waiter was cancelled, the shielded task goes on: " + Asyncio.await(inner));
            }
            return null;
        });
    }
}
