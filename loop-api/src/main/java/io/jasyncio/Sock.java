/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.channels.NetworkChannel;

/**
 * A socket made elsewhere and handed to the loop, as asyncio's {@code sock} argument: either a JDK channel (a bound
 * {@link java.nio.channels.ServerSocketChannel} or a connected {@link java.nio.channels.SocketChannel}, TCP or Unix
 * domain) or a file descriptor number, such as one inherited from systemd's socket activation ({@code LISTEN_FDS},
 * starting at 3). The loop owns the socket from then on: closing the transport or server closes it.
 *
 * <p>Which backend adopts which: a JDK channel needs the NIO transport (Netty's NIO channels wrap it); a descriptor
 * number needs epoll (Netty's epoll channels wrap it). The JDK does not expose a channel's descriptor number and NIO
 * cannot wrap a bare number, so the other combinations (and io_uring, whose channels take no descriptor) are refused
 * with an {@link IllegalArgumentException} that says so.
 *
 * @param channel the JDK channel, or {@code null} for a descriptor
 * @param fd the descriptor number, or -1 for a channel
 * @asyncio the sock= argument: socket.socket, or socket.socket(fileno=fd)
 */
public record Sock(NetworkChannel channel, int fd) {
    /**
     * Checks that exactly one of the two is given.
     *
     * @throws IllegalArgumentException for both or neither, or a negative descriptor
     */
    public Sock {
        if ((channel == null) == (fd < 0)) {
            throw new IllegalArgumentException("a sock is a channel or a file descriptor: " + channel + ", " + fd);
        }
    }

    /**
     * A JDK channel.
     *
     * @param channel the channel
     * @return the sock
     */
    public static Sock of(NetworkChannel channel) {
        return new Sock(java.util.Objects.requireNonNull(channel, "channel"), -1);
    }

    /**
     * A file descriptor number.
     *
     * @param fd the descriptor, 0 or more
     * @return the sock
     */
    public static Sock ofFd(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("negative file descriptor: " + fd);
        }
        return new Sock(null, fd);
    }

    /**
     * The sockets that systemd passed to this process (socket activation): descriptors 3 to {@code 3 + LISTEN_FDS - 1}
     * when {@code LISTEN_PID} names this process, as {@code sd_listen_fds(3)} reads them; none otherwise. The
     * environment is left as it is.
     *
     * @return the sockets, in order, or an empty list
     */
    public static java.util.List<Sock> listenFds() {
        String pid = System.getenv("LISTEN_PID");
        String fds = System.getenv("LISTEN_FDS");
        if (pid == null || fds == null) {
            return java.util.List.of();
        }
        int n;
        try {
            if (Long.parseLong(pid.trim()) != ProcessHandle.current().pid()) {
                return java.util.List.of();
            }
            n = Integer.parseInt(fds.trim());
        } catch (NumberFormatException e) {
            return java.util.List.of();
        }
        java.util.List<Sock> socks = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            socks.add(ofFd(LISTEN_FDS_START + i));
        }
        return java.util.List.copyOf(socks);
    }

    /** The first descriptor that systemd passes: {@code SD_LISTEN_FDS_START}. */
    public static final int LISTEN_FDS_START = 3;

    @Override
    public String toString() {
        return channel != null ? channel.toString() : "<socket fd=" + fd + ">";
    }
}
