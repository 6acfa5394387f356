/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.SignalHandlers;

/**
 * The POSIX signals, by name, for {@link EventLoop#addSignalHandler(Signal, Runnable)}; their numbers are the
 * platform's ({@link #number()}), as Python's {@code signal.Signals}.
 *
 * <p>Not every signal can be handled: SIGKILL and SIGSTOP never; and the JVM keeps some for itself (on HotSpot for
 * Linux: SIGQUIT for thread dumps, unless {@code -Xrs}; SIGSEGV, SIGILL, SIGFPE and SIGBUS for its own traps; SIGUSR2
 * for suspending threads; SIGPIPE and SIGXFSZ, which it ignores). Adding a handler for one of them raises
 * {@link IllegalArgumentException} "sig N cannot be caught", naming why.
 *
 * @asyncio signal.Signals
 */
public enum Signal {
    /** Hangup: by convention, reload the configuration. */
    SIGHUP,
    /** Interrupt from the keyboard (Ctrl-C). */
    SIGINT,
    /** Quit from the keyboard; the JVM prints a thread dump on it. */
    SIGQUIT,
    /** Illegal instruction; kept by the JVM. */
    SIGILL,
    /** Trace or breakpoint trap. */
    SIGTRAP,
    /** Abort. */
    SIGABRT,
    /** Bus error; kept by the JVM. */
    SIGBUS,
    /** Floating-point exception; kept by the JVM. */
    SIGFPE,
    /** Kill: cannot be caught. */
    SIGKILL,
    /** User-defined signal 1. */
    SIGUSR1,
    /** Segmentation fault; kept by the JVM. */
    SIGSEGV,
    /** User-defined signal 2; HotSpot keeps it to suspend threads. */
    SIGUSR2,
    /** Broken pipe; the JVM ignores it, so that writes fail with EPIPE. */
    SIGPIPE,
    /** Timer signal from {@code alarm(2)}. */
    SIGALRM,
    /** Termination request: by convention, shut down cleanly. */
    SIGTERM,
    /** A child stopped or terminated. */
    SIGCHLD,
    /** Continue if stopped. */
    SIGCONT,
    /** Stop: cannot be caught. */
    SIGSTOP,
    /** Stop typed at the terminal (Ctrl-Z). */
    SIGTSTP,
    /** Terminal input for a background process. */
    SIGTTIN,
    /** Terminal output for a background process. */
    SIGTTOU,
    /** Urgent condition on a socket. */
    SIGURG,
    /** CPU time limit exceeded. */
    SIGXCPU,
    /** File size limit exceeded; the JVM ignores it. */
    SIGXFSZ,
    /** Virtual alarm clock. */
    SIGVTALRM,
    /** Profiling timer expired. */
    SIGPROF,
    /** The terminal window changed size; ignored by default. */
    SIGWINCH,
    /** I/O now possible. */
    SIGIO,
    /** Power failure. */
    SIGPWR,
    /** Bad system call. */
    SIGSYS;

    private final int number = SignalHandlers.number(name().substring(3));

    /**
     * The signal's number on this platform (SIGHUP is 1, SIGINT 2, SIGTERM 15, SIGUSR1 10 on Linux).
     *
     * @return the number, or -1 if this platform has no such signal
     * @asyncio signal.Signals.value
     */
    public int number() {
        return number;
    }

    /**
     * The signal with a number on this platform.
     *
     * @param number the number
     * @return the signal
     * @throws IllegalArgumentException "invalid signal number N" (asyncio's ValueError) for a number that names none
     *     of these signals here (the real-time signals included)
     * @asyncio signal.Signals(number)
     */
    public static Signal of(int number) {
        if (number > 0) {
            for (Signal s : values()) {
                if (s.number == number) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("invalid signal number " + number);
    }
}
