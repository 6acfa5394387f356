/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.Signal;
import io.jasyncio.tests.LoopTestBase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's test_unix_events.py SelectorEventLoopSignalTests, with real signals sent to this JVM where the
 * original mocks the signal module. The signals sent are SIGWINCH and SIGURG, whose default action is to ignore them:
 * a handler that failed to install cannot end the test run (SIGCHLD would come from the kill(1) child too).
 */
class SignalTest extends LoopTestBase {

    @Override
    protected LoopOptions options() {
        return LoopOptions.defaults().withDebug(false); // real time: the signal comes from another process
    }

    @AfterEach
    void removeHandlers() {
        if (loop != null && !loop.isClosed()) {
            for (Signal s : List.of(Signal.SIGWINCH, Signal.SIGURG, Signal.SIGHUP, Signal.SIGINT)) {
                loop.removeSignalHandler(s);
            }
        }
    }

    private static void kill(Signal sig) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kill", "-" + sig.name().substring(3), Long.toString(ProcessHandle.current().pid()))
                .inheritIO().start();
        assertEquals(0, p.waitFor());
    }

    /** Port of test_check_signal: numbers that name no signal are refused with asyncio's message. */
    @Test
    void testCheckSignal() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.addSignalHandler(65, () -> { }));
        assertEquals("invalid signal number 65", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> loop.addSignalHandler(0, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> loop.addSignalHandler(-1, () -> { }));
        e = assertThrows(IllegalArgumentException.class, () -> loop.removeSignalHandler(65));
        assertEquals("invalid signal number 65", e.getMessage());
    }

    /** Signal numbers are the platform's, found by name both ways. */
    @Test
    void testSignalNumbers() {
        assertEquals(1, Signal.SIGHUP.number());
        assertEquals(2, Signal.SIGINT.number());
        assertEquals(9, Signal.SIGKILL.number());
        assertEquals(15, Signal.SIGTERM.number());
        assertSame(Signal.SIGTERM, Signal.of(15));
        assertSame(Signal.SIGWINCH, Signal.of(Signal.SIGWINCH.number()));
    }

    /**
     * Port of test_add_signal_handler: the callback runs on the loop's thread when the signal comes, and wakes a loop
     * that waits for I/O with nothing else to do.
     */
    @Test
    void testAddSignalHandler() throws Exception {
        List<Thread> ranOn = new ArrayList<>();
        loop.addSignalHandler(Signal.SIGWINCH, () -> {
            ranOn.add(Thread.currentThread());
            loop.stop();
        });
        loop.callSoon(() -> {
            try {
                kill(Signal.SIGWINCH);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        loop.runForever(); // nothing but the signal stops it; the class's timeout bounds it
        assertEquals(List.of(Thread.currentThread()), ranOn);
    }

    /** The signal's callback runs in order with the other callbacks: after those scheduled before it arrived. */
    @Test
    void testSignalCallbackInOrder() throws Exception {
        List<String> order = new ArrayList<>();
        loop.addSignalHandler(Signal.SIGURG.number(), () -> {
            order.add("signal");
            loop.stop();
        });
        loop.callSoon(() -> {
            order.add("before");
            loop.callSoonThreadsafe(() -> order.add("scheduled before the signal"));
            try {
                kill(Signal.SIGURG);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        loop.runForever();
        assertEquals(List.of("before", "scheduled before the signal", "signal"), order);
    }

    /** A second add for the same signal replaces the callback, as asyncio's dict entry. */
    @Test
    void testAddSignalHandlerReplaces() throws Exception {
        List<String> calls = new ArrayList<>();
        loop.addSignalHandler(Signal.SIGWINCH, () -> calls.add("first"));
        loop.addSignalHandler(Signal.SIGWINCH, () -> {
            calls.add("second");
            loop.stop();
        });
        kill(Signal.SIGWINCH);
        loop.runForever();
        assertEquals(List.of("second"), calls);
    }

    /**
     * Port of test_add_signal_handler_install_error3: a signal that cannot be caught raises "sig N cannot be caught"
     * (asyncio's RuntimeError), and nothing is left installed.
     */
    @Test
    void testAddSignalHandlerUncatchable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.addSignalHandler(Signal.SIGKILL, () -> { }));
        assertTrue(e.getMessage().startsWith("sig 9 cannot be caught"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> loop.addSignalHandler(Signal.SIGSTOP, () -> { }));
        assertTrue(e.getMessage().startsWith("sig " + Signal.SIGSTOP.number() + " cannot be caught"), e.getMessage());
        assertFalse(loop.removeSignalHandler(Signal.SIGKILL));
    }

    /** Signals the JVM keeps for itself are refused the same way, naming why. */
    @Test
    void testAddSignalHandlerKeptByTheJvm() {
        for (Signal s : List.of(Signal.SIGSEGV, Signal.SIGQUIT, Signal.SIGBUS, Signal.SIGPIPE)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.addSignalHandler(s, () -> { }), s::name);
            assertTrue(e.getMessage().startsWith("sig " + s.number() + " cannot be caught: "), e.getMessage());
            assertFalse(loop.removeSignalHandler(s));
        }
    }

    /** Port of test_remove_signal_handler: true once, then false. */
    @Test
    void testRemoveSignalHandler() {
        loop.addSignalHandler(Signal.SIGHUP, () -> { });
        assertTrue(loop.removeSignalHandler(Signal.SIGHUP));
        assertFalse(loop.removeSignalHandler(Signal.SIGHUP));
        assertFalse(loop.removeSignalHandler(Signal.SIGWINCH), "never added");
    }

    /**
     * Port of test_remove_signal_handler_2 (SIGINT): after removing the handler, adding one again installs it again,
     * and the signal reaches it.
     */
    @Test
    void testRemoveSignalHandler2() throws Exception {
        loop.addSignalHandler(Signal.SIGINT, () -> { });
        assertTrue(loop.removeSignalHandler(Signal.SIGINT.number()));
        List<String> calls = new ArrayList<>();
        loop.addSignalHandler(Signal.SIGURG, () -> {
            calls.add("SIGURG");
            loop.stop();
        });
        assertTrue(loop.removeSignalHandler(Signal.SIGURG));
        loop.addSignalHandler(Signal.SIGURG, () -> {
            calls.add("SIGURG again");
            loop.stop();
        });
        kill(Signal.SIGURG);
        loop.runForever();
        assertEquals(List.of("SIGURG again"), calls);
    }

    /** Two loops with a callback for one signal each hear it. */
    @Test
    void testEveryLoopHearsTheSignal() throws Exception {
        EventLoop other = Asyncio.newEventLoop(options());
        try {
            List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
            io.jasyncio.Future<Object> otherHeard = other.createFuture();
            other.addSignalHandler(Signal.SIGWINCH, () -> {
                calls.add("other");
                otherHeard.setResult(null);
            });
            loop.addSignalHandler(Signal.SIGWINCH, () -> {
                calls.add("loop");
                loop.stop();
            });
            kill(Signal.SIGWINCH);
            loop.runForever();
            other.runUntilComplete(otherHeard);
            assertEquals(List.of("loop", "other"), calls.stream().sorted().toList());
        } finally {
            other.close();
        }
    }

    /** Port of test_close: closing the loop removes its signal handlers. */
    @Test
    void testClose() {
        EventLoop other = Asyncio.newEventLoop(options());
        other.addSignalHandler(Signal.SIGWINCH, () -> { });
        other.addSignalHandler(Signal.SIGHUP, () -> { });
        other.close();
        assertFalse(other.removeSignalHandler(Signal.SIGWINCH));
        assertFalse(other.removeSignalHandler(Signal.SIGHUP));
    }

    /** asyncio's _check_closed: a closed loop takes no signal handler. */
    @Test
    void testAddSignalHandlerClosedLoop() {
        EventLoop other = Asyncio.newEventLoop(options());
        other.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> other.addSignalHandler(Signal.SIGHUP, () -> { }));
        assertEquals("Event loop is closed", e.getMessage());
    }
}
