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
 * to {@code connectReadPipe}/{@code connectWritePipe}, without ever blocking the loop thread: polled by the loop's
 * epoll instance where it has one, read and written by a thread per pipe elsewhere.
 *
 * <h2>asyncio mapping</h2>
 * <table>
 * <caption>asyncio classes and their counterparts here</caption>
 * <tr><th>asyncio</th><th>here</th></tr>
 * <tr><td>{@code base_subprocess.BaseSubprocessTransport}</td><td>{@link
 *     io.jasyncio.transport.internal.subprocess.ChildProcessTransport}</td></tr>
 * <tr><td>{@code ReadSubprocessPipeProto}, {@code WriteSubprocessPipeProto}</td><td>{@code SubprocessPipeProtocol}
 *     </td></tr>
 * <tr><td>{@code unix_events._UnixReadPipeTransport}</td><td>{@code EpollReadPipeTransport} (epoll),
 *     {@link io.jasyncio.transport.internal.subprocess.ReadPipeTransport} (a thread)</td></tr>
 * <tr><td>{@code unix_events._UnixWritePipeTransport}</td><td>{@code EpollWritePipeTransport} (epoll),
 *     {@link io.jasyncio.transport.internal.subprocess.WritePipeTransport} (a thread)</td></tr>
 * <tr><td>the child watcher ({@code PidfdChildWatcher}, {@code ThreadedChildWatcher})</td><td>{@link
 *     java.lang.Process#onExit()}: the JDK's reaper thread waits for the child</td></tr>
 * </table>
 *
 * <h2>Threading model</h2>
 * Every transport here is for the loop thread, as asyncio's are. The child's exit comes from the JDK's reaper through
 * {@code Process.onExit()} and {@code callSoonThreadsafe}: the loop sets the return code once, then calls
 * {@code processExited()}. How the pipes are driven depends on the backend:
 * <table>
 * <caption>pipes per backend</caption>
 * <tr><th>backend</th><th>a child's pipes</th><th>{@code connectReadPipe}/{@code connectWritePipe}</th></tr>
 * <tr><td>epoll</td><td>{@code EpollReadPipeTransport},
 *     {@code EpollWritePipeTransport}: the parent makes each pipe with
 *     Netty's {@code FileDescriptor.pipe()} (non-blocking), gives the child its end as {@code /proc/self/fd/N}
 *     (the JDK opens it, a new blocking open file description of the same pipe, and makes it the child's 0, 1 or 2),
 *     closes its copy of the child's end, and registers its own end with the loop's Netty epoll instance as an
 *     {@code EpollIoHandle}. Reads and writes are non-blocking system calls on the loop thread, as in asyncio's
 *     selector loop; {@code pauseReading} removes the descriptor from epoll (asyncio's {@code remove_reader}).
 *     Both directions keep their descriptor and its registration in an {@code EpollPipeRegistration}.</td>
 *     <td>threads, as below: a {@code java.nio} channel gives no descriptor number</td></tr>
 * <tr><td>NIO, io_uring, or epoll with {@code -Djasyncio.subprocess.nativePipes=false}</td>
 *     <td>{@link io.jasyncio.transport.internal.subprocess.ReadPipeTransport},
 *     {@link io.jasyncio.transport.internal.subprocess.WritePipeTransport} on the JDK's process streams: each pipe
 *     has a platform daemon thread (not a virtual thread: a blocked read of a JDK process stream keeps a virtual
 *     thread on its carrier) that does the blocking read or write and talks to the loop only through
 *     {@code callSoonThreadsafe}</td><td>the same, on the channel</td></tr>
 * </table>
 * <ul>
 * <li>Reading with a thread: the reader reads up to 256 KiB (asyncio's {@code max_size}) into its one buffer, posts
 *     it, and waits for a credit that the loop gives back after {@code dataReceived}; while the protocol has paused
 *     reading (a {@link io.jasyncio.StreamReader} over its limit does), the loop keeps the credit. At most one chunk
 *     is in flight per pipe, so a child that writes faster than it is read fills the pipe and blocks: the parent's
 *     memory does not grow. On epoll, a paused pipe is not polled, with the same effect.</li>
 * <li>Writing with a thread: {@code write} copies into a queue that the writer thread writes in order; the bytes
 *     count in {@code getWriteBufferSize()} until written, so {@code pauseWriting}/{@code resumeWriting} and
 *     {@code StreamWriter.drain()} follow the child's pace. On epoll, {@code write} writes what the pipe takes at
 *     once and buffers the rest until {@code EPOLLOUT}.</li>
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
 * <li>A write pipe with a thread learns that its reader has gone at the next write
 *     ({@link io.jasyncio.BrokenPipeError}), not before: asyncio watches the write end for readability, a thread
 *     cannot. A child's stdin pipe is closed when the child exits, on every backend (the JDK closes its stream then
 *     too); on epoll, an {@code EPOLLERR} on the write end closes it as well.</li>
 * <li>Closing a child's read pipe while the child still writes closes the parent's end (with a thread, the reader
 *     thread is released when the child writes or exits). Aborting a threaded write pipe on a child's stdin drops the queue;
 *     the pipe is closed when a write under way returns.</li>
 * </ul>
 *
 * <h2>Hot-path rules</h2>
 * A read allocates nothing: the one buffer (direct on epoll) is reused, and the threaded reader's deliver callback is
 * allocated once. A write copies its bytes, as asyncio's {@code bytearray} buffer does.
 *
 * <h2>System properties</h2>
 * {@code jasyncio.subprocess.nativePipes} (default {@code true}): {@code false} makes an epoll loop drive its
 * children's pipes with threads, as the other backends do. Read once.
 */
package io.jasyncio.transport.internal.subprocess;
