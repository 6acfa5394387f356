/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a child process: its working directory, its environment, where its standard streams go, and the
 * limit of the {@link StreamReader}s of {@link Subprocess}. Immutable; start from {@link #defaults()} (every stream
 * inherited, as {@code asyncio.create_subprocess_exec}) or {@link #pipes()} (every stream a pipe, as
 * {@code loop.subprocess_exec}) and change one field at a time.
 *
 * @param cwd the working directory, or {@code null} for this process's
 * @param env the whole environment of the child, or {@code null} to inherit this process's
 * @param stdin where the child's standard input comes from: {@link #PIPE}, {@link #DEVNULL}, {@link #INHERIT} or a
 *     {@link #file file}
 * @param stdout where the child's standard output goes: {@link #PIPE}, {@link #DEVNULL}, {@link #INHERIT} or a file
 * @param stderr where the child's standard error goes: the same choices, or {@link #STDOUT} (into stdout)
 * @param limit the buffer limit of the stdout and stderr readers of {@link Subprocess}
 * @asyncio the keyword arguments of asyncio.create_subprocess_exec and loop.subprocess_exec: stdin, stdout, stderr,
 *     limit, cwd, env
 *     Differences: no {@code preexec_fn}, {@code start_new_session}, {@code pass_fds} or {@code close_fds} (the JDK
 *     starts the child; it inherits no other descriptor); a descriptor is inherited by naming its file.
 */
public record SubprocessOptions(Path cwd, Map<String, String> env, Redirect stdin, Redirect stdout, Redirect stderr,
        int limit) {

    /** A new pipe to the child: the parent reads or writes it through the loop. @asyncio asyncio.subprocess.PIPE */
    public static final Redirect PIPE = new Redirect(Redirect.Kind.PIPE, null, false);
    /** The null device. @asyncio asyncio.subprocess.DEVNULL */
    public static final Redirect DEVNULL = new Redirect(Redirect.Kind.DEVNULL, null, false);
    /** For stderr only: into the same place as stdout. @asyncio asyncio.subprocess.STDOUT */
    public static final Redirect STDOUT = new Redirect(Redirect.Kind.STDOUT, null, false);
    /** The parent's own descriptor, inherited. @asyncio None, the default of create_subprocess_exec */
    public static final Redirect INHERIT = new Redirect(Redirect.Kind.INHERIT, null, false);

    /**
     * Validates the options.
     *
     * @throws NullPointerException if a stream choice is {@code null}
     * @throws IllegalArgumentException if {@code STDOUT} is given for stdin or stdout, or the limit is not positive
     */
    public SubprocessOptions {
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        if (stdin.kind() == Redirect.Kind.STDOUT || stdout.kind() == Redirect.Kind.STDOUT) {
            throw new IllegalArgumentException("STDOUT is only for stderr");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0: " + limit);
        }
        env = env == null ? null : Map.copyOf(env);
    }

    /**
     * Every stream inherited, no working directory or environment change: asyncio's
     * {@code create_subprocess_exec} defaults.
     *
     * @return the options
     */
    public static SubprocessOptions defaults() {
        return new SubprocessOptions(null, null, INHERIT, INHERIT, INHERIT, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * Every stream a pipe: asyncio's {@code loop.subprocess_exec} defaults.
     *
     * @return the options
     */
    public static SubprocessOptions pipes() {
        return new SubprocessOptions(null, null, PIPE, PIPE, PIPE, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * A file as a stream of the child: read from for stdin, truncated and written for stdout and stderr.
     *
     * @param path the file
     * @return the choice
     */
    public static Redirect file(Path path) {
        return new Redirect(Redirect.Kind.FILE, Objects.requireNonNull(path, "path"), false);
    }

    /**
     * A file that stdout or stderr appends to.
     *
     * @param path the file
     * @return the choice
     */
    public static Redirect append(Path path) {
        return new Redirect(Redirect.Kind.FILE, Objects.requireNonNull(path, "path"), true);
    }

    /**
     * These options with another working directory.
     *
     * @param dir the directory, or {@code null} for this process's
     * @return new options
     */
    public SubprocessOptions withCwd(Path dir) {
        return new SubprocessOptions(dir, env, stdin, stdout, stderr, limit);
    }

    /**
     * These options with the child's whole environment.
     *
     * @param environment the variables, or {@code null} to inherit this process's
     * @return new options
     */
    public SubprocessOptions withEnv(Map<String, String> environment) {
        return new SubprocessOptions(cwd, environment, stdin, stdout, stderr, limit);
    }

    /**
     * These options with another stdin.
     *
     * @param choice {@link #PIPE}, {@link #DEVNULL}, {@link #INHERIT} or a file
     * @return new options
     */
    public SubprocessOptions withStdin(Redirect choice) {
        return new SubprocessOptions(cwd, env, choice, stdout, stderr, limit);
    }

    /**
     * These options with another stdout.
     *
     * @param choice {@link #PIPE}, {@link #DEVNULL}, {@link #INHERIT} or a file
     * @return new options
     */
    public SubprocessOptions withStdout(Redirect choice) {
        return new SubprocessOptions(cwd, env, stdin, choice, stderr, limit);
    }

    /**
     * These options with another stderr.
     *
     * @param choice {@link #PIPE}, {@link #DEVNULL}, {@link #STDOUT}, {@link #INHERIT} or a file
     * @return new options
     */
    public SubprocessOptions withStderr(Redirect choice) {
        return new SubprocessOptions(cwd, env, stdin, stdout, choice, limit);
    }

    /**
     * These options with another reader limit.
     *
     * @param bytes the limit of the stdout and stderr readers
     * @return new options
     */
    public SubprocessOptions withLimit(int bytes) {
        return new SubprocessOptions(cwd, env, stdin, stdout, stderr, bytes);
    }

    /**
     * The standard streams that are pipes, as asyncio's file descriptor numbers.
     *
     * @return a sublist of 0, 1, 2
     */
    public List<Integer> pipeFds() {
        java.util.ArrayList<Integer> fds = new java.util.ArrayList<>(3);
        if (stdin.kind() == Redirect.Kind.PIPE) {
            fds.add(0);
        }
        if (stdout.kind() == Redirect.Kind.PIPE) {
            fds.add(1);
        }
        if (stderr.kind() == Redirect.Kind.PIPE) {
            fds.add(2);
        }
        return List.copyOf(fds);
    }

    /**
     * Where one standard stream of a child goes.
     *
     * @param kind the choice
     * @param file the file for {@link Kind#FILE}, else {@code null}
     * @param append whether a file written to is appended to rather than truncated
     */
    public record Redirect(Kind kind, Path file, boolean append) {
        /**
         * Checks that a file comes with {@link Kind#FILE} only.
         *
         * @throws IllegalArgumentException otherwise
         */
        public Redirect {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.FILE) != (file != null)) {
                throw new IllegalArgumentException("a file goes with FILE, and only with it: " + kind + " " + file);
            }
        }

        /** The choices. */
        public enum Kind {
            /** A new pipe, read or written through the loop. */
            PIPE,
            /** The null device. */
            DEVNULL,
            /** stderr into stdout. */
            STDOUT,
            /** The parent's descriptor. */
            INHERIT,
            /** A file. */
            FILE
        }
    }
}
