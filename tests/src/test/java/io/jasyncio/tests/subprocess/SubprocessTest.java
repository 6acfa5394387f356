/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.subprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.BrokenPipeError;
import io.jasyncio.CancelledError;
import io.jasyncio.ConnectionResetError;
import io.jasyncio.OSError;
import io.jasyncio.Signal;
import io.jasyncio.Subprocess;
import io.jasyncio.SubprocessOptions;
import io.jasyncio.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPython's {@code Lib/test/test_asyncio/test_subprocess.py} ({@code SubprocessMixin}), names kept. */
class SubprocessTest extends SubprocessTestBase {
    private static final SubprocessOptions IN_OUT = SubprocessOptions.defaults()
            .withStdin(SubprocessOptions.PIPE).withStdout(SubprocessOptions.PIPE);
    private static final SubprocessOptions ALL_PIPES = SubprocessOptions.pipes();
    /** asyncio's {@code support.PIPE_MAX_SIZE}: more than any pipe buffer holds. */
    private static final int PIPE_MAX_SIZE = 4 * 1024 * 1024 + 1;

    private static Subprocess exec(List<String> args, SubprocessOptions options) {
        return Asyncio.createSubprocessExec(args.get(0), args.subList(1, args.size()), options);
    }

    /** test_stdin_stdout: write, drain, close stdin; read stdout to its end; wait. */
    @Test
    void testStdinStdout() {
        Object[] result = loop.runUntilComplete(() -> {
            Subprocess proc = exec(PROGRAM_CAT, IN_OUT);
            proc.stdin().write(bytes("some data"));
            proc.stdin().drain();
            proc.stdin().close();
            byte[] data = proc.stdout().read(-1);
            int exitcode = proc.wait_();
            return new Object[] {exitcode, data};
        });
        assertEquals(0, result[0]);
        assertEquals("some data", text((byte[]) result[1]));
    }

    /** test_communicate. */
    @Test
    void testCommunicate() {
        Object[] result = loop.runUntilComplete(() -> {
            Subprocess proc = exec(PROGRAM_CAT, IN_OUT);
            Subprocess.Output out = proc.communicate(bytes("some data"));
            return new Object[] {proc.returncode(), out.stdout(), out.stderr()};
        });
        assertEquals(0, result[0]);
        assertEquals("some data", text((byte[]) result[1]));
        assertNull(result[2], "stderr is not a pipe");
    }

    /** Large input and output through cat: 4 MiB each way, more than the pipes and the reader hold. */
    @Test
    void testCommunicateLarge() {
        byte[] big = new byte[PIPE_MAX_SIZE];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >>> 11));
        }
        byte[] out = loop.runUntilComplete(() -> exec(PROGRAM_CAT, IN_OUT).communicate(big).stdout());
        assertArrayEquals(big, out);
    }

    /** test_shell. */
    @Test
    void testShell() {
        int code = loop.runUntilComplete(() -> Asyncio.createSubprocessShell("exit 7").wait_());
        assertEquals(7, code);
    }

    /** Exit codes as the child gives them; {@code returncode()} is null while it runs. */
    @Test
    void testExitCodes() {
        List<Integer> codes = loop.runUntilComplete(() -> {
            Subprocess t = Asyncio.createSubprocessExec("true");
            Subprocess f = Asyncio.createSubprocessExec("false");
            Subprocess blocked = exec(PROGRAM_BLOCKED, SubprocessOptions.defaults());
            Integer running = blocked.returncode();
            blocked.kill();
            blocked.wait_();
            return Arrays.asList(t.wait_(), f.wait_(), Asyncio.createSubprocessShell("exit 42").wait_(), running);
        });
        assertEquals(Arrays.asList(0, 1, 42, null), codes);
    }

    /** test_kill: the return code is minus the signal's number. */
    @Test
    void testKill() {
        int code = loop.runUntilComplete(() -> {
            Subprocess proc = exec(PROGRAM_BLOCKED, SubprocessOptions.defaults());
            proc.kill();
            return proc.wait_();
        });
        assertEquals(-Signal.SIGKILL.number(), code);
    }

    /** test_terminate. */
    @Test
    void testTerminate() {
        int code = loop.runUntilComplete(() -> {
            Subprocess proc = exec(PROGRAM_BLOCKED, SubprocessOptions.defaults());
            proc.terminate();
            return proc.wait_();
        });
        assertEquals(-Signal.SIGTERM.number(), code);
    }

    /** test_send_signal: SIGHUP once the child says it sleeps. */
    @Test
    void testSendSignal() {
        int code = loop.runUntilComplete(() -> {
            Subprocess proc = Asyncio.createSubprocessShell("echo sleeping; exec sleep 3600",
                    SubprocessOptions.defaults().withStdout(SubprocessOptions.PIPE));
            assertEquals("sleeping\n", text(proc.stdout().readline()));
            proc.sendSignal(Signal.SIGHUP);
            return proc.wait_();
        });
        assertEquals(-Signal.SIGHUP.number(), code);
    }

    /** test_stdin_broken_pipe: the child ends before its stdin is fed; drain() fails. */
    @Test
    void testStdinBrokenPipe() {
        RuntimeException e = loop.runUntilComplete(() -> {
            Subprocess proc = Asyncio.createSubprocessExec("true", List.of(),
                    SubprocessOptions.defaults().withStdin(SubprocessOptions.PIPE));
            proc.wait_();
            proc.stdin().waitClosed(); // asyncio sleeps 0.5 s here: the child is gone and the pipe knows it
            RuntimeException caught = null;
            try {
                proc.stdin().write(new byte[PIPE_MAX_SIZE]);
                proc.stdin().drain();
            } catch (BrokenPipeError | ConnectionResetError x) {
                caught = x;
            }
            return caught;
        });
        assertTrue(e instanceof BrokenPipeError || e instanceof ConnectionResetError, "drain() failed: " + e);
    }

    /** test_communicate_ignore_broken_pipe. */
    @Test
    void testCommunicateIgnoreBrokenPipe() {
        int code = loop.runUntilComplete(() -> {
            Subprocess proc = Asyncio.createSubprocessExec("true", List.of(),
                    SubprocessOptions.defaults().withStdin(SubprocessOptions.PIPE));
            proc.communicate(new byte[PIPE_MAX_SIZE]);
            return proc.wait_();
        });
        assertEquals(0, code);
    }

    /**
     * test_pause_reading: with limit=10, a child writing 21 bytes makes the stdout reader pause the pipe; reading
     * resumes it, and every byte arrives. (asyncio mocks pause_reading; here the reader's state is observed.)
     */
    @Test
    void testPauseReading() {
        int limit = 10;
        int size = limit * 2 + 1;
        Object[] result = loop.runUntilComplete(() -> {
            Subprocess proc = Asyncio.createSubprocessShell("printf '%0" + size + "d' 0",
                    IN_OUT.withLimit(limit));
            double deadline = loop.time() + 10;
            while (!proc.stdout().toString().contains("paused") && loop.time() < deadline) {
                Asyncio.sleep(0.01);
            }
            boolean paused = proc.stdout().toString().contains("paused");
            byte[] out = proc.communicate(null).stdout();
            return new Object[] {paused, out};
        });
        assertTrue((Boolean) result[0], "the reader paused the pipe");
        assertEquals("0".repeat(size), text((byte[]) result[1]));
    }

    /** test_stdin_not_inheritable: the child sees the end of its input, so communicate() does not hang. */
    @Test
    void testStdinNotInheritable() {
        Object[] result = loop.runUntilComplete(() -> {
            Subprocess proc = Asyncio.createSubprocessShell("wc -c", ALL_PIPES);
            Subprocess.Output out = proc.communicate(bytes("abc"));
            return new Object[] {out.stdout(), proc.wait_()};
        });
        assertEquals("3", text((byte[]) result[0]).strip());
        assertEquals(0, result[1]);
    }

    /** test_empty_input. */
    @Test
    void testEmptyInput() {
        byte[] out = loop.runUntilComplete(() -> Asyncio.createSubprocessShell("wc -c", ALL_PIPES)
                .communicate(new byte[0]).stdout());
        assertEquals("0", text(out).strip());
    }

    /** test_devnull_input. */
    @Test
    void testDevnullInput() {
        byte[] out = loop.runUntilComplete(() -> Asyncio.createSubprocessShell("wc -c",
                ALL_PIPES.withStdin(SubprocessOptions.DEVNULL)).communicate(null).stdout());
        assertEquals("0", text(out).strip());
    }

    /** test_devnull_output. */
    @Test
    void testDevnullOutput() {
        Object[] result = loop.runUntilComplete(() -> {
            Subprocess proc = Asyncio.createSubprocessShell("wc -c",
                    ALL_PIPES.withStdout(SubprocessOptions.DEVNULL));
            Subprocess.Output out = proc.communicate(bytes("abc"));
            return new Object[] {out.stdout(), proc.wait_()};
        });
        assertNull(result[0]);
        assertEquals(0, result[1]);
    }

    /** test_devnull_error. */
    @Test
    void testDevnullError() {
        Object[] result = loop.runUntilComplete(() -> {
            Subprocess proc = Asyncio.createSubprocessShell("wc -c",
                    ALL_PIPES.withStderr(SubprocessOptions.DEVNULL));
            Subprocess.Output out = proc.communicate(bytes("abc"));
            return new Object[] {out.stderr(), proc.wait_()};
        });
        assertNull(result[0]);
        assertEquals(0, result[1]);
    }

    /** STDOUT: stderr goes into the stdout pipe. */
    @Test
    void testStderrToStdout() {
        Subprocess.Output out = loop.runUntilComplete(() -> Asyncio.createSubprocessShell("echo out; echo err >&2",
                ALL_PIPES.withStderr(SubprocessOptions.STDOUT)).communicate(null));
        assertEquals("out\nerr\n", text(out.stdout()));
        assertNull(out.stderr());
    }

    /** The working directory, the environment and a file as stdout. */
    @Test
    void testCwdEnvAndFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.txt");
        int code = loop.runUntilComplete(() -> Asyncio.createSubprocessShell("pwd; echo \"$GREETING\"",
                SubprocessOptions.defaults().withCwd(dir).withEnv(Map.of("GREETING", "hello", "PATH", "/usr/bin:/bin"))
                        .withStdout(SubprocessOptions.file(file))).wait_());
        assertEquals(0, code);
        assertEquals(dir.toRealPath() + "\nhello\n", Files.readString(file));
    }

    /** test_cancel_process_wait: a cancelled wait_() leaves the process to a later wait. */
    @Test
    void testCancelProcessWait() {
        int code = loop.runUntilComplete(() -> {
            Subprocess proc = exec(PROGRAM_BLOCKED, SubprocessOptions.defaults());
            Task<Integer> task = loop.createTask(proc::wait_);
            loop.callSoon(task::cancel);
            assertThrows(CancelledError.class, () -> Asyncio.await(task));
            proc.kill();
            return proc.wait_();
        });
        assertEquals(-Signal.SIGKILL.number(), code);
    }

    /** test_cancel_make_subprocess_transport_exec: cancelling the start kills the child. */
    @Test
    void testCancelMakeSubprocessTransportExec() {
        loop.runUntilComplete(() -> {
            Task<Subprocess> task = loop.createTask(() -> exec(PROGRAM_BLOCKED, SubprocessOptions.defaults()));
            loop.callSoon(task::cancel);
            assertThrows(CancelledError.class, () -> Asyncio.await(task));
            return null;
        });
    }

    /** test_popen_error: a program that does not exist fails the start with errno 2. */
    @Test
    void testPopenError() {
        OSError e = loop.runUntilComplete(() -> {
            try {
                Asyncio.createSubprocessExec("/nonexistent/program");
                return null;
            } catch (OSError x) {
                return x;
            }
        });
        assertEquals(2, e.errno(), e.toString());
    }

    /** test_read_stdout_after_process_exit: output written before the exit is read after it. */
    @Test
    void testReadStdoutAfterProcessExit() {
        long total = loop.runUntilComplete(() -> {
            Subprocess proc = Asyncio.createSubprocessShell("head -c 262144 /dev/zero; exit 1",
                    SubprocessOptions.defaults().withStdout(SubprocessOptions.PIPE));
            long n = 0;
            while (true) {
                byte[] data = proc.stdout().read(65536);
                if (data.length == 0) {
                    break;
                }
                n += data.length;
                Asyncio.sleep(0.05);
            }
            assertEquals(1, proc.wait_());
            return n;
        });
        assertEquals(262144, total);
    }
}
