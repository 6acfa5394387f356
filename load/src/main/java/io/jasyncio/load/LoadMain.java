/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./jasyncio load --target HOST:PORT [options]}: runs the load, prints the report on stdout (text, or one JSON
 * object with {@code --json}) and the progress line on stderr. With {@code --compare}, each target in turn, pass after
 * pass; {@code --hgrm} then holds the last run's distribution, and {@code --report} draws them all. Exit status: 0, 1 when there were errors or no
 * response at all, 2 for a bad command line.
 */
public final class LoadMain {

    private LoadMain() {
    }

    /**
     * Runs every target of the options ({@code --compare}, or the one {@code --target}), pass after pass.
     *
     * @param options what to run
     * @param progress where the progress lines go, or {@code null}
     * @return the runs, in the order they ran
     * @throws IllegalStateException when a target cannot be reached
     * @throws IllegalArgumentException for an option the loops refuse
     */
    public static List<HtmlReport.Run> runAll(LoadOptions options, java.io.PrintStream progress) {
        List<HtmlReport.Run> runs = new ArrayList<>();
        List<LoadOptions.Target> targets = options.compare().isEmpty()
                ? List.of(new LoadOptions.Target(options.host() + ":" + options.port(), options.host(),
                        options.port()))
                : options.compare();
        for (int pass = 1; pass <= options.passes(); pass++) {
            for (LoadOptions.Target t : targets) {
                if (progress != null && (targets.size() > 1 || options.passes() > 1)) {
                    progress.printf(Locale.ROOT, "load: %s, pass %d of %d%n", t.name(), pass, options.passes());
                }
                LoadOptions o = options.withTarget(t);
                runs.add(new HtmlReport.Run(t.name(), pass, LoadRun.run(o, o.progress() ? progress : null)));
            }
        }
        return runs;
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
        List<HtmlReport.Run> runs;
        try {
            runs = runAll(options, System.err);
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
        LoadResult result = runs.get(runs.size() - 1).result();
        try {
            if (options.hgrm() != null) {
                Latencies.writeHgrm(result.latency(), options.hgrm());
            }
            if (options.report() != null) {
                HtmlReport.write(options.report(), runs, options.passes());
            }
        } catch (UncheckedIOException e) {
            System.err.println("jasyncio load: " + e.getMessage());
            System.exit(1);
            return;
        }
        boolean failed = false;
        for (HtmlReport.Run r : runs) {
            LoadResult x = r.result();
            if (runs.size() > 1 && !options.json()) {
                System.out.println("# " + r.label(options.passes()));
            }
            System.out.print(options.json() ? x.toJson() + System.lineSeparator() : x.toText());
            failed |= x.errors() > 0 || x.requests() == 0;
        }
        System.out.flush();
        System.exit(failed ? 1 : 0);
    }
}
