/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples;

import io.jasyncio.OSError;
import java.util.function.Supplier;

/**
 * How an example command reports what stops it: one line on stderr, {@code jasyncio NAME: problem}, then exit, with
 * no stack trace. A bad argument exits with status 2 ({@code --port must be 0-65535, got 99999}); a failed bind or a
 * host that does not resolve exits with status 1 and asyncio's words ({@code [Errno 98] error while attempting to
 * bind on address ('127.0.0.1', 8888): address already in use}, {@code [Errno -2] Name or service not known}).
 * {@code --help} prints the usage line on stdout.
 *
 * @param program the command's name, as the launcher spells it ({@code echo-server})
 * @param usage the usage line
 */
public record CommandLine(String program, String usage) {
    /** Exit status of a bad command line. */
    public static final int USAGE_ERROR = 2;
    /** Exit status of a server that could not start. */
    public static final int START_ERROR = 1;

    /**
     * Whether the arguments ask for help: then the usage line is printed on stdout and the caller returns.
     *
     * @param args the arguments
     * @return {@code true} after printing the usage line for {@code --help} or {@code -h}
     */
    public boolean help(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: " + usage);
            return true;
        }
        return false;
    }

    /**
     * Reports a bad argument and exits with status 2.
     *
     * @param problem what is wrong, naming the option
     * @return never: the exception is for {@code throw fail(...)} where the compiler wants one
     */
    public IllegalArgumentException fail(String problem) {
        return exit(USAGE_ERROR, problem + " (--help for usage)");
    }

    /**
     * A port: a number from 0 (any) to 65535.
     *
     * @param option the option's name, for the message
     * @param value the argument
     * @return the port
     */
    public int port(String option, String value) {
        int port = number(option, value);
        if (port < 0 || port > 65535) {
            throw fail(option + " must be 0-65535, got " + port);
        }
        return port;
    }

    /**
     * A whole number.
     *
     * @param option the option's name, for the message
     * @param value the argument
     * @return the number
     */
    public int number(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw fail(option + " needs a number, got " + value);
        }
    }

    /**
     * Starts something that binds: a failed bind or an unresolvable host ({@link OSError}) is reported in one line
     * with asyncio's words and the process exits with status 1; an argument the library refuses
     * ({@link IllegalArgumentException}, asyncio's ValueError, such as an unknown {@code --transport}) exits with
     * status 2.
     *
     * @param start binds and returns what it made
     * @param <T> what is made
     * @return what {@code start} returned
     */
    public <T> T orExit(Supplier<T> start) {
        try {
            return start.get();
        } catch (OSError e) {
            throw exit(START_ERROR, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private IllegalArgumentException exit(int status, String line) {
        System.err.println("jasyncio " + program + ": " + line);
        System.err.flush();
        System.exit(status);
        return new IllegalArgumentException(line);
    }
}
