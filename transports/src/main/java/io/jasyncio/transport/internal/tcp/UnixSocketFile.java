/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.internal.BaseEventLoop;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The socket file of a Unix server, as asyncio 3.13's {@code cleanup_socket}: the server remembers the file it bound
 * (its device and inode) and, on close, removes the file only if it is still that one; a file another server has
 * put there since is left alone.
 *
 * <p>Netty's domain-socket server channels remove their path on close whatever is there. That removal is turned off
 * once the socket is bound for the epoll and io_uring channels: they forget their bind address (a private field,
 * cleared by reflection after {@code localAddress()} has cached it). NIO's channel is final and finds the address
 * anew on close, so on NIO Netty still removes the path, replaced or not, whatever {@code cleanupSocket} says. Should
 * a later Netty rename that field, its removal stays on in the same way.
 */
final class UnixSocketFile {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private final Path path;
    /** The bound file's identity (device and inode on Linux), or {@code null} if it could not be read. */
    private final Object key;

    private UnixSocketFile(Path path, Object key) {
        this.path = path;
        this.key = key;
    }

    /**
     * Removes a socket file left at {@code path} by an earlier server, as asyncio does before binding. Anything else
     * there is refused with asyncio's error, before Netty's bind (which unlinks whatever the path names) can remove it.
     *
     * @param path the path to bind
     * @throws java.net.BindException "Address '...' is already in use" when a file that is not a socket is there
     * @throws IOException if the file cannot be read or removed
     */
    static void removeStale(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!isSocket(path)) {
            throw new java.net.BindException("Address '" + path + "' is already in use");
        }
        Files.delete(path);
    }

    /**
     * Records the file a server channel has just bound, and keeps Netty from removing the path on close.
     *
     * @param channel the bound server channel
     * @param path its path
     * @return the record
     */
    static UnixSocketFile bound(Channel channel, Path path) {
        channel.localAddress(); // cached by the channel before the field it reads is cleared
        clearBindAddress(channel);
        Object key;
        try {
            key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            key = null;
        }
        return new UnixSocketFile(path, key);
    }

    /** Removes the socket file if it is still the one bound; a replaced or vanished file is left alone. */
    void cleanUp() {
        try {
            Object now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            if (key != null && key.equals(now)) {
                Files.delete(path);
            }
        } catch (NoSuchFileException gone) {
            // removed by someone else: nothing to do, as asyncio
        } catch (IOException e) {
            BaseEventLoop.LOGGER.error("Unable to clean up listening UNIX socket {}: {}", path, e.toString());
        }
    }

    private static boolean isSocket(Path path) throws IOException {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & S_IFMT) == S_IFSOCK;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        }
    }

    private static void clearBindAddress(Channel channel) {
        if (channel instanceof io.netty.channel.socket.nio.NioServerDomainSocketChannel) {
            return; // see the class comment
        }
        for (Class<?> c = channel.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field local = c.getDeclaredField("local");
                local.setAccessible(true);
                local.set(channel, null);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                BaseEventLoop.LOGGER.debug("cannot keep {} from removing its socket file", channel, e);
                return;
            }
        }
    }
}
