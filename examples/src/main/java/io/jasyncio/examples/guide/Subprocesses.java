/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.guide;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Signal;
import io.jasyncio.Subprocess;
import io.jasyncio.SubprocessOptions;
import io.jasyncio.Task;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Subprocesses and signals, as a server handles them: the loop runs on the main thread, keeps a worker child whose
 * output it reads, reloads on {@code SIGHUP} (by running a short command) and stops gracefully on {@code SIGTERM}
 * (terminating the worker and waiting for it). To show it without a second terminal, the example sends itself the
 * two signals with {@code kill}, as an operator would.
 */
public final class Subprocesses {
    /** A worker that says when it starts, and stops cleanly on SIGTERM. */
    static final String WORKER = "trap 'echo worker: stopping; exit 0' TERM; echo worker: started;"
            + " while :; do sleep 0.1; done";

    private Subprocesses() {
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        try (EventLoop loop = Asyncio.newEventLoop()) {
            loop.runUntilComplete(() -> serve(loop));
        }
    }

    private static Void serve(EventLoop loop) {
        Future<Void> stopping = loop.createFuture();
        Future<Void> reloaded = loop.createFuture();
        loop.addSignalHandler(Signal.SIGHUP, () -> Asyncio.createTask(() -> reload(reloaded)));
        loop.addSignalHandler(Signal.SIGTERM, () -> {
            System.out.println("SIGTERM: stopping");
            if (!stopping.done()) {
                stopping.setResult(null);
            }
        });
        try {
            Subprocess worker = Asyncio.createSubprocessShell(WORKER,
                    SubprocessOptions.defaults().withStdout(SubprocessOptions.PIPE));
            // its first line: the worker has started, and its trap is set
            System.out.print(new String(worker.stdout().readline(), StandardCharsets.UTF_8));
            Task<Void> echo = loop.createTask(() -> {
                for (byte[] line = worker.stdout().readline(); line.length > 0; line = worker.stdout().readline()) {
                    System.out.print(new String(line, StandardCharsets.UTF_8));
                }
                return null;
            });
            long pid = ProcessHandle.current().pid();
            System.out.println("serving; try: kill -HUP " + pid + ", kill -TERM " + pid);

            kill("-HUP", pid);       // as an operator would
            Asyncio.await(reloaded);
            kill("-TERM", pid);
            Asyncio.await(stopping);

            worker.terminate();      // SIGTERM to the worker: its trap lets it finish cleanly
            Asyncio.await(echo);
            System.out.println("worker exited with " + worker.wait_());
        } finally {
            loop.removeSignalHandler(Signal.SIGHUP);
            loop.removeSignalHandler(Signal.SIGTERM);
        }
        return null;
    }

    /** On SIGHUP: runs a short command and reads its whole output, as a reload would. */
    private static Void reload(Future<Void> reloaded) {
        Subprocess p = Asyncio.createSubprocessExec("uname", List.of("-s"),
                SubprocessOptions.defaults().withStdout(SubprocessOptions.PIPE));
        String out = new String(p.communicate(null).stdout(), StandardCharsets.UTF_8).strip();
        System.out.println("SIGHUP: reloading; `uname -s` says " + out + ", exit " + p.returncode());
        if (!reloaded.done()) {
            reloaded.setResult(null);
        }
        return null;
    }

    private static void kill(String signal, long pid) {
        Asyncio.createSubprocessExec("kill", signal, Long.toString(pid)).wait_();
    }
}
