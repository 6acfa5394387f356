/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * The command line and the life of the raw Netty servers the benchmarks compare jasyncio with: plain Netty epoll,
 * {@code --threads} event loops (1 by default), one line saying where it listens, serving until SIGINT or SIGTERM.
 */
public final class RawNettyServer {
    private RawNettyServer() {
    }

    /**
     * Parses {@code --host}, {@code --port} and {@code --threads}, binds and serves until the JVM is told to stop.
     *
     * @param command the launcher's command, for the usage line (e.g. {@code netty-echo-server})
     * @param what the server's name in the line saying where it listens (e.g. {@code netty echo server})
     * @param defaultPort the port without {@code --port}
     * @param childHandler each connection's handler (a shared one, or an initializer)
     * @param args the command line
     * @throws InterruptedException if interrupted while binding or serving
     */
    public static void serve(String command, String what, int defaultPort, ChannelHandler childHandler, String[] args)
            throws InterruptedException {
        String host = "127.0.0.1";
        int port = defaultPort;
        int threads = 1;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw usage(command, defaultPort, args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw usage(command, defaultPort, "unknown option " + args[i]);
            }
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory());
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(childHandler)
                .bind(host, port).sync().channel();
        InetSocketAddress where = (InetSocketAddress) server.localAddress();
        System.out.printf("%s listening on %s:%d (epoll, %d event loop%s)%n", what, where.getHostString(),
                where.getPort(), threads, threads == 1 ? "" : "s");
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close().syncUninterruptibly();
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static IllegalArgumentException usage(String command, int defaultPort, String problem) {
        System.err.println(command + ": " + problem);
        System.err.println("usage: ./jasyncio " + command + " [--host 127.0.0.1] [--port " + defaultPort
                + "] [--threads 1]");
        System.exit(2);
        return new IllegalArgumentException(problem);
    }
}
