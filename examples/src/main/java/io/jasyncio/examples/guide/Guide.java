/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.guide;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Runs one example of the guide by its section's name: {@code ./jasyncio guide <section>}. */
public final class Guide {
    /** The sections, in the guide's order, and their programs. */
    public static final Map<String, Consumer<String[]>> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("debug-mode", DebugMode::main);
        SECTIONS.put("cancellation", Cancellation::main);
        SECTIONS.put("concurrency", Concurrency::main);
        SECTIONS.put("blocking", BlockingFunctions::main);
        SECTIONS.put("logging", Logging::main);
        SECTIONS.put("never-scheduled", NeverScheduled::main);
        SECTIONS.put("never-retrieved", NeverRetrieved::main);
        SECTIONS.put("chaining", Chaining::main);
        SECTIONS.put("pending-destroyed", PendingDestroyed::main);
        SECTIONS.put("close-resources", CloseResources::main);
        SECTIONS.put("subprocesses", Subprocesses::main);
    }

    private Guide() {
    }

    /**
     * Runs a section's example.
     *
     * @param args the section's name, then the example's own arguments
     */
    public static void main(String[] args) {
        Consumer<String[]> example = args.length == 0 ? null : SECTIONS.get(args[0]);
        if (example == null) {
            System.err.println("usage: ./jasyncio guide <section>, one of: " + String.join(", ", SECTIONS.keySet()));
            System.exit(2);
        }
        example.accept(Arrays.copyOfRange(args, 1, args.length));
    }

    /**
     * Gives the garbage collector, then the checks that run when it finds an object, a moment: a real program logs
     * whenever its collector runs; an example that ends at once needs to ask.
     */
    static void collectGarbage() {
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
