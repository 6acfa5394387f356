/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.ExceptionContext;
import io.jasyncio.OSError;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.OsErrors;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.unix.Errors;
import java.util.Locale;

/**
 * asyncio's answer to a failed {@code accept()} on one listening socket: it stops accepting there for
 * {@link #ACCEPT_RETRY_DELAY} seconds, then tries again. A shortage of resources (EMFILE, ENFILE, ENOBUFS, ENOMEM) is
 * reported to the loop's exception handler as "socket.accept() out of system resource", any other failure as
 * "socket.accept() failed", with the exception and the socket in the context; an aborted or not yet ready connection
 * (ECONNABORTED, EAGAIN) is passed over, as asyncio does. Where asyncio rests the socket only on a shortage, every
 * failure rests it here, as Netty's acceptor does, so that no error can turn into a busy loop.
 *
 * <p>One report per episode, not per failure: an episode lasts from the first failure until a quiet spell of two
 * retry delays without one, so a socket that stays out of descriptors for minutes is reported once (asyncio reports
 * it at each retry), and the few connections accepted as descriptors come back do not start a new episode. A
 * failure that still arrives while the socket rests (a completion already on its way) is dropped.
 *
 * <p>It sits in the listening socket's pipeline before Netty's {@code ServerBootstrapAcceptor} and keeps its failures
 * from it: Netty's acceptor pauses for one second too, but then hands every failure on to the end of the pipeline,
 * which logs each. Loop thread only.
 */
final class AcceptErrors extends ChannelInboundHandlerAdapter {
    /** asyncio's {@code ACCEPT_RETRY_DELAY}: the seconds a listening socket rests after a failed accept. */
    static final double ACCEPT_RETRY_DELAY = 1.0;

    private static final int ENOMEM = 12;
    private static final int ENFILE = 23;
    private static final int EMFILE = 24;
    private static final int ENOBUFS = 105;
    private static final int EAGAIN = 11;
    private static final int ECONNABORTED = 103;

    private final BaseEventLoop loop;
    private final TcpServer server;
    /** Accepting is paused by this handler, a retry is scheduled. */
    private boolean paused;
    /** The loop's time of the last failure, {@code NaN} before the first: a new episode begins after a quiet spell. */
    private double lastFailure = Double.NaN;

    AcceptErrors(BaseEventLoop loop, TcpServer server) {
        this.loop = loop;
        this.server = server;
        warmUp(loop);
    }

    /**
     * Loads, while descriptors are still free, the classes that a report and a retry need: out of descriptors, the
     * class loader cannot open a class file, and a failure to load one would leave the socket paused for good.
     */
    private static void warmUp(BaseEventLoop loop) {
        loop.callLater(ACCEPT_RETRY_DELAY, () -> { }).cancel();
        ExceptionContext.builder("socket.accept() out of system resource")
                .exception(osError(EMFILE, new java.io.IOException("Too many open files")))
                .put(ExceptionContext.SOCKET, null).build();
        osError(0, new java.io.IOException("accept failed"));
        errno(new java.io.IOException("Too many open files"));
        try { // what callExceptionHandler calls, short of calling a handler
            Class.forName("io.jasyncio.internal.ExceptionHandlers", true, BaseEventLoop.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof Error) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        int errno = errno(cause);
        if (errno == EAGAIN || errno == ECONNABORTED) {
            return;
        }
        Channel ch = ctx.channel();
        if (!paused) {
            loop.callLater(ACCEPT_RETRY_DELAY, () -> resume(ch)); // first: a pause never outlives its retry
            paused = true;
            ch.config().setAutoRead(false);
        }
        double now = loop.time();
        boolean newEpisode = Double.isNaN(lastFailure) || now - lastFailure > 2 * ACCEPT_RETRY_DELAY;
        lastFailure = now;
        if (newEpisode) {
            String message = outOfResources(errno) ? "socket.accept() out of system resource"
                    : "socket.accept() failed";
            loop.callExceptionHandler(ExceptionContext.builder(message).exception(osError(errno, cause))
                    .put(ExceptionContext.SOCKET, ch).build());
        }
    }

    private void resume(Channel ch) {
        paused = false;
        if (ch.isOpen() && server.isServing()) {
            ch.config().setAutoRead(true);
        }
    }

    /** asyncio's exception for a failed accept: "[Errno 24] Too many open files" and the like, with the cause. */
    private static Throwable osError(int errno, Throwable cause) {
        String strerror = switch (errno) {
            case EMFILE -> "Too many open files";
            case ENFILE -> "Too many open files in system";
            case ENOBUFS -> "No buffer space available";
            case ENOMEM -> "Cannot allocate memory";
            default -> null;
        };
        return strerror == null ? OsErrors.of(cause) : new OSError(errno, strerror, cause);
    }

    /** Whether an error number tells of a shortage of descriptors or memory, asyncio's retry-later errors. */
    static boolean outOfResources(int errno) {
        return errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM;
    }

    /** The error number of a failed accept: Netty's native one, else read from the JDK's message; 0 if unknown. */
    static int errno(Throwable t) {
        if (t instanceof Errors.NativeIoException n && n.expectedErr() != 0) {
            return Math.abs(n.expectedErr());
        }
        String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("too many open files in system")) {
            return ENFILE;
        }
        if (m.contains("too many open files")) {
            return EMFILE;
        }
        if (m.contains("no buffer space available")) {
            return ENOBUFS;
        }
        if (m.contains("cannot allocate memory")) {
            return ENOMEM;
        }
        if (m.contains("resource temporarily unavailable")) {
            return EAGAIN;
        }
        return m.contains("software caused connection abort") ? ECONNABORTED : 0;
    }
}
