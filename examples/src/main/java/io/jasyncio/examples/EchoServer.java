/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples;

import io.jasyncio.Asyncio;
import io.jasyncio.BufferedProtocol;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Transport;
import io.jasyncio.transport.Transports;
import java.nio.ByteBuffer;

/**
 * A TCP echo server: {@code ./jasyncio echo-server [--host 127.0.0.1] [--port 8888] [--api protocol|buffered|streams]
 * [--read into|chunk|line] [--loops N [--reuse-port]] [--transport epoll|io_uring|nio]}. Prints one line saying where it listens,
 * serves until interrupted, and closes cleanly on SIGINT or SIGTERM.
 *
 * <p>{@code --read} chooses how the Streams server reads: {@code into} (the default) reads into one 64 KiB direct
 * buffer per connection ({@link StreamReader#readinto}), {@code chunk} takes a new array per read
 * ({@code read(262144)}, as uvloop's Streams echo of the benchmark reads with {@code --mode read}), and
 * {@code line} echoes line by line ({@code readline}, with a 1 MiB limit), as vmbench's Streams server does. What an idle connection holds differs: with {@code into}, its 64 KiB buffer for as long as it
 * is open (640 MiB for 10,000 idle clients), the price of reading without allocating; with {@code chunk} and
 * {@code line}, no buffer, only its task, reader and writer ({@code benchmarks/run-memory-benchmarks.sh} measures
 * each). The {@code buffered} API's protocol likewise keeps a 256 KiB buffer per connection.
 */
public final class EchoServer {

    /**
     * The Protocol API: each chunk received is written back. Flow control: when the client does not read and the
     * transport's buffer passes its high-water mark, {@code pauseWriting} pauses reading until {@code resumeWriting},
     * so the echoes waiting cost at most the mark and one read, not all the client sends.
     */
    public static final class Echo implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }

        @Override
        public void pauseWriting() {
            transport.pauseReading();
        }

        @Override
        public void resumeWriting() {
            transport.resumeReading();
        }
    }

    /**
     * The BufferedProtocol API: receives into its own buffer, then writes it back; the same flow control as
     * {@link Echo}'s.
     */
    public static final class BufferedEcho implements BufferedProtocol {
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        private Transport transport;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            return buffer.clear();
        }

        @Override
        public void bufferUpdated(int nbytes) {
            transport.write(buffer.flip());
        }

        @Override
        public void pauseWriting() {
            transport.pauseReading();
        }

        @Override
        public void resumeWriting() {
            transport.resumeReading();
        }
    }

    /** The command's name and usage: its errors are reported in one line. */
    private static final CommandLine CLI = new CommandLine("echo-server", "./jasyncio echo-server [--host 127.0.0.1]"
            + " [--port 8888] [--api protocol|buffered|streams] [--read into|chunk|line] [--loops N"
            + " [--reuse-port]] [--transport epoll|io_uring|nio]");

    private EchoServer() {
    }

    /**
     * Runs the server.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        if (CLI.help(args)) {
            return;
        }
        String host = "127.0.0.1";
        int port = 8888;
        String api = "protocol";
        String transport = null;
        int loops = 0; // 0: one loop, on this thread; N (--loops): a group of N loops
        boolean reusePort = false;
        String read = "into";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (args[i].equals("--reuse-port")) {
                reusePort = true;
                continue;
            }
            switch (args[i]) {
                case "--host" -> host = require(args[i], value);
                case "--port" -> port = CLI.port(args[i], require(args[i], value));
                case "--api" -> api = require(args[i], value);
                case "--transport" -> transport = require(args[i], value);
                case "--loops" -> {
                    loops = CLI.number(args[i], require(args[i], value));
                    if (loops < 1) {
                        throw usage("--loops must be at least 1, got " + loops);
                    }
                }
                case "--read" -> read = require(args[i], value);
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (reusePort && loops == 0) {
            throw usage("--reuse-port needs --loops");
        }
        if (!read.equals("into") && !api.equals("streams")) {
            throw usage("--read needs --api streams");
        }
        io.jasyncio.Streams.ClientConnected handler = streamHandler(read);
        if (loops > 0) {
            serveOnGroup(loops, reusePort, api, handler, host, port, LoopOptions.defaults().withTransport(transport));
            return;
        }
        LoopOptions loopOptions = LoopOptions.defaults().withTransport(transport);
        EventLoop loop = CLI.orExit(() -> Asyncio.newEventLoop(loopOptions));
        String bindHost = host;
        int bindPort = port;
        String bindApi = api;
        Server server = CLI.orExit(() -> switch (bindApi) {
            case "protocol" -> loop.runUntilComplete(loop.createServer(Echo::new, bindHost, bindPort));
            case "buffered" -> loop.runUntilComplete(loop.createServer(BufferedEcho::new, bindHost, bindPort));
            case "streams" -> loop.runUntilComplete(() -> Asyncio.startServer(handler, bindHost,
                    bindPort, ServerOptions.defaults().withLimit(LINE_LIMIT)));
            default -> throw usage("--api must be protocol, buffered or streams, not " + bindApi);
        });
        java.net.InetSocketAddress where = (java.net.InetSocketAddress) server.sockets().get(0);
        System.out.printf("echo server listening on %s:%d (%s, %s API)%n", where.getHostString(), where.getPort(),
                Transports.of(loop), api);
        Serving.runUntilSignal(loop, server);
    }

    /**
     * {@code --loops N}: N loops serve the connections, one per thread ({@code jasyncio-loop-0} and on), on a
     * {@link LoopGroup}; the first loop accepts and spreads them, or with {@code --reuse-port} each loop accepts on a
     * socket of its own (SO_REUSEPORT).
     */
    private static void serveOnGroup(int loops, boolean reusePort, String api,
            io.jasyncio.Streams.ClientConnected handler, String host, int port, LoopOptions options) {
        LoopGroup group = CLI.orExit(() -> new LoopGroup(loops, options).start());
        ServerOptions serverOptions = ServerOptions.defaults().withReusePort(reusePort);
        Server server = CLI.orExit(() -> switch (api) {
            case "protocol" -> group.createServer(Echo::new, host, port, serverOptions);
            case "buffered" -> group.createServer(BufferedEcho::new, host, port, serverOptions);
            case "streams" -> group.startServer(handler, host, port, serverOptions.withLimit(LINE_LIMIT));
            default -> throw usage("--api must be protocol, buffered or streams, not " + api);
        });
        java.net.InetSocketAddress where = (java.net.InetSocketAddress) server.sockets().get(0);
        System.out.printf("echo server listening on %s:%d (%s, %s API, %d loops, %s)%n", where.getHostString(),
                where.getPort(), Transports.of(group.loop(0)), api, loops,
                server.sockets().size() > 1 ? server.sockets().size() + " listening sockets (SO_REUSEPORT)"
                        : "one acceptor");
        Serving.closeOnSignal(group);
    }

    /** The readers' limit: a 100 KiB line fits (asyncio's default 64 KiB would refuse it, as in vmbench). */
    static final int LINE_LIMIT = 1 << 20;

    static io.jasyncio.Streams.ClientConnected streamHandler(String read) {
        return switch (read) {
            case "into" -> EchoServer::echoStream;
            case "chunk" -> EchoServer::echoChunks;
            case "line" -> EchoServer::echoLines;
            default -> throw usage("--read must be into, chunk or line, not " + read);
        };
    }

    /**
     * The Streams API: a task per client reads into its buffer, writes it back, and drains. Nothing is allocated
     * per message, and a write the socket takes at once is sent from the buffer itself; but the connection holds its
     * 64 KiB buffer while it is idle too: for many idle clients, read as {@link #echoChunks} does.
     *
     * @param reader the client's reader
     * @param writer the client's writer
     */
    public static void echoStream(StreamReader reader, StreamWriter writer) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65536); // direct: write sends it without a copy
        while (reader.readinto(buffer.clear()) > 0) {
            writer.write(buffer.flip());
            writer.drain();
        }
        writer.close();
    }

    /**
     * The Streams API as asyncio code reads: a new array per chunk, and no buffer held while the client is idle.
     *
     * @param reader the client's reader
     * @param writer the client's writer
     */
    public static void echoChunks(StreamReader reader, StreamWriter writer) {
        while (true) {
            byte[] chunk = reader.read(262144);
            if (chunk.length == 0) {
                break;
            }
            writer.write(chunk);
            writer.drain();
        }
        writer.close();
    }

    /**
     * The Streams API line by line, as vmbench's Streams server.
     *
     * @param reader the client's reader
     * @param writer the client's writer
     */
    public static void echoLines(StreamReader reader, StreamWriter writer) {
        while (true) {
            byte[] line = reader.readline();
            if (line.length == 0) {
                break;
            }
            writer.write(line);
            writer.drain();
        }
        writer.close();
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw usage(option + " needs a value");
        }
        return value;
    }

    private static IllegalArgumentException usage(String problem) {
        return CLI.fail(problem);
    }
}
