/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.bench.http;

import io.jasyncio.bench.RawNettyServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Raw Netty's HTTP hello-world, the yardstick of the HTTP benchmark: Netty's own {@code HttpHelloWorldServer}
 * example (HttpServerCodec, one FullHttpResponse per request, flushed once per read batch) on native epoll with one
 * event loop, answering the same bytes as jasyncio's http-server ({@code Server}, {@code Content-Type},
 * {@code Content-Length}, a {@code Date} made once a second). {@code ./jasyncio netty-http-server [--host 127.0.0.1]
 * [--port 8081] [--threads 1]}.
 */
public final class NettyHttpServer {
    private static final ByteBuf HELLO = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer().writeBytes("Hello, World!".getBytes(StandardCharsets.US_ASCII))).asReadOnly();
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record DateValue(long second, String text) {
    }

    private static volatile DateValue date = new DateValue(-1, "");

    private static String date() {
        long second = System.currentTimeMillis() / 1000;
        DateValue d = date;
        if (d.second() != second) {
            d = new DateValue(second, HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
            date = d;
        }
        return d.text();
    }

    /** Answers every request with "Hello, World!", keeping the connection open when the request allows. */
    static final class HelloHandler extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (!(msg instanceof HttpRequest request)) {
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
                    HELLO.duplicate());
            response.headers()
                    .set(HttpHeaderNames.SERVER, "netty")
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, HELLO.readableBytes())
                    .set(HttpHeaderNames.DATE, date());
            if (keepAlive) {
                if (!request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                }
                ctx.write(response, ctx.voidPromise());
            } else {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.write(response).addListener(ChannelFutureListener.CLOSE);
            }
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

    private NettyHttpServer() {
    }

    /**
     * Runs the server.
     *
     * @param args {@code --host}, {@code --port}, {@code --threads}
     * @throws InterruptedException if interrupted while binding
     */
    public static void main(String[] args) throws InterruptedException {
        RawNettyServer.serve("netty-http-server", "netty http server", 8081, new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpServerCodec(), new HelloHandler());
            }
        }, args);
    }
}
