/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.ByteBuffer;

/**
 * The callbacks of a child process started by {@link SubprocessLoop#subprocessExec} or
 * {@link SubprocessLoop#subprocessShell}, all on the loop's thread.
 *
 * <p>State machine: {@code CM -> [PDR(fd)* -> PCL(fd)]* and PE, in any interleaving -> CL}: {@code connectionMade}
 * first; then the data and the end of each pipe, and the process's exit; {@code connectionLost} last, once the
 * process has exited and every pipe is closed.
 *
 * @asyncio asyncio.SubprocessProtocol
 *     Differences: {@code connectionMade} receives a {@link SubprocessTransport}, so this is not a
 *     {@link BaseProtocol} (whose {@code connectionMade} takes a stream {@link Transport}), as
 *     {@link DatagramProtocol} is not.
 */
public interface SubprocessProtocol {

    /**
     * Called when the child has started and its pipes are connected.
     *
     * @param transport the transport; keep it to find the pipes, signal the child, or close it
     * @asyncio BaseProtocol.connection_made(transport)
     */
    default void connectionMade(SubprocessTransport transport) {
    }

    /**
     * Called when the child writes data to its stdout or stderr pipe.
     *
     * @param fd 1 for stdout, 2 for stderr
     * @param data the bytes, valid during the call only
     * @asyncio SubprocessProtocol.pipe_data_received(fd, data)
     */
    default void pipeDataReceived(int fd, ByteBuffer data) {
    }

    /**
     * Called when one of the pipes communicating with the child is closed.
     *
     * @param fd 0, 1 or 2
     * @param exc the error, or {@code null} at the end of the stream or after a close
     * @asyncio SubprocessProtocol.pipe_connection_lost(fd, exc)
     */
    default void pipeConnectionLost(int fd, Throwable exc) {
    }

    /**
     * Called when the child has exited; its return code is then set. Called once.
     *
     * @asyncio SubprocessProtocol.process_exited()
     */
    default void processExited() {
    }

    /**
     * Called last, once the child has exited and all its pipes are closed.
     *
     * @param exc always {@code null} for a child process
     * @asyncio BaseProtocol.connection_lost(exc)
     */
    default void connectionLost(Throwable exc) {
    }

    /**
     * Called when the stdin pipe's write buffer goes over the high-water mark.
     *
     * @asyncio BaseProtocol.pause_writing()
     */
    default void pauseWriting() {
    }

    /**
     * Called when the stdin pipe's write buffer drains to the low-water mark.
     *
     * @asyncio BaseProtocol.resume_writing()
     */
    default void resumeWriting() {
    }
}
