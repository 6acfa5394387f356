/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples;

import io.jasyncio.Asyncio;
import io.jasyncio.BaseProtocol;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.Signal;
import io.jasyncio.transport.Transports;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * What the example servers share: their command line ({@code --host}, {@code --port}, {@code --loops} and options of
 * their own, checked, with errors reported by {@link CommandLine} in one line), the line saying where they listen,
 * and serving until SIGINT or SIGTERM, then closing cleanly. It is {@link EchoServer}'s {@code main}, written once.
 */
public final class Serving {
    /** The signals that stop a server, as Ctrl-C and {@code kill} send them. */
    private static final List<Signal> STOP_SIGNALS = List.of(Signal.SIGINT, Signal.SIGTERM);


    /**
     * A server's command line.
     *
     * @param host the address to bind
     * @param port the port
     * @param loops how many loops serve the connections (1: the main thread's loop)
     * @param extra the server's own options, by name without the leading dashes
     * @param commandLine the command's name and usage, which report errors
     */
    public record Options(String host, int port, int loops, Map<String, String> extra, CommandLine commandLine) {
        /**
         * One of the server's own options as an int.
         *
         * @param name the option's name
         * @param otherwise its default
         * @return the value
         */
        public int intOption(String name, int otherwise) {
            String v = extra.get(name);
            return v == null ? otherwise : Integer.parseInt(v);
        }
    }

    private Serving() {
    }

    /**
     * Reads a server's command line: {@code --host}, {@code --port}, {@code --loops} and the options named in
     * {@code own}; a bad option is reported in one line and the process exits with status 2; {@code --help} prints
     * the usage line and exits with status 0.
     *
     * @param args the arguments
     * @param defaultPort the port when {@code --port} is not given
     * @param cli the command's name and usage line
     * @param own the server's own options (each takes a number)
     * @return the options
     */
    public static Options parse(String[] args, int defaultPort, CommandLine cli, String... own) {
        if (cli.help(args)) {
            System.exit(0);
        }
        String host = "127.0.0.1";
        int port = defaultPort;
        int loops = 1;
        Map<String, String> extra = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw cli.fail(option + " needs a value");
            }
            String value = args[i + 1];
            switch (option) {
                case "--host" -> host = value;
                case "--port" -> port = cli.port(option, value);
                case "--loops" -> loops = cli.number(option, value);
                default -> {
                    if (!option.startsWith("--") || !java.util.List.of(own).contains(option.substring(2))) {
                        throw cli.fail("unknown option " + option);
                    }
                    cli.number(option, value); // every option of ours is a number
                    extra.put(option.substring(2), value);
                }
            }
        }
        if (loops < 1) {
            throw cli.fail("--loops must be at least 1, got " + loops);
        }
        return new Options(host, port, loops, Map.copyOf(extra), cli);
    }

    /**
     * Serves a protocol on one loop (the calling thread's) or, with {@code loops > 1}, on a {@link LoopGroup}, until
     * SIGINT or SIGTERM. A failed bind is reported in one line, with asyncio's words, and the process exits with
     * status 1.
     *
     * @param what the server's name for the line saying where it listens
     * @param factory makes one protocol per connection
     * @param options the command line
     */
    public static void serve(String what, Supplier<? extends BaseProtocol> factory, Options options) {
        if (options.loops() == 1) {
            serveOnLoop(what, loop -> loop.createServer(factory, options.host(), options.port()), options);
            return;
        }
        LoopGroup group = new LoopGroup(options.loops(), LoopOptions.defaults()).start();
        Server server = options.commandLine().orExit(() -> group.createServer(factory, options.host(),
                options.port()));
        announce(what, server, group.loop(0), options.loops());
        closeOnSignal(group);
    }

    /**
     * Waits until SIGINT or SIGTERM, then closes the group (its loops, servers and connections). The signals reach
     * the group's first loop through {@code addSignalHandler}, as asyncio servers handle them, not a JVM shutdown hook.
     *
     * @param group the running group
     */
    public static void closeOnSignal(LoopGroup group) {
        CountDownLatch signalled = new CountDownLatch(1);
        for (Signal signal : STOP_SIGNALS) {
            group.loop(0).addSignalHandler(signal, signalled::countDown);
        }
        try {
            signalled.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        group.close();
    }

    /**
     * Serves on one loop run by the calling thread until SIGINT or SIGTERM, then closes the server, its clients and
     * the loop. A failed bind is reported in one line and the process exits with status 1.
     *
     * @param what the server's name for the line saying where it listens
     * @param start makes the server (a future of it, or a coroutine run as a task: see the callers)
     * @param options the command line
     */
    public static void serveOnLoop(String what, java.util.function.Function<EventLoop, io.jasyncio.Future<Server>> start,
            Options options) {
        EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults());
        Server server = options.commandLine().orExit(() -> loop.runUntilComplete(start.apply(loop)));
        announce(what, server, loop, 1);
        runUntilSignal(loop, server);
    }

    /**
     * Runs the loop on the calling thread until SIGINT or SIGTERM, then closes the server, its clients and the loop;
     * closing the loop gives the signals back to the JVM.
     *
     * @param loop the loop, not running
     * @param server its server
     */
    public static void runUntilSignal(EventLoop loop, Server server) {
        for (Signal signal : STOP_SIGNALS) {
            loop.addSignalHandler(signal, loop::stop);       // on the loop's thread, in turn with its callbacks
        }
        loop.runForever();
        server.close();
        server.abortClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
        loop.close();
    }

    /**
     * Serves a Streams server (made by a coroutine, such as one calling {@code Asyncio.startServer}) on one loop.
     *
     * @param what the server's name
     * @param start the coroutine that starts the server
     * @param options the command line
     */
    public static void serveStreams(String what, Coroutine<Server> start, Options options) {
        serveOnLoop(what, loop -> loop.createTask(start), options);
    }

    private static void announce(String what, Server server, EventLoop loop, int loops) {
        InetSocketAddress where = (InetSocketAddress) server.sockets().get(0);
        System.out.printf("%s listening on %s:%d (%s, %d loop%s)%n", what, where.getHostString(), where.getPort(),
                Transports.of(loop), loops, loops == 1 ? "" : "s");
    }
}
