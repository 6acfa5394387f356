/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Child processes and pipes: not API. asyncio's {@code base_subprocess} and {@code unix_events}' pipe transports,
 * behind {@link io.jasyncio.SubprocessLoop}.
 *
 * <h2>Purpose</h2>
 * Starts children with the JDK's {@link java.lang.ProcessBuilder} and drives their pipes, and any pipe or FIFO given
 * to {@code connectReadPipe}/{@code connectWritePipe}, without ever blocking the loop thread.
 *
 * <h2>asyncio mapping</h2>
 * <table>
 * <caption>asyncio classes and their counterparts here</caption>
 * <tr><th>asyncio</th><th>here</th></tr>
 * <tr><td>{@code base_subprocess.BaseSubprocessTransport}</td><td>{@link
 *     io.jasyncio.transport.internal.subprocess.ChildProcessTransport}</td></tr>
 * <tr><td>{@code ReadSubprocessPipeProto}, {@code WriteSubprocessPipeProto}</td><td>{@code SubprocessPipeProtocol}
 *     </td></tr>
 * <tr><td>{@code unix_events._UnixReadPipeTransport}</td><td>{@link
 *     io.jasyncio.transport.internal.subprocess.ReadPipeTransport}</td></tr>
 * <tr><td>{@code unix_events._UnixWritePipeTransport}</td><td>{@link
 *     io.jasyncio.transport.internal.subprocess.WritePipeTransport}</td></tr>
 * <tr><td>the child watcher ({@code PidfdChildWatcher}, {@code ThreadedChildWatcher})</td><td>{@link
 *     java.lang.Process#onExit()}: the JDK's reaper thread waits for the child</td></tr>
 * </table>
 *
 * <h2>Threading model</h2>
 * Every transport here is for the loop thread, as asyncio's are. Each pipe has one platform daemon thread of its own (not a virtual
 * thread: a blocked read of a pipe keeps a virtual thread on its carrier) that
 * does the blocking read or write, and talks to the loop only through {@code callSoonThreadsafe}; the child's exit
 * comes the same way, from the JDK's reaper. This is the same on every backend (epoll, io_uring, NIO): a child's pipe
 * is created by the JDK, which gives no descriptor number to register with an epoll or io_uring instance, so the
 * pipes are not polled by the loop's selector on any backend.
 * <ul>
 * <li>Reading: the reader thread reads up to 256 KiB (asyncio's {@code max_size}) into its one buffer, posts it, and
 *     waits for a credit that the loop gives back after {@code dataReceived}; while the protocol has paused reading
 *     (a {@link io.jasyncio.StreamReader} over its limit does), the loop keeps the credit. At most one chunk is in
 *     flight per pipe, so a child that writes faster than it is read fills the pipe and blocks: the parent's memory
 *     does not grow.</li>
 * <li>Writing: {@code write} copies into a queue that the writer thread writes in order; the bytes count in
 *     {@code getWriteBufferSize()} until written, so {@code pauseWriting}/{@code resumeWriting} and
 *     {@code StreamWriter.drain()} follow the child's pace.</li>
 * <li>Exit: {@code Process.onExit()} completes on the JDK's thread; {@code callSoonThreadsafe} brings the return
 *     code to the loop, which sets it once, then calls {@code processExited()}.</li>
 * </ul>
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>A child's return code is set once, before {@code processExited()} runs; {@code connectionLost} runs once,
 *     after the exit and after every pipe's {@code pipeConnectionLost} (asyncio's {@code _try_finish} and
 *     {@code _call_connection_lost}); {@link io.jasyncio.Subprocess#wait_()} wakes after it.</li>
 * <li>The pipes' {@code connectionMade} and the protocol's run before any data: the reader threads start after
 *     those callbacks are scheduled.</li>
 * </ul>
 *
 * <h2>Behaviour at the time of writing</h2>
 * <ul>
 * <li>A child killed by signal N has return code -N, as in asyncio; the JDK reports it as exit status 128 + N, so a
 *     child that exits with 129..192 by itself reads as killed by a signal too.</li>
 * <li>{@code SIGTERM} and {@code SIGKILL} are sent at once ({@link java.lang.ProcessHandle#destroy()},
 *     {@code destroyForcibly()}); other signals through the {@code kill} command, started and not waited for.</li>
 * <li>A write pipe learns that its reader has gone at the next write ({@link io.jasyncio.BrokenPipeError}), not
 *     before: asyncio watches the write end for readability, a thread cannot.</li>
 * <li>Closing a child's read pipe while the child still writes closes the parent's end; the reader thread is
 *     released when the child writes or exits. Aborting a write pipe on a child's stdin drops the queue; the pipe is
 *     closed when a write under way returns.</li>
 * </ul>
 *
 * <h2>Hot-path rules</h2>
 * A read allocates nothing: the one buffer is reused and the deliver callback is allocated once. A write copies its
 * bytes, as asyncio's {@code bytearray} buffer does.
 *
 * <h2>System properties</h2>
 * None.
 */
package io.jasyncio.transport.internal.subprocess;
