/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.jasyncio.SubprocessOptions;
import io.netty.channel.unix.FileDescriptor;
import java.io.File;
import java.io.IOException;

/**
 * A child's pipes made by the parent, for epoll: Netty's {@link FileDescriptor#pipe()} gives a pair of non-blocking
 * descriptors; the child's end goes to {@link ProcessBuilder} as {@code /proc/self/fd/N}, which the JDK opens (a
 * new, blocking open file description of the same pipe) and makes the child's 0, 1 or 2. After the start, the
 * parent closes its copy of the child's end and keeps its own, non-blocking, for the loop's epoll instance.
 */
final class EpollPipes {
    /** [fd][0] is the read end, [fd][1] the write end, for fd 0, 1 and 2; {@code null} where no pipe. */
    private final FileDescriptor[][] fds = new FileDescriptor[3][];

    /** Makes the pipes that the options ask for and points the builder's redirects at their child ends. */
    void prepare(ProcessBuilder pb, SubprocessOptions options) throws IOException {
        if (options.stdin().kind() == SubprocessOptions.Redirect.Kind.PIPE) {
            fds[0] = FileDescriptor.pipe();
            pb.redirectInput(ProcessBuilder.Redirect.from(proc(fds[0][0])));
        }
        if (options.stdout().kind() == SubprocessOptions.Redirect.Kind.PIPE) {
            fds[1] = FileDescriptor.pipe();
            pb.redirectOutput(ProcessBuilder.Redirect.to(proc(fds[1][1])));
        }
        if (options.stderr().kind() == SubprocessOptions.Redirect.Kind.PIPE) {
            fds[2] = FileDescriptor.pipe();
            pb.redirectError(ProcessBuilder.Redirect.to(proc(fds[2][1])));
        }
    }

    private static File proc(FileDescriptor fd) {
        return new File("/proc/self/fd/" + fd.intValue());
    }

    /** After the start (or a failed one): the child has its own copies. */
    void closeChildEnds() {
        close(fds[0] == null ? null : fds[0][0]);
        close(fds[1] == null ? null : fds[1][1]);
        close(fds[2] == null ? null : fds[2][1]);
    }

    /** After a failed start: the parent's ends too. */
    void closeAll() {
        closeChildEnds();
        for (int fd = 0; fd < 3; fd++) {
            close(parentEnd(fd));
        }
    }

    /**
     * The parent's end of a pipe.
     *
     * @param fd 0, 1 or 2
     * @return the write end for stdin, the read end for stdout and stderr, or {@code null} where no pipe
     */
    FileDescriptor parentEnd(int fd) {
        return fds[fd] == null ? null : fds[fd][fd == 0 ? 1 : 0];
    }

    private static void close(FileDescriptor fd) {
        if (fd != null) {
            try {
                fd.close();
            } catch (IOException ignored) {
                // closing: nothing left to do
            }
        }
    }
}
