/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.jasyncio.BaseProtocol;
import io.jasyncio.Connection;
import io.jasyncio.Future;
import io.jasyncio.SubprocessConnection;
import io.jasyncio.SubprocessOptions;
import io.jasyncio.SubprocessProtocol;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.TransportKind;
import io.netty.channel.IoEventLoop;
import java.io.File;
import io.jasyncio.transport.internal.OsErrors;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The loop's {@code subprocessExec}, {@code subprocessShell}, {@code connectReadPipe} and {@code connectWritePipe}. */
public final class Subprocesses {
    private static final AtomicInteger PIPES = new AtomicInteger();
    /**
     * {@code -Djasyncio.subprocess.nativePipes=false} makes an epoll loop use the JDK's pipes and threads for its
     * children, as the other backends do.
     */
    private static final boolean NATIVE_PIPES = !"false".equals(System.getProperty("jasyncio.subprocess.nativePipes"))
            && new File("/proc/self/fd").isDirectory();

    private Subprocesses() {
    }

    /**
     * {@code loop.subprocess_exec}.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the loop's backend: with epoll, the pipes are polled by it
     * @param factory the protocol's factory
     * @param args the program and its arguments
     * @param options the options
     * @param <P> the protocol type
     * @return the future of the transport and protocol
     */
    public static <P extends SubprocessProtocol> Future<SubprocessConnection<P>> exec(BaseEventLoop loop,
            IoEventLoop io, TransportKind kind, Supplier<P> factory, List<String> args, SubprocessOptions options) {
        Objects.requireNonNull(factory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        IoEventLoop epoll = kind == TransportKind.EPOLL && NATIVE_PIPES ? io : null;
        return ChildProcessTransport.start(loop, epoll, factory, List.copyOf(args), options);
    }

    /**
     * {@code loop.subprocess_shell}: {@code /bin/sh -c cmd}.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the loop's backend
     * @param factory the protocol's factory
     * @param cmd the command line
     * @param options the options
     * @param <P> the protocol type
     * @return the future of the transport and protocol
     */
    public static <P extends SubprocessProtocol> Future<SubprocessConnection<P>> shell(BaseEventLoop loop,
            IoEventLoop io, TransportKind kind, Supplier<P> factory, String cmd, SubprocessOptions options) {
        return exec(loop, io, kind, factory, List.of("/bin/sh", "-c", Objects.requireNonNull(cmd, "cmd")), options);
    }

    /**
     * {@code loop.connect_read_pipe}.
     *
     * @param loop the loop
     * @param factory the protocol's factory
     * @param pipe the read end
     * @param <P> the protocol type
     * @return the future of the transport and protocol, done after {@code connectionMade}
     */
    public static <P extends BaseProtocol> Future<Connection<P>> readPipe(BaseEventLoop loop, Supplier<P> factory,
            ReadableByteChannel pipe) {
        return connectPipe(loop, factory, pipe, protocol -> new ReadPipeTransport(loop, protocol, pipe,
                Channels.newInputStream(pipe), "asyncio-read-pipe-" + PIPES.incrementAndGet()));
    }

    /**
     * {@code loop.connect_write_pipe}.
     *
     * @param loop the loop
     * @param factory the protocol's factory
     * @param pipe the write end
     * @param <P> the protocol type
     * @return the future of the transport and protocol, done after {@code connectionMade}
     */
    public static <P extends BaseProtocol> Future<Connection<P>> writePipe(BaseEventLoop loop, Supplier<P> factory,
            WritableByteChannel pipe) {
        return connectPipe(loop, factory, pipe, protocol -> new WritePipeTransport(loop, protocol, pipe,
                Channels.newOutputStream(pipe), "asyncio-write-pipe-" + PIPES.incrementAndGet()));
    }

    /** Both ends: the pipe in blocking mode, the protocol made, the transport started on its thread. */
    private static <P extends BaseProtocol> Future<Connection<P>> connectPipe(BaseEventLoop loop, Supplier<P> factory,
            Object pipe, java.util.function.Function<P, PipeTransport> transports) {
        loop.checkClosed();
        Future<Connection<P>> result = loop.createFuture();
        try {
            blocking(pipe);
        } catch (IOException | RuntimeException e) {
            result.setException(OsErrors.of(e));
            return result;
        }
        P protocol = factory.get();
        PipeTransport t = transports.apply(protocol);
        t.start(() -> {
            if (!result.done()) {
                result.setResult(new Connection<>(t, protocol));
            }
        });
        t.startIo();
        return result;
    }

    /** The pipe is read or written in blocking mode, off the loop thread. */
    private static void blocking(Object pipe) throws IOException {
        if (pipe instanceof SelectableChannel sc && !sc.isBlocking()) {
            sc.configureBlocking(true);
        }
    }
}
