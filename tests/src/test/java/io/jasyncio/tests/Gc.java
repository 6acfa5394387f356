/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests;

import java.util.function.BooleanSupplier;

/** Waiting for the garbage collector, for the tests of what happens when an object is collected. */
public final class Gc {
    private Gc() {
    }

    /**
     * Collects garbage until the condition holds, for at most ten seconds.
     *
     * @param condition what to wait for
     * @return whether it holds
     */
    public static boolean until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            System.gc();
            try {
                Thread.sleep(10); // lets the cleaner thread run the actions of what was just collected
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
