/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.OSError;
import io.jasyncio.Signal;
import io.jasyncio.SubprocessConnection;
import io.jasyncio.SubprocessOptions;
import io.jasyncio.SubprocessProtocol;
import io.jasyncio.SubprocessTransport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The low-level API: {@code loop.subprocessExec} with a {@link SubprocessProtocol}. CPython's
 * {@code SubprocessTransportTests} and the {@code subprocess_exec} tests of {@code test_events.py}
 * ({@code SubprocessTestsMixin}), against real children instead of a mocked Popen.
 */
class SubprocessProtocolTest extends SubprocessTestBase {

    /** asyncio's {@code MySubprocessProtocol}: records every callback in order. */
    static final class Recorder implements SubprocessProtocol {
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream[] data = {null, new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        SubprocessTransport transport;
        Integer codeAtExit;

        @Override
        public void connectionMade(SubprocessTransport t) {
            transport = t;
            events.add("CONNECTED");
        }

        @Override
        public void pipeDataReceived(int fd, ByteBuffer d) {
            byte[] b = new byte[d.remaining()];
            d.get(b);
            data[fd].writeBytes(b);
        }

        @Override
        public void pipeConnectionLost(int fd, Throwable exc) {
            events.add("PIPE_LOST " + fd);
        }

        @Override
        public void processExited() {
            codeAtExit = transport.getReturncode();
            events.add("EXITED");
        }

        @Override
        public void connectionLost(Throwable exc) {
            events.add("CLOSED " + exc);
        }

        boolean closed() {
            return events.stream().anyMatch(e -> e.startsWith("CLOSED"));
        }
    }

    private SubprocessConnection<Recorder> exec(List<String> args, SubprocessOptions options) {
        return loop.runUntilComplete(loop.subprocessExec(Recorder::new, args, options));
    }

    private void waitClosed(Recorder r) {
        loop.runUntilComplete(() -> {
            double deadline = loop.time() + 20;
            while (!r.closed()) {
                if (loop.time() > deadline) {
                    throw new AssertionError("no connectionLost: " + r.events);
                }
                Asyncio.sleep(0.005);
            }
            return null;
        });
    }

    /**
     * test_proc_exited: connectionMade, processExited (the return code set before it runs), connectionLost(null)
     * last and once; then sendSignal, terminate and kill raise ProcessLookupError (an OSError, ESRCH).
     */
    @Test
    void testProcExited() {
        Recorder r = exec(List.of("sh", "-c", "exit 6"), SubprocessOptions.pipes()).protocol();
        waitClosed(r);
        assertEquals(6, r.transport.getReturncode());
        assertEquals(6, r.codeAtExit, "the return code is set before processExited runs");
        assertEquals("CONNECTED", r.events.get(0));
        assertEquals("CLOSED null", r.events.get(r.events.size() - 1));
        assertEquals(1, r.events.stream().filter("EXITED"::equals).count(), "the exit is observed once");
        assertEquals(1, r.events.stream().filter(e -> e.startsWith("CLOSED")).count());
        assertTrue(r.events.containsAll(List.of("PIPE_LOST 0", "PIPE_LOST 1", "PIPE_LOST 2")), r.events.toString());
        for (Runnable call : List.<Runnable>of(() -> r.transport.sendSignal(Signal.SIGTERM), r.transport::terminate,
                r.transport::kill)) {
            OSError e = assertThrows(OSError.class, call::run);
            assertEquals(3, e.errno());
        }
        r.transport.close();
    }

    /** test_subprocess_repr, in this transport's words. */
    @Test
    void testSubprocessRepr() {
        SubprocessConnection<Recorder> c = exec(PROGRAM_BLOCKED, SubprocessOptions.pipes());
        String running = c.transport().toString();
        assertTrue(running.contains("pid=" + c.transport().getPid() + " running"), running);
        c.transport().kill();
        waitClosed(c.protocol());
        String exited = c.transport().toString();
        assertTrue(exited.contains("returncode=-9"), exited);
    }

    /** test_subprocess_exec: data of stdout through pipeDataReceived, the pipes' transports by fd. */
    @Test
    void testSubprocessExec() {
        SubprocessConnection<Recorder> c = exec(PROGRAM_CAT, SubprocessOptions.pipes());
        SubprocessTransport t = c.transport();
        assertNotNull(t.getPipeTransport(0));
        assertNotNull(t.getPipeTransport(1));
        assertNotNull(t.getPipeTransport(2));
        assertNull(t.getPipeTransport(3));
        assertTrue(t.getPid() > 0);
        assertSame(c.protocol(), c.protocol());
        t.getPipeTransport(0).write(bytes("Python The Winner"));
        t.getPipeTransport(0).close();
        waitClosed(c.protocol());
        assertEquals("Python The Winner", c.protocol().data[1].toString());
        assertEquals(0, t.getReturncode());
    }

    /** test_subprocess_exec_invalid_args-like: a missing program fails the future with errno 2. */
    @Test
    void testSubprocessExecNotFound() {
        OSError e = assertThrows(OSError.class,
                () -> exec(List.of("/nonexistent/program"), SubprocessOptions.pipes()));
        assertEquals(2, e.errno());
    }

    /** test_close_kill_running: close() kills a child that still runs; the exit still comes, once. */
    @Test
    void testCloseKillRunning() {
        SubprocessConnection<Recorder> c = exec(PROGRAM_BLOCKED, SubprocessOptions.pipes());
        assertNull(c.transport().getReturncode());
        c.transport().close();
        assertTrue(c.transport().isClosing());
        waitClosed(c.protocol());
        assertEquals(-Signal.SIGKILL.number(), c.transport().getReturncode());
        assertEquals(1, c.protocol().events.stream().filter("EXITED"::equals).count());
    }

    /** test_subprocess_shell with stderr: both pipes' data arrive by fd. */
    @Test
    void testSubprocessShell() {
        SubprocessConnection<Recorder> c = loop.runUntilComplete(loop.subprocessShell(Recorder::new,
                "echo Python; echo Error >&2"));
        waitClosed(c.protocol());
        assertEquals("Python\n", c.protocol().data[1].toString());
        assertEquals("Error\n", c.protocol().data[2].toString());
        assertEquals(0, c.transport().getReturncode());
    }

    /**
     * The pipes per backend, as the package's design note says: on epoll the loop polls the child's pipes itself;
     * on NIO and io_uring a thread per pipe moves the bytes. Either way the same data arrives.
     */
    @Test
    void testPipesOfTheBackend() {
        SubprocessConnection<Recorder> c = exec(PROGRAM_CAT, SubprocessOptions.pipes());
        String stdin = c.transport().getPipeTransport(0).toString();
        String stdout = c.transport().getPipeTransport(1).toString();
        if (io.jasyncio.transport.Transports.of(loop) == io.jasyncio.transport.TransportKind.EPOLL) {
            assertTrue(stdin.startsWith("<EpollWritePipeTransport"), stdin);
            assertTrue(stdout.startsWith("<EpollReadPipeTransport"), stdout);
        } else {
            assertTrue(stdin.startsWith("<WritePipeTransport"), stdin);
            assertTrue(stdout.startsWith("<ReadPipeTransport"), stdout);
        }
        c.transport().getPipeTransport(0).write(bytes("same data"));
        c.transport().getPipeTransport(0).close();
        waitClosed(c.protocol());
        assertEquals("same data", c.protocol().data[1].toString());
    }
}
