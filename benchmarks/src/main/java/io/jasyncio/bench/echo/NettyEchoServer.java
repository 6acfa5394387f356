/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Raw Netty's TCP echo server, the yardstick of the echo benchmark: native epoll, one event loop that accepts and
 * serves (as jasyncio's echo server with one loop), each read written back and flushed once at the end of the read
 * batch (Netty's own EchoServer example). {@code ./jasyncio netty-echo-server [--host 127.0.0.1] [--port 8889]
 * [--threads 1]}; prints one line saying where it listens, serves until SIGINT or SIGTERM.
 */
public final class NettyEchoServer {

    /** Writes back what it reads; flushes once per read batch. Stateless, so one instance serves every channel. */
    @ChannelHandler.Sharable
    static final class EchoHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg, ctx.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private NettyEchoServer() {
    }

    /**
     * Runs the server.
     *
     * @param args {@code --host}, {@code --port}, {@code --threads}
     * @throws InterruptedException if interrupted while binding
     */
    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 8889;
        int threads = 1;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw usage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw usage("unknown option " + args[i]);
            }
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory());
        EchoHandler handler = new EchoHandler();
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(handler)
                .bind(host, port).sync().channel();
        InetSocketAddress where = (InetSocketAddress) server.localAddress();
        System.out.printf("netty echo server listening on %s:%d (epoll, %d event loop%s)%n", where.getHostString(),
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

    private static IllegalArgumentException usage(String problem) {
        System.err.println("netty-echo-server: " + problem);
        System.err.println("usage: ./jasyncio netty-echo-server [--host 127.0.0.1] [--port 8889] [--threads 1]");
        System.exit(2);
        return new IllegalArgumentException(problem);
    }
}
