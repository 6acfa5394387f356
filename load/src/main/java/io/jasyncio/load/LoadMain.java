/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.io.UncheckedIOException;

/**
 * {@code ./jasyncio load --target HOST:PORT [options]}: runs the load, prints the report on stdout (text, or one JSON
 * object with {@code --json}) and the progress line on stderr. Exit status: 0, 1 when there were errors or no
 * response at all, 2 for a bad command line.
 */
public final class LoadMain {

    private LoadMain() {
    }

    /**
     * Runs the tool.
     *
     * @param args the command line after {@code load}
     */
    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jasyncio load: " + e.getMessage() + " (--help for usage)");
            System.exit(2);
            return;
        }
        LoadResult result;
        try {
            result = LoadRun.run(options, options.progress() ? System.err : null);
        } catch (IllegalArgumentException e) { // an option the loops refuse, such as --transport
            System.err.println("jasyncio load: " + e.getMessage() + " (--help for usage)");
            System.exit(2);
            return;
        } catch (IllegalStateException e) {
            // One line: a target that refuses or does not resolve says so in asyncio's words, as the examples do.
            System.err.println("jasyncio load: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (options.hgrm() != null) {
            try {
                Latencies.writeHgrm(result.latency(), options.hgrm());
            } catch (UncheckedIOException e) {
                System.err.println("jasyncio load: " + e.getMessage());
                System.exit(1);
                return;
            }
        }
        System.out.print(options.json() ? result.toJson() + System.lineSeparator() : result.toText());
        System.out.flush();
        System.exit(result.errors() > 0 || result.requests() == 0 ? 1 : 0);
    }
}
