/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * A child process and the pipes to it; loop thread only.
 *
 * @asyncio asyncio.SubprocessTransport
 */
public interface SubprocessTransport extends BaseTransport {

    /**
     * Gets the child's process id.
     *
     * @return the pid
     * @asyncio SubprocessTransport.get_pid()
     */
    long getPid();

    /**
     * Gets the child's return code: its exit status, or minus the number of the signal that ended it.
     *
     * @return the code, or {@code null} while the child runs
     * @asyncio SubprocessTransport.get_returncode()
     *     Differences: the JDK reports a death by signal N as exit status 128 + N; both read as -N here.
     */
    Integer getReturncode();

    /**
     * Gets the transport of one of the child's pipes: a write transport for stdin (0), read transports for stdout
     * (1) and stderr (2). A read pipe's write methods, and a write pipe's reading methods, throw
     * {@link UnsupportedOperationException}.
     *
     * @param fd 0, 1 or 2
     * @return the transport, or {@code null} when that stream is not a {@link SubprocessOptions#PIPE}
     * @asyncio SubprocessTransport.get_pipe_transport(fd)
     */
    Transport getPipeTransport(int fd);

    /**
     * Sends a signal to the child. Does nothing once the child has exited.
     *
     * @param signal the signal
     * @throws OSError errno 3, ESRCH (asyncio's ProcessLookupError), once the transport has finished
     * @asyncio SubprocessTransport.send_signal(signal)
     *     Differences: {@code SIGTERM} and {@code SIGKILL} go at once; the other signals through the
     *     {@code kill} command, which is started and not waited for.
     */
    void sendSignal(Signal signal);

    /**
     * Asks the child to stop: {@code SIGTERM}.
     *
     * @throws OSError errno 3, ESRCH (asyncio's ProcessLookupError), once the transport has finished
     * @asyncio SubprocessTransport.terminate()
     */
    void terminate();

    /**
     * Kills the child: {@code SIGKILL}.
     *
     * @throws OSError errno 3, ESRCH (asyncio's ProcessLookupError), once the transport has finished
     * @asyncio SubprocessTransport.kill()
     */
    void kill();

    /**
     * Closes the pipes, and kills the child if it still runs. Idempotent.
     *
     * @asyncio SubprocessTransport.close()
     */
    @Override
    void close();
}
