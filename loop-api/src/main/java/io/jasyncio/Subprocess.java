/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.ArrayList;
import java.util.List;

/**
 * A child process started by {@link Asyncio#createSubprocessExec} or {@link Asyncio#createSubprocessShell}, with
 * streams for the standard streams that are {@link SubprocessOptions#PIPE}s. Loop thread only; {@link #wait_()} and
 * {@link #communicate} suspend the current task.
 *
 * <pre>{@code
 * Subprocess p = Asyncio.createSubprocessExec("ls", List.of("-l"), SubprocessOptions.defaults()
 *         .withStdout(SubprocessOptions.PIPE));
 * byte[] listing = p.communicate(null).stdout();
 * int code = p.returncode();
 * }</pre>
 *
 * @asyncio asyncio.subprocess.Process
 *     Differences: named {@code Subprocess}, since {@code java.lang.Process} is imported everywhere; {@code wait()}
 *     is {@link #wait_()} (it clashes with {@link Object#wait()}); {@code communicate} returns an {@link Output}
 *     record.
 */
public final class Subprocess {
    private final SubprocessTransport transport;
    private final SubprocessStreamProtocol protocol;
    private final EventLoop loop;
    private final long pid;

    private Subprocess(SubprocessTransport transport, SubprocessStreamProtocol protocol, EventLoop loop) {
        this.transport = transport;
        this.protocol = protocol;
        this.loop = loop;
        this.pid = transport.getPid();
    }

    /** {@code Asyncio.createSubprocessExec} and {@code createSubprocessShell}: start, then wrap. */
    static Subprocess start(List<String> args, boolean shell, SubprocessOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        EventLoop loop = Asyncio.getRunningLoop();
        int limit = options.limit();
        Future<SubprocessConnection<SubprocessStreamProtocol>> started = shell
                ? loop.subprocessShell(() -> new SubprocessStreamProtocol(loop, limit), args.get(0), options)
                : loop.subprocessExec(() -> new SubprocessStreamProtocol(loop, limit), args, options);
        SubprocessConnection<SubprocessStreamProtocol> c = Asyncio.await(started);
        return new Subprocess(c.transport(), c.protocol(), loop);
    }

    /**
     * The writer of the child's standard input.
     *
     * @return the writer, or {@code null} when stdin is not a pipe
     * @asyncio Process.stdin
     */
    public StreamWriter stdin() {
        return protocol.stdin();
    }

    /**
     * The reader of the child's standard output.
     *
     * @return the reader, or {@code null} when stdout is not a pipe
     * @asyncio Process.stdout
     */
    public StreamReader stdout() {
        return protocol.stdout();
    }

    /**
     * The reader of the child's standard error.
     *
     * @return the reader, or {@code null} when stderr is not a pipe
     * @asyncio Process.stderr
     */
    public StreamReader stderr() {
        return protocol.stderr();
    }

    /**
     * The child's process id.
     *
     * @return the pid
     * @asyncio Process.pid
     */
    public long pid() {
        return pid;
    }

    /**
     * The child's return code: its exit status, or minus the number of the signal that ended it.
     *
     * @return the code, or {@code null} while the child runs
     * @asyncio Process.returncode
     */
    public Integer returncode() {
        return transport.getReturncode();
    }

    /**
     * Waits for the child to exit and returns its return code; once it has exited, returns at once. Suspends the
     * current task.
     *
     * @return the return code
     * @throws IllegalStateException outside a task
     * @asyncio await Process.wait()
     */
    public int wait_() {
        Asyncio.requireTask("wait_");
        Integer code = transport.getReturncode();
        if (code != null) {
            return code;
        }
        Asyncio.await(protocol.exitWaiter());
        return transport.getReturncode();
    }

    /**
     * Sends {@code input} to the child's stdin (when given) and closes it, reads stdout and stderr to their ends,
     * and waits for the child to exit. A child that does not read all its input is no error: the broken pipe is
     * ignored. Suspends the current task.
     *
     * @param input the bytes to send, or {@code null}
     * @return what the child wrote to its stdout and stderr pipes ({@code null} for a stream that is not a pipe)
     * @throws IllegalStateException outside a task
     * @asyncio await Process.communicate(input=None)
     */
    public Output communicate(byte[] input) {
        Asyncio.requireTask("communicate");
        List<Future<?>> parts = new ArrayList<>(3);
        if (stdin() != null) {
            parts.add(loop.createTask(() -> {
                feedStdin(input);
                return null;
            }));
        }
        Task<byte[]> out = stdout() == null ? null : loop.createTask(() -> readStream(1));
        Task<byte[]> err = stderr() == null ? null : loop.createTask(() -> readStream(2));
        if (out != null) {
            parts.add(out);
        }
        if (err != null) {
            parts.add(err);
        }
        Asyncio.await(Asyncio.gather(parts));
        wait_();
        return new Output(out == null ? null : out.result(), err == null ? null : err.result());
    }

    private void feedStdin(byte[] input) {
        StreamWriter w = stdin();
        try {
            if (input != null) {
                w.write(input);
                w.drain();
            }
        } catch (BrokenPipeError | ConnectionResetError e) {
            // communicate() ignores a child that stopped reading, as asyncio does
        }
        w.close();
    }

    private byte[] readStream(int fd) {
        byte[] output = (fd == 1 ? stdout() : stderr()).read(-1);
        Transport pipe = transport.getPipeTransport(fd);
        if (pipe != null) {
            pipe.close();
        }
        return output;
    }

    /**
     * Sends a signal to the child; does nothing once it has exited.
     *
     * @param signal the signal
     * @asyncio Process.send_signal(signal)
     */
    public void sendSignal(Signal signal) {
        transport.sendSignal(signal);
    }

    /**
     * Sends {@code SIGTERM} to the child.
     *
     * @asyncio Process.terminate()
     */
    public void terminate() {
        transport.terminate();
    }

    /**
     * Sends {@code SIGKILL} to the child.
     *
     * @asyncio Process.kill()
     */
    public void kill() {
        transport.kill();
    }

    /**
     * asyncio's repr: {@code <Process 1234>}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "<Process " + pid + ">";
    }

    /**
     * What {@link #communicate} read.
     *
     * @param stdout the child's whole standard output, or {@code null} when it is not a pipe
     * @param stderr the child's whole standard error, or {@code null} when it is not a pipe
     * @asyncio the (stdout_data, stderr_data) tuple of Process.communicate
     */
    public record Output(byte[] stdout, byte[] stderr) {
    }
}
