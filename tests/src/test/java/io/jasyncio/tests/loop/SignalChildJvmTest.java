/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jasyncio.tests.BackendAssumptions;
import io.jasyncio.tests.ChildJvm;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real signal sent to another JVM reaches the callback its loop added, as a server's SIGHUP (reload) and SIGTERM
 * (shutdown) would: the child ({@link SignalChildMain}) prints "ready" once its handler is in, and "got SIGxxx" when the
 * signal comes, then exits 0.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SignalChildJvmTest {

    private static void sendAndExpect(String signal) throws Exception {
        BackendAssumptions.assumeBackendAvailable();
        BackendAssumptions.assumeSignalNotIgnored(signal.equals("SIGHUP") ? 1 : 15);
        List<String> command = ChildJvm.java(true);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SignalChildMain.class.getName(),
                signal));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // JVM warnings before the child is ready
            }
            assertEquals("ready", line, "the child ended before its handler was in");
            Process kill = new ProcessBuilder("kill", "-" + signal.substring(3), Long.toString(child.pid()))
                    .inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertEquals("got " + signal, out.readLine());
            assertEquals(0, child.waitFor());
        } finally {
            child.destroyForcibly();
        }
    }

    /** SIGHUP sent with kill(1): the child's loop runs the callback, and the child exits 0. */
    @Test
    void testChildJvmGetsSighup() throws Exception {
        sendAndExpect("SIGHUP");
    }

    /** SIGTERM, a service manager's stop: the loop's callback runs instead of the JVM's shutdown. */
    @Test
    void testChildJvmGetsSigterm() throws Exception {
        sendAndExpect("SIGTERM");
    }
}
