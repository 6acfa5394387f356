/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.tools;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one example of {@code docs/debugging-beyond-asyncio.md} by name: {@code ./jasyncio tools <name>}.
 */
public final class Tools {
    /** An example's main method. */
    @FunctionalInterface
    interface Example {
        void main(String[] args) throws Exception;
    }

    /** The examples, in the document's order. */
    static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("watchdog", WatchdogExample::main);
        EXAMPLES.put("jfr", JfrExample::main);
        EXAMPLES.put("task-dump", TaskDumpExample::main);
        EXAMPLES.put("strict", StrictExample::main);
    }

    private Tools() {
    }

    /**
     * Runs an example.
     *
     * @param args the example's name, then its own arguments
     * @throws Exception if the example fails
     */
    public static void main(String[] args) throws Exception {
        Example example = args.length == 0 ? null : EXAMPLES.get(args[0]);
        if (example == null) {
            System.err.println("usage: ./jasyncio tools <example>, one of: " + String.join(", ", EXAMPLES.keySet()));
            System.exit(2);
        }
        example.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
