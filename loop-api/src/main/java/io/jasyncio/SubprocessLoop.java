/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.function.Supplier;

/**
 * The loop's child processes and pipes: asyncio's {@code subprocess_exec}, {@code subprocess_shell},
 * {@code connect_read_pipe} and {@code connect_write_pipe}. {@link EventLoop} extends it; the Netty loop implements
 * it. The high-level API is {@link Asyncio#createSubprocessExec} and {@link Subprocess}.
 *
 * <p>The loop never blocks on a child or a pipe: each pipe is read or written off the loop thread, and its data and
 * its end come to the loop as callbacks; reading stops while the protocol has paused it, so a child that writes more
 * than is read waits, and memory does not grow. A child that exits is observed once: its return code is set, then
 * {@link SubprocessProtocol#processExited()} runs, and {@link SubprocessProtocol#connectionLost} follows once every
 * pipe is closed too.
 *
 * <p>Like the other {@code async def} methods of the loop, these return a {@link Future} at once; await it in a
 * task.
 *
 * @asyncio the subprocess and pipe methods of asyncio.AbstractEventLoop
 */
public interface SubprocessLoop {

    /**
     * Starts a child process running {@code args} (the program first, not through a shell), every standard stream
     * a pipe.
     *
     * @param protocolFactory makes the protocol
     * @param args the program and its arguments
     * @param <P> the protocol type
     * @return the future of the transport and protocol, done once {@code connectionMade} has run; it fails with an
     *     {@link OSError} when the program cannot be started (errno 2 when it does not exist)
     * @asyncio loop.subprocess_exec(protocol_factory, *args)
     */
    default <P extends SubprocessProtocol> Future<SubprocessConnection<P>> subprocessExec(Supplier<P> protocolFactory,
            List<String> args) {
        return subprocessExec(protocolFactory, args, SubprocessOptions.pipes());
    }

    /**
     * Starts a child process running {@code args}, not through a shell.
     *
     * @param protocolFactory makes the protocol
     * @param args the program and its arguments
     * @param options the working directory, environment and standard streams
     * @param <P> the protocol type
     * @return the future of the transport and protocol, done once {@code connectionMade} has run; it fails with an
     *     {@link OSError} when the program cannot be started
     * @throws UnsupportedOperationException when this loop has no subprocesses
     * @asyncio loop.subprocess_exec(protocol_factory, *args, stdin=..., stdout=..., stderr=..., **kwargs)
     */
    default <P extends SubprocessProtocol> Future<SubprocessConnection<P>> subprocessExec(Supplier<P> protocolFactory,
            List<String> args, SubprocessOptions options) {
        throw new UnsupportedOperationException("this loop has no subprocesses");
    }

    /**
     * Starts {@code /bin/sh -c cmd}, every standard stream a pipe.
     *
     * @param protocolFactory makes the protocol
     * @param cmd the command line, for the shell to parse
     * @param <P> the protocol type
     * @return the future of the transport and protocol
     * @asyncio loop.subprocess_shell(protocol_factory, cmd)
     */
    default <P extends SubprocessProtocol> Future<SubprocessConnection<P>> subprocessShell(Supplier<P> protocolFactory,
            String cmd) {
        return subprocessShell(protocolFactory, cmd, SubprocessOptions.pipes());
    }

    /**
     * Starts {@code /bin/sh -c cmd}.
     *
     * @param protocolFactory makes the protocol
     * @param cmd the command line, for the shell to parse
     * @param options the working directory, environment and standard streams
     * @param <P> the protocol type
     * @return the future of the transport and protocol
     * @throws UnsupportedOperationException when this loop has no subprocesses
     * @asyncio loop.subprocess_shell(protocol_factory, cmd, stdin=..., stdout=..., stderr=..., **kwargs)
     */
    default <P extends SubprocessProtocol> Future<SubprocessConnection<P>> subprocessShell(Supplier<P> protocolFactory,
            String cmd, SubprocessOptions options) {
        throw new UnsupportedOperationException("this loop has no subprocesses");
    }

    /**
     * Registers the read end of a pipe with the loop: its data goes to the protocol's {@code dataReceived}, its end
     * to {@code eofReceived} then {@code connectionLost(null)}. The transport pauses and resumes reading, and closing
     * it closes the pipe. It is a {@link Transport} whose write methods throw
     * {@link UnsupportedOperationException}.
     *
     * <p>The pipe is any readable channel: a {@link java.nio.channels.Pipe.SourceChannel}, a
     * {@link java.nio.channels.FileChannel} on a FIFO or a character device, or
     * {@link java.nio.channels.Channels#newChannel(java.io.InputStream)} of a stream. It is read in blocking mode
     * off the loop thread (a selectable channel is switched to blocking mode). Opening a FIFO for reading waits for
     * a writer: open it first.
     *
     * @param protocolFactory makes the protocol, a {@link Protocol}
     * @param pipe the pipe's read end
     * @param <P> the protocol type
     * @return the future of the transport and protocol, done once {@code connectionMade} has run
     * @throws UnsupportedOperationException when this loop has no pipes
     * @asyncio loop.connect_read_pipe(protocol_factory, pipe)
     *     Differences: the transport is a {@link Transport}, not only a {@link ReadTransport}.
     */
    default <P extends BaseProtocol> Future<Connection<P>> connectReadPipe(Supplier<P> protocolFactory,
            ReadableByteChannel pipe) {
        throw new UnsupportedOperationException("this loop has no pipes");
    }

    /**
     * Registers the write end of a pipe with the loop: writes are buffered and written off the loop thread, with
     * the write buffer limits and {@code pauseWriting}/{@code resumeWriting} of a socket transport;
     * {@code writeEof} and {@code close} close the pipe once the buffer is written, {@code abort} at once. It is a
     * {@link Transport} whose reading methods throw {@link UnsupportedOperationException}. A write to a pipe whose
     * reader has gone ends the transport with {@link BrokenPipeError}.
     *
     * @param protocolFactory makes the protocol
     * @param pipe the pipe's write end: a {@link java.nio.channels.Pipe.SinkChannel}, a
     *     {@link java.nio.channels.FileChannel} on a FIFO, or {@link java.nio.channels.Channels#newChannel
     *     (java.io.OutputStream)} of a stream
     * @param <P> the protocol type
     * @return the future of the transport and protocol, done once {@code connectionMade} has run
     * @throws UnsupportedOperationException when this loop has no pipes
     * @asyncio loop.connect_write_pipe(protocol_factory, pipe)
     *     Differences: the transport is a {@link Transport}, not only a {@link WriteTransport}; the reader's going away
     *     is seen at the next write, not before.
     */
    default <P extends BaseProtocol> Future<Connection<P>> connectWritePipe(Supplier<P> protocolFactory,
            WritableByteChannel pipe) {
        throw new UnsupportedOperationException("this loop has no pipes");
    }
}
