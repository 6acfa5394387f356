/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.internal.BaseEventLoop;
import io.netty.channel.Channel;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The socket file of a Unix server, as asyncio 3.13's {@code cleanup_socket}: the server remembers the file it bound
 * (its device and inode) and, on close, removes the file only if it is still that one; a file another server has
 * put there since is left alone, and with {@code cleanup_socket=False} the file stays.
 *
 * <p>Netty (4.2.18.Final) removes the path of a domain-socket server channel on close, whatever file is there by then,
 * and has no option to keep it. Its channels are final classes; what each removes is:
 * <ul>
 * <li>{@code EpollServerDomainSocketChannel}, {@code KQueueServerDomainSocketChannel} ({@code doClose}) and
 *     {@code IoUringServerDomainSocketChannel} (a close-future listener of its own): the file named by
 *     {@code path()} of the {@link DomainSocketAddress} the channel was bound to. That is the hook used here: the
 *     channel is bound to a {@link BoundPath}, a {@code DomainSocketAddress} whose {@code path()} names the file for the
 *     bind and then, once the server owns the file, an empty path, which names no file, so Netty's removal removes
 *     nothing.</li>
 * <li>{@code NioServerDomainSocketChannel} ({@code doClose}): the file named by the address its JDK channel reports,
 *     which nothing outside Netty can change. There is no hook: the file that must stay (another server's, or ours with
 *     {@code cleanup_socket=False}) is given a second name just before the server closes the channel, and put back
 *     under its path once Netty has removed it ({@link #beforeClose}). Between the two, for the time of one close,
 *     the path names no file. A NIO server channel closed by something else than the server's close (the loop
 *     closing under it) has its path removed by Netty.</li>
 * </ul>
 * Neither reads Netty's private state, so both work on the module path. Should a later Netty remove the file some
 * other way, {@code UnixSocketFileNettyTest} fails, naming the Netty version.
 */
final class UnixSocketFile {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    /** A file system without hard links keeps NIO's removal on: said once. */
    private static final AtomicBoolean NO_LINKS_REPORTED = new AtomicBoolean();

    private final Path path;
    /** What the server reports as its socket: the path as the backend's address type. */
    private final SocketAddress address;
    private final boolean cleanupSocket;
    /** The bound file's identity (device and inode on Linux), or {@code null} if it could not be read. */
    private final Object key;

    private UnixSocketFile(Path path, SocketAddress address, boolean cleanupSocket, Object key) {
        this.path = path;
        this.address = address;
        this.cleanupSocket = cleanupSocket;
        this.key = key;
    }

    /**
     * A {@link DomainSocketAddress} whose {@code path()} names the socket file until {@link #release()}, and then
     * names no file: Netty's native channels remove the file named by {@code path()} of their bound address when they
     * close. {@code toString}, {@code equals} and {@code hashCode} keep the path throughout.
     */
    static final class BoundPath extends DomainSocketAddress {
        private static final long serialVersionUID = 1L;
        private volatile boolean released;

        /**
         * The address of {@code path}.
         *
         * @param path the socket file's path
         */
        BoundPath(String path) {
            super(path);
        }

        /** From now on {@code path()} names no file. */
        void release() {
            released = true;
        }

        @Override
        public String path() {
            return released ? "" : super.path();
        }
    }

    /**
     * The address to bind a Unix server channel to.
     *
     * @param address the path as the backend's address type
     * @return a {@link BoundPath} for the native backends, the address itself for NIO
     */
    static SocketAddress bindAddress(SocketAddress address) {
        return address instanceof DomainSocketAddress d ? new BoundPath(d.path()) : address;
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
     * Records the file a server channel has just bound, and keeps a native channel from removing the path on close.
     *
     * @param channel the bound server channel
     * @param path its path
     * @param cleanupSocket whether the server's close removes the file (if it is still the one bound)
     * @return the record
     */
    static UnixSocketFile bound(Channel channel, Path path, boolean cleanupSocket) {
        SocketAddress address = channel.localAddress();
        if (address instanceof BoundPath bound) {
            address = new DomainSocketAddress(bound.path());
            bound.release();
        }
        Object key;
        try {
            key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            key = null;
        }
        return new UnixSocketFile(path, address, cleanupSocket, key);
    }

    /**
     * The server's socket, as reported by {@code Server.sockets()}.
     *
     * @return the path as the backend's address type
     */
    SocketAddress address() {
        return address;
    }

    /**
     * Keeps NIO's channel from removing a file that must stay when the server closes it: the file at the path, if it
     * is another server's or if the server keeps its own, gets a second name now and its path back once the channel
     * has closed. Nothing to do for the native channels, whose removal names no file since the bind.
     *
     * @param channel the server channel about to be closed
     */
    void beforeClose(Channel channel) {
        if (!(channel instanceof io.netty.channel.socket.nio.NioServerDomainSocketChannel) || !channel.isOpen()) {
            return;
        }
        Object now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException gone) {
            return; // nothing there to keep
        }
        if (cleanupSocket && key != null && key.equals(now)) {
            return; // our file, to be removed: Netty's removal is the one asked for
        }
        Path kept = path.resolveSibling("." + path.getFileName() + ".kept-" + Long.toHexString(System.nanoTime()));
        try {
            Files.createLink(kept, path);
        } catch (IOException | UnsupportedOperationException e) {
            if (NO_LINKS_REPORTED.compareAndSet(false, true)) {
                BaseEventLoop.LOGGER.warn("Unix socket {} is removed when its server closes, whatever file is "
                        + "there by then: Netty's NIO server channel removes it, and the file system does not take a "
                        + "second name for it ({})", path, e.toString());
            }
            return;
        }
        channel.closeFuture().addListener(f -> putBack(kept));
    }

    /** Gives the file its path back, unless another file took the path meanwhile; drops the second name. */
    private void putBack(Path kept) {
        try {
            Files.createLink(path, kept);
        } catch (FileAlreadyExistsException taken) {
            // a newer file holds the path now: it stays
        } catch (IOException e) {
            BaseEventLoop.LOGGER.error("Unable to restore UNIX socket {}: {}", path, e.toString());
        }
        try {
            Files.deleteIfExists(kept);
        } catch (IOException e) {
            BaseEventLoop.LOGGER.error("Unable to remove {}: {}", kept, e.toString());
        }
    }

    /** The server has closed: removes the socket file if asked to and if it is still the one bound. */
    void closed() {
        if (!cleanupSocket) {
            return;
        }
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
}
