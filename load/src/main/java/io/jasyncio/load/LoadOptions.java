/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to run: the command line of {@code ./jasyncio load}, parsed and checked.
 *
 * @param host the server's host
 * @param port the server's port
 * @param protocol {@code echo}, {@code redis} or {@code http}
 * @param connections how many connections, spread over the loops
 * @param durationNanos how long to measure
 * @param warmupNanos how long to run before measuring (not counted)
 * @param rate the total requests per second in fixed-rate mode, or 0 for closed-loop
 * @param size the request's payload: the echo message's bytes, the redis SET value's bytes
 * @param pipeline the requests each connection keeps in flight (closed-loop), or may have in flight (fixed-rate)
 * @param loops how many event loops (threads) drive the connections
 * @param command the redis command: {@code ping}, {@code set} or {@code get}
 * @param path the HTTP request's path
 * @param json print the report as one JSON object
 * @param progress print a progress line every second on stderr
 * @param serverPid the server's process id, whose CPU time is read from {@code /proc} around the measurement, or 0
 * @param transport the loops' backend ({@code epoll}, {@code io_uring}, {@code nio}), or {@code null} for the default
 * @param hgrm where to write the latency distribution in HdrHistogram's {@code .hgrm} form, or {@code null}
 * @param hlog where to write HdrHistogram's interval log ({@code .hlog}, one histogram a second), or {@code null}
 * @param report where to write the HTML report, or {@code null}
 * @param compare the targets to run in turn ({@code --compare}), or empty for the one target
 * @param passes how many passes over the targets, interleaved (target A, target B, A, B, ...)
 */
public record LoadOptions(String host, int port, String protocol, int connections, long durationNanos,
        long warmupNanos, double rate, int size, int pipeline, int loops, String command, String path, boolean json,
        boolean progress, long serverPid, String transport, Path hgrm, Path hlog, Path report, List<Target> compare,
        int passes) {

    /**
     * One target of {@code --compare}.
     *
     * @param name its name on the report
     * @param host its host
     * @param port its port
     */
    public record Target(String name, String host, int port) {
    }

    /** The usage text, one option a line. */
    public static final String USAGE = """
            usage: ./jasyncio load --target HOST:PORT [options]
              --target HOST:PORT        the server (required)
              --protocol echo|redis|http  what to send (default echo)
              --connections C           connections (default 10)
              --duration D              measured time: 10, 10s, 500ms, 2m (default 10s)
              --warmup W                unmeasured time before (default 0)
              --rate R                  fixed rate: R requests/s in total, latency from the intended send time;
                                        without it, closed-loop
              --size N                  echo message bytes (default 1024), redis SET value bytes (default 3)
              --pipeline P              requests in flight per connection (default 1)
              --loops N                 event loops driving the connections (default 1)
              --transport epoll|io_uring|nio  the loops' backend (default: epoll where available)
              --command ping|set|get    the redis command (default ping)
              --path /PATH              the HTTP path (default /)
              --server-pid PID          report that process's CPU time per request (Linux /proc)
              --json                    print the report as one JSON object
              --hgrm FILE               write the latency distribution, in ms, as HdrHistogram's .hgrm
              --hlog FILE               write HdrHistogram's interval log: one histogram a second, in ns
              --report FILE             write an HTML page: latency by percentile, throughput and p99 per second
              --compare N=H:P,N=H:P     run each target in turn, with the same settings, on the same report
              --passes K                passes over the targets, interleaved (default 1; 2 with --compare)
              --quiet                   no progress line on stderr""";

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the first bad value
     */
    public LoadOptions {
        require(host != null && !host.isEmpty(), "--target needs a host");
        require(port > 0 && port < 65536, "--target's port must be 1 to 65535, not " + port);
        require(protocol.equals("echo") || protocol.equals("redis") || protocol.equals("http"),
                "--protocol must be echo, redis or http, not '" + protocol + "'");
        require(connections > 0, "--connections must be 1 or more, not " + connections);
        require(durationNanos > 0, "--duration must be more than 0");
        require(warmupNanos >= 0, "--warmup must be 0 or more");
        require(rate >= 0 && Double.isFinite(rate), "--rate must be 0 or more, not " + rate);
        require(size > 0, "--size must be 1 or more, not " + size);
        require(pipeline > 0, "--pipeline must be 1 or more, not " + pipeline);
        require(loops > 0, "--loops must be 1 or more, not " + loops);
        require(command.equals("ping") || command.equals("set") || command.equals("get"),
                "--command must be ping, set or get, not '" + command + "'");
        require(path.startsWith("/"), "--path must start with /, not '" + path + "'");
        require(serverPid >= 0, "--server-pid must be a process id, not " + serverPid);
        require(passes > 0, "--passes must be 1 or more, not " + passes);
        compare = List.copyOf(compare);
    }

    /**
     * Parses a command line.
     *
     * @param args the arguments after {@code load}
     * @return the options
     * @throws IllegalArgumentException with a message fit for the user, naming the option
     */
    public static LoadOptions parse(String... args) {
        String target = null;
        String protocol = "echo";
        int connections = 10;
        long duration = 10_000_000_000L;
        long warmup = 0;
        double rate = 0;
        Integer size = null;
        int pipeline = 1;
        int loops = 1;
        String command = "ping";
        String path = "/";
        boolean json = false;
        boolean progress = true;
        long serverPid = 0;
        String transport = null;
        Path hgrm = null;
        Path hlog = null;
        Path report = null;
        List<Target> compare = List.of();
        Integer passes = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--json")) {
                json = true;
                continue;
            }
            if (option.equals("--quiet")) {
                progress = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(known(option) ? option + " needs a value" : unknown(option));
            }
            String value = args[++i];
            switch (option) {
                case "--target" -> target = value;
                case "--protocol" -> protocol = value.toLowerCase(Locale.ROOT);
                case "--connections" -> connections = integer(option, value);
                case "--duration" -> duration = nanos(option, value);
                case "--warmup" -> warmup = nanos(option, value);
                case "--rate" -> rate = number(option, value);
                case "--size" -> size = integer(option, value);
                case "--pipeline" -> pipeline = integer(option, value);
                case "--loops" -> loops = integer(option, value);
                case "--command" -> command = value.toLowerCase(Locale.ROOT);
                case "--path" -> path = value;
                case "--server-pid" -> serverPid = integer(option, value);
                case "--transport" -> transport = value;
                case "--hgrm" -> hgrm = Path.of(value);
                case "--hlog" -> hlog = Path.of(value);
                case "--report" -> report = Path.of(value);
                case "--compare" -> compare = targets(value);
                case "--passes" -> passes = integer(option, value);
                default -> throw new IllegalArgumentException(unknown(option));
            }
        }
        if (target == null && compare.isEmpty()) {
            throw new IllegalArgumentException("--target HOST:PORT is required");
        }
        if (target != null && !compare.isEmpty()) {
            throw new IllegalArgumentException("--target and --compare cannot be given together");
        }
        Target first = target != null ? hostPort("--target", target, target) : compare.get(0);
        String host = first.host();
        int port = first.port();
        int payload = size != null ? size : protocol.equals("echo") ? 1024 : 3;
        return new LoadOptions(host, port, protocol, connections, duration, warmup, rate, payload, pipeline, loops,
                command, path, json, progress, serverPid, transport, hgrm, hlog, report, compare,
                passes != null ? passes : compare.isEmpty() ? 1 : 2);
    }

    /**
     * These options aimed at another target.
     *
     * @param t the target
     * @return a copy with its host and port
     */
    public LoadOptions withTarget(Target t) {
        return new LoadOptions(t.host(), t.port(), protocol, connections, durationNanos, warmupNanos, rate, size,
                pipeline, loops, command, path, json, progress, serverPid, transport, hgrm, hlog, report, compare,
                passes);
    }

    /** {@code name=host:port,...}. */
    private static List<Target> targets(String value) {
        List<Target> targets = new ArrayList<>();
        for (String item : value.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--compare takes NAME=HOST:PORT,..., not '" + item + "'");
            }
            targets.add(hostPort("--compare", item.substring(eq + 1), item.substring(0, eq).strip()));
        }
        return targets;
    }

    /** {@code host:port} or {@code [v6]:port}. */
    private static Target hostPort(String option, String target, String name) {
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw new IllegalArgumentException(option + " must be HOST:PORT, not '" + target + "'");
        }
        String host = target.substring(0, colon).strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // [::1]:8888
        }
        return new Target(name, host, integer(option + "'s port", target.substring(colon + 1)));
    }

    /**
     * Tells whether this is a fixed-rate run.
     *
     * @return {@code true} with {@code --rate}
     */
    public boolean fixedRate() {
        return rate > 0;
    }

    /**
     * Describes the workload in a few words, for the report.
     *
     * @return for example {@code echo 1024 B} or {@code redis SET 3 B}
     */
    public String workload() {
        return switch (protocol) {
            case "echo" -> "echo " + size + " B";
            case "redis" -> "redis " + command.toUpperCase(Locale.ROOT) + (command.equals("set") ? " " + size + " B"
                    : "");
            default -> "http GET " + path;
        };
    }

    private static boolean known(String option) {
        return USAGE.contains(option + " ");
    }

    private static String unknown(String option) {
        return "unknown option '" + option + "'";
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + value + "'");
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, not '" + value + "'");
        }
    }

    /** {@code 10}, {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1.5s}: a time, in nanoseconds. */
    static long nanos(String option, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        double unit = 1e9;
        if (v.endsWith("ms")) {
            unit = 1e6;
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            unit = 60e9;
            v = v.substring(0, v.length() - 1);
        }
        try {
            double amount = Double.parseDouble(v);
            if (!(amount >= 0) || Double.isInfinite(amount)) {
                throw new NumberFormatException();
            }
            return (long) (amount * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a time such as 10, 10s, 500ms or 2m, not '"
                    + value + "'");
        }
    }
}
