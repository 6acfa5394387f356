/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol under a {@link Subprocess}: feeds the stdout and stderr readers, gives stdin a writer whose
 * {@code drain} follows the stdin pipe's flow control, and closes the transport once the child has exited and its
 * output pipes are closed. Loop thread only.
 *
 * @asyncio asyncio.subprocess.SubprocessStreamProtocol
 */
final class SubprocessStreamProtocol implements SubprocessProtocol {
    private final EventLoop loop;
    private final int limit;
    /** The flow control, end and closed future of the stdin pipe, which {@link StreamWriter#drain()} waits on. */
    private final StreamReaderProtocol stdinFlow;
    private final List<Integer> pipeFds = new ArrayList<>(2);
    /** The futures of {@link Subprocess#wait_()}, one per waiter as asyncio's, so one cancelled spares the rest. */
    private final List<Future<Void>> exitWaiters = new ArrayList<>(1);
    private boolean lost;
    private SubprocessTransport transport;
    private StreamWriter stdin;
    private StreamReader stdout;
    private StreamReader stderr;
    private boolean processExited;

    SubprocessStreamProtocol(EventLoop loop, int limit) {
        this.loop = loop;
        this.limit = limit;
        this.stdinFlow = new StreamReaderProtocol(null, null, loop);
    }

    @Override
    public void connectionMade(SubprocessTransport t) {
        transport = t;
        Transport out = t.getPipeTransport(1);
        if (out != null) {
            stdout = new StreamReader(loop, limit);
            stdout.setTransport(out);
            pipeFds.add(1);
        }
        Transport err = t.getPipeTransport(2);
        if (err != null) {
            stderr = new StreamReader(loop, limit);
            stderr.setTransport(err);
            pipeFds.add(2);
        }
        Transport in = t.getPipeTransport(0);
        if (in != null) {
            stdinFlow.connectionMade(in);
            stdin = new StreamWriter(in, stdinFlow, null, loop);
        }
    }

    @Override
    public void pipeDataReceived(int fd, ByteBuffer data) {
        StreamReader reader = fd == 1 ? stdout : fd == 2 ? stderr : null;
        if (reader != null) {
            reader.feedData(data);
        }
    }

    @Override
    public void pipeConnectionLost(int fd, Throwable exc) {
        if (fd == 0) {
            if (stdin != null) {
                stdin.close();
            }
            stdinFlow.connectionLost(exc);
            return;
        }
        StreamReader reader = fd == 1 ? stdout : fd == 2 ? stderr : null;
        if (reader != null) {
            if (exc == null) {
                reader.feedEof();
            } else {
                reader.setException(exc);
            }
        }
        pipeFds.remove(Integer.valueOf(fd));
        maybeCloseTransport();
    }

    @Override
    public void processExited() {
        processExited = true;
        maybeCloseTransport();
    }

    @Override
    public void connectionLost(Throwable exc) {
        lost = true;
        for (Future<Void> w : exitWaiters) {
            if (!w.done()) {
                w.setResult(null);
            }
        }
        exitWaiters.clear();
    }

    @Override
    public void pauseWriting() {
        stdinFlow.pauseWriting();
    }

    @Override
    public void resumeWriting() {
        stdinFlow.resumeWriting();
    }

    private void maybeCloseTransport() {
        if (pipeFds.isEmpty() && processExited && transport != null) {
            transport.close();
            transport = null;
        }
    }

    /**
     * A future done once the transport's {@code connectionLost} has run: the exit waiters wake then, as asyncio's do.
     *
     * @return a new future, or a done one after {@code connectionLost}
     */
    Future<Void> exitWaiter() {
        Future<Void> w = loop.createFuture();
        if (lost) {
            w.setResult(null);
        } else {
            exitWaiters.add(w);
        }
        return w;
    }

    StreamWriter stdin() {
        return stdin;
    }

    StreamReader stdout() {
        return stdout;
    }

    StreamReader stderr() {
        return stderr;
    }
}
