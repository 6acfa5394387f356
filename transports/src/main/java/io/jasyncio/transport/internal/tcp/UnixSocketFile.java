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
 * <p>Netty's domain-socket server channels remove their path on close whatever is there. That removal is turned off:
 * the epoll and io_uring channels forget their bind address once bound (a private field, cleared by reflection after
 * {@code localAddress()} has cached it); NIO's channel, which asks {@code localAddress()} on close, is given an
 * address that names no file just before the server closes it ({@link #beforeClose}). Should a later Netty rename
 * those fields, its removal stays on. A NIO server channel closed by something else than the server's close (the
 * loop closing under it) still has its path removed by Netty.
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

    /**
     * Keeps NIO's channel from removing the path when the server closes it: its cached local address becomes one
     * that names no file. Nothing to do for the other channels, which forgot theirs when bound.
     *
     * @param channel the server channel about to be closed
     */
    void beforeClose(Channel channel) {
        if (channel instanceof io.netty.channel.socket.nio.NioServerDomainSocketChannel) {
            setField(channel, io.netty.channel.AbstractChannel.class, "localAddress", java.net.UnixDomainSocketAddress
                    .of(path.resolveSibling(path.getFileName() + ".closed-" + System.nanoTime())));
        }
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
            return; // see beforeClose
        }
        setField(channel, channel.getClass(), "local", null);
    }

    /** Sets a private field of Netty's, declared by {@code from} or a superclass; logs and gives up if it is gone. */
    private static void setField(Channel channel, Class<?> from, String name, Object value) {
        for (Class<?> c = from; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                field.set(channel, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                break;
            }
        }
        BaseEventLoop.LOGGER.debug("cannot keep {} from removing its socket file", channel);
    }
}
