/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.echo;

import io.jasyncio.bench.RawNettyServer;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

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
        RawNettyServer.serve("netty-echo-server", "netty echo server", 8889, new EchoHandler(), args);
    }
}
