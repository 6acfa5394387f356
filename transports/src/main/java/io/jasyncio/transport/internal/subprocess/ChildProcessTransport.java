/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.jasyncio.Future;
import io.jasyncio.OSError;
import io.jasyncio.Signal;
import io.jasyncio.SubprocessConnection;
import io.jasyncio.SubprocessOptions;
import io.jasyncio.SubprocessProtocol;
import io.jasyncio.SubprocessTransport;
import io.jasyncio.Transport;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.OsErrors;
import io.jasyncio.transport.internal.ProtocolFailures;
import io.netty.channel.IoEventLoop;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;

/**
 * asyncio's {@code BaseSubprocessTransport}: a child started by the JDK's {@link ProcessBuilder}, its pipes as
 * {@link ReadPipeTransport}s and a {@link WritePipeTransport}, its exit observed through {@link Process#onExit()}.
 * Loop thread only, except the exit, which comes with {@code callSoonThreadsafe}.
 *
 * <p>Order, as asyncio's: the pipes' {@code connectionMade}, the protocol's {@code connectionMade}, then data,
 * {@code pipeConnectionLost(fd)} and {@code processExited()} as they come (the return code is set before
 * {@code processExited} runs); {@code connectionLost(null)} last, once the child has exited and every pipe is closed
 * ({@code _try_finish}).
 */
public final class ChildProcessTransport implements SubprocessTransport {
    private final BaseEventLoop loop;
    private final SubprocessProtocol protocol;
    private final Process process;
    private final PipeTransport[] pipes = new PipeTransport[3];
    private final boolean[] disconnected = {true, true, true};
    private Integer returncode;
    private boolean closed;
    private boolean finished;
    private boolean lost;

    private ChildProcessTransport(BaseEventLoop loop, SubprocessProtocol protocol, Process process) {
        this.loop = loop;
        this.protocol = protocol;
        this.process = process;
    }

    /**
     * Starts a child and connects its pipes; the future completes once the protocol's {@code connectionMade} has
     * run.
     *
     * @param loop the loop
     * @param io the loop's Netty epoll event loop, for pipes polled by it; {@code null} for pipes with threads
     * @param factory the protocol's factory
     * @param args the program and its arguments
     * @param options the working directory, environment and standard streams
     * @param <P> the protocol type
     * @return the future of the transport and protocol; it fails with an {@link OSError} when the child cannot start
     */
    public static <P extends SubprocessProtocol> Future<SubprocessConnection<P>> start(BaseEventLoop loop,
            IoEventLoop io, Supplier<P> factory, List<String> args, SubprocessOptions options) {
        loop.checkClosed();
        Future<SubprocessConnection<P>> result = loop.createFuture();
        EpollPipes made = io != null ? new EpollPipes() : null;
        Process process;
        try {
            ProcessBuilder pb = Launch.builder(args, options);
            if (made != null) {
                made.prepare(pb, options);
            }
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            if (made != null) {
                made.closeAll();
            }
            result.setException(OsErrors.of(e));
            return result;
        } finally {
            if (made != null) {
                made.closeChildEnds();
            }
        }
        P protocol;
        try {
            protocol = factory.get();
        } catch (Throwable t) {
            process.toHandle().destroyForcibly();
            if (made != null) {
                made.closeAll();
            }
            throw t;
        }
        ChildProcessTransport transport = new ChildProcessTransport(loop, protocol, process);
        transport.makePipes(io, made, options);
        transport.connect(() -> {
            if (!result.done()) {
                result.setResult(new SubprocessConnection<>(transport, protocol));
            } else if (result.cancelled()) {
                transport.close(); // asyncio: a cancelled start closes the transport, which kills the child
            }
        });
        return result;
    }

    /** The pipe transports: on the parent's non-blocking descriptors with epoll, else on the JDK's streams. */
    private void makePipes(IoEventLoop io, EpollPipes made, SubprocessOptions options) {
        String prefix = "asyncio-subprocess-" + process.pid() + "-fd";
        List<SubprocessOptions.Redirect> choices = List.of(options.stdin(), options.stdout(), options.stderr());
        for (int fd = 0; fd < 3; fd++) {
            if (choices.get(fd).kind() != SubprocessOptions.Redirect.Kind.PIPE) {
                continue;
            }
            SubprocessPipeProtocol p = new SubprocessPipeProtocol(this, fd);
            if (made != null) {
                pipes[fd] = fd == 0 ? new EpollWritePipeTransport(loop, io, p, made.parentEnd(0), prefix + 0)
                        : new EpollReadPipeTransport(loop, io, p, made.parentEnd(fd), prefix + fd);
            } else if (fd == 0) {
                pipes[0] = new WritePipeTransport(loop, p, process.getOutputStream(), process.getOutputStream(),
                        prefix + 0);
            } else {
                var in = fd == 1 ? process.getInputStream() : process.getErrorStream();
                pipes[fd] = new ReadPipeTransport(loop, p, in, in, prefix + fd);
            }
        }
    }

    /**
     * Schedules the pipes' and the protocol's {@code connectionMade}, then starts the pipes' I/O and watches the
     * exit: what the pipes and the exit bring comes after those callbacks.
     */
    private void connect(Runnable then) {
        for (int fd = 0; fd < 3; fd++) {
            if (pipes[fd] != null) {
                disconnected[fd] = false;
                pipes[fd].start(null);
            }
        }
        loop.callSoon(() -> {
            try {
                protocol.connectionMade(this);
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "Fatal error: protocol.connection_made() call failed.", t, this,
                        protocol);
            }
            then.run();
            for (PipeTransport p : pipes) {
                if (p != null && !p.isClosing()) {
                    p.startIo();
                }
            }
        });
        process.onExit().whenComplete((p, e) -> {
            int code = Launch.returncode(process.exitValue());
            try {
                loop.callSoonThreadsafe(() -> processExited(code));
            } catch (IllegalStateException loopClosed) {
                // nobody left to tell
            }
        });
    }

    SubprocessProtocol protocol() {
        return protocol;
    }

    void pipeDataReceived(int fd, ByteBuffer data) {
        protocol.pipeDataReceived(fd, data);
    }

    void pipeConnectionLost(int fd, Throwable exc) {
        disconnected[fd] = true;
        loop.callSoon(() -> {
            try {
                protocol.pipeConnectionLost(fd, exc);
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "Exception in callback SubprocessProtocol.pipe_connection_lost", t,
                        this, protocol);
            }
        });
        tryFinish();
    }

    private void processExited(int code) {
        if (returncode != null) {
            return;
        }
        returncode = code;
        if (pipes[0] instanceof AbstractWritePipe stdin) {
            stdin.readerGone(); // the JDK closed its end too; asyncio's poller would see the read end closed
        }
        loop.callSoon(() -> {
            try {
                protocol.processExited();
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "Exception in callback SubprocessProtocol.process_exited", t, this,
                        protocol);
            }
        });
        tryFinish();
    }

    /** asyncio's {@code _try_finish}: {@code connectionLost} once the child has exited and every pipe is closed. */
    private void tryFinish() {
        if (returncode == null || finished) {
            return;
        }
        for (boolean d : disconnected) {
            if (!d) {
                return;
            }
        }
        finished = true;
        loop.callSoon(() -> {
            lost = true;
            try {
                protocol.connectionLost(null);
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "Fatal error: protocol.connection_lost() call failed.", t, this,
                        protocol);
            }
        });
    }

    @Override
    public long getPid() {
        return process.pid();
    }

    @Override
    public Integer getReturncode() {
        return returncode;
    }

    @Override
    public Transport getPipeTransport(int fd) {
        return fd >= 0 && fd < 3 ? pipes[fd] : null;
    }

    @Override
    public void sendSignal(Signal signal) {
        checkProc();
        if (returncode != null || !process.isAlive()) {
            return;
        }
        switch (signal) {
            case SIGKILL -> process.toHandle().destroyForcibly();
            case SIGTERM -> process.toHandle().destroy();
            default -> Launch.kill(process.pid(), signal);
        }
    }

    @Override
    public void terminate() {
        sendSignal(Signal.SIGTERM);
    }

    @Override
    public void kill() {
        sendSignal(Signal.SIGKILL);
    }

    private void checkProc() {
        if (lost) {
            throw new OSError(3, "No such process", null); // asyncio's ProcessLookupError
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (PipeTransport p : pipes) {
            if (p != null) {
                p.close();
            }
        }
        if (returncode == null && process.isAlive()) {
            if (loop.getDebug()) {
                BaseEventLoop.LOGGER.warn("Close running child process: kill {}", this);
            }
            process.toHandle().destroyForcibly();
        }
    }

    @Override
    public boolean isClosing() {
        return closed;
    }

    /**
     * {@code subprocess}: the {@link Process}.
     *
     * @param name the key
     * @return the value, or {@code null}
     */
    @Override
    public Object getExtraInfo(String name) {
        return "subprocess".equals(name) ? process : null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<ChildProcessTransport");
        if (closed) {
            sb.append(" closed");
        }
        sb.append(" pid=").append(process.pid());
        sb.append(returncode != null ? " returncode=" + returncode : " running");
        String[] names = {"stdin", "stdout", "stderr"};
        for (int fd = 0; fd < 3; fd++) {
            if (pipes[fd] != null) {
                sb.append(' ').append(names[fd]).append('=').append(pipes[fd]);
            }
        }
        return sb.append('>').toString();
    }
}
