/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal;

import io.jasyncio.transport.TransportKind;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.kqueue.KQueue;
import io.netty.channel.kqueue.KQueueDatagramChannel;
import io.netty.channel.kqueue.KQueueDomainSocketChannel;
import io.netty.channel.kqueue.KQueueIoHandler;
import io.netty.channel.kqueue.KQueueServerDomainSocketChannel;
import io.netty.channel.kqueue.KQueueServerSocketChannel;
import io.netty.channel.kqueue.KQueueSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringDomainSocketChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;
import io.netty.channel.uring.IoUringServerDomainSocketChannel;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.UnixChannelOption;
import io.jasyncio.transport.internal.tcp.SendingNioServerSocketChannel;
import io.jasyncio.transport.internal.tcp.SendingNioSocketChannel;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;

/**
 * What Netty needs to run one {@link TransportKind}: its I/O handler factory, its channel classes, its socket-option
 * forms. Internal, so that the public {@code TransportKind} names backends without exposing Netty's types; loops and
 * transports reach it with {@link #of(TransportKind)}.
 */
public enum Backend {
    /** Linux epoll through Netty's native transport. */
    EPOLL {
        @Override
        public boolean isAvailable() {
            return Epoll.isAvailable();
        }

        @Override
        public Throwable unavailabilityCause() {
            return Epoll.unavailabilityCause();
        }

        @Override
        public IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        public Class<? extends ServerChannel> serverChannelClass() {
            return EpollServerSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> socketChannelClass() {
            return EpollSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> datagramChannelClass() {
            return EpollDatagramChannel.class;
        }

        @Override
        public Class<? extends ServerChannel> unixServerChannelClass() {
            return EpollServerDomainSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> unixSocketChannelClass() {
            return EpollDomainSocketChannel.class;
        }

        @Override
        public SocketAddress unixAddress(String path) {
            return new DomainSocketAddress(path);
        }
    },
    /** Linux io_uring through Netty's native transport; chosen only on request. */
    IO_URING {
        @Override
        public boolean isAvailable() {
            return IoUring.isAvailable();
        }

        @Override
        public Throwable unavailabilityCause() {
            return IoUring.unavailabilityCause();
        }

        @Override
        public IoHandlerFactory ioHandlerFactory() {
            // Not single-issuer: a loop runs on whichever thread calls runForever(), so the ring must accept
            // submissions from the thread that drives it now, not only from the one that created it.
            IoUringIoHandlerConfig config = new IoUringIoHandlerConfig().setSingleIssuer(false);
            return IoUringIoHandler.newFactory(sized(config));
        }

        /**
         * Rings for a thousand busy connections per loop. Netty's defaults (a 128-entry submission queue, 4,096
         * completions) overflow the completion queue under 1,000 echo connections: each completion of a batch queues
         * a new receive and send, a full submission queue is submitted in the middle of the batch, and sockets
         * already readable complete at once, while the batch still holds its place in the completion queue. A
         * 4,096-entry submission queue is submitted at the batch's end instead; the completion queue gets four times
         * that. About 0.5 MiB per loop. Netty's own properties ({@code io.netty.iouring.ringSize},
         * {@code io.netty.iouring.cqSize}) still raise them.
         */
        private static IoUringIoHandlerConfig sized(IoUringIoHandlerConfig config) {
            config.setRingSize(Math.max(config.getRingSize(), IO_URING_RING_SIZE));
            if (config.getCqSize() > 0) { // else the kernel cannot size it apart: twice the ring
                config.setCqSize(Math.max(config.getCqSize(), 4 * config.getRingSize()));
            }
            return config;
        }

        @Override
        public Class<? extends ServerChannel> serverChannelClass() {
            return IoUringServerSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> socketChannelClass() {
            return IoUringSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> datagramChannelClass() {
            return IoUringDatagramChannel.class;
        }

        @Override
        public Class<? extends ServerChannel> unixServerChannelClass() {
            return IoUringServerDomainSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> unixSocketChannelClass() {
            return IoUringDomainSocketChannel.class;
        }

        @Override
        public SocketAddress unixAddress(String path) {
            return new DomainSocketAddress(path);
        }
    },
    /** BSD kqueue through Netty's native transport: the default on macOS. */
    KQUEUE {
        @Override
        public boolean isAvailable() {
            return KQueue.isAvailable();
        }

        @Override
        public Throwable unavailabilityCause() {
            return KQueue.unavailabilityCause();
        }

        @Override
        public IoHandlerFactory ioHandlerFactory() {
            return KQueueIoHandler.newFactory();
        }

        @Override
        public Class<? extends ServerChannel> serverChannelClass() {
            return KQueueServerSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> socketChannelClass() {
            return KQueueSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> datagramChannelClass() {
            return KQueueDatagramChannel.class;
        }

        @Override
        public Class<? extends ServerChannel> unixServerChannelClass() {
            return KQueueServerDomainSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> unixSocketChannelClass() {
            return KQueueDomainSocketChannel.class;
        }

        @Override
        public SocketAddress unixAddress(String path) {
            return new DomainSocketAddress(path);
        }
    },
    /** Java NIO selectors: everywhere. */
    NIO {
        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public Throwable unavailabilityCause() {
            return null;
        }

        @Override
        public IoHandlerFactory ioHandlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        public Class<? extends ServerChannel> serverChannelClass() {
            return SendingNioServerSocketChannel.class; // Netty's, with connections ImmediateSend can write to
        }

        @Override
        public Class<? extends Channel> socketChannelClass() {
            return SendingNioSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> datagramChannelClass() {
            return NioDatagramChannel.class;
        }

        @Override
        public Class<? extends ServerChannel> unixServerChannelClass() {
            return NioServerDomainSocketChannel.class;
        }

        @Override
        public Class<? extends Channel> unixSocketChannelClass() {
            return NioDomainSocketChannel.class;
        }

        @Override
        public SocketAddress unixAddress(String path) {
            return UnixDomainSocketAddress.of(path);
        }
    };

    /** The io_uring submission queue's entries per loop, at least; the completion queue has four times as many. */
    static final int IO_URING_RING_SIZE = 4096;

    /** Netty's switch for io_uring's multishot accept, read once when its io_uring transport loads. */
    static final String ACCEPT_MULTISHOT = "io.netty.iouring.acceptMultiShotEnabled";

    static {
        // A multishot accept that ends in an error (EMFILE) is armed again by Netty whether or not the socket reads
        // (autoRead off), so a listening socket out of descriptors fails its accept in a busy loop: one accept at a
        // time pauses as on epoll and NIO. Set before any io_uring class loads; a value set by the user stands.
        if (System.getProperty(ACCEPT_MULTISHOT) == null) {
            System.setProperty(ACCEPT_MULTISHOT, "false");
        }
    }

    /**
     * Whether the backend can run here.
     *
     * @return {@code true} if available
     */
    public abstract boolean isAvailable();

    /**
     * Why the backend cannot run here.
     *
     * @return the original error, or {@code null} when available
     */
    public abstract Throwable unavailabilityCause();

    /**
     * The Netty I/O handler factory of this backend.
     *
     * @return a factory
     */
    public abstract IoHandlerFactory ioHandlerFactory();

    /**
     * The TCP server channel class of this backend.
     *
     * @return the class
     */
    public abstract Class<? extends ServerChannel> serverChannelClass();

    /**
     * The TCP socket channel class of this backend.
     *
     * @return the class
     */
    public abstract Class<? extends Channel> socketChannelClass();

    /**
     * The UDP channel class of this backend.
     *
     * @return the class
     */
    public abstract Class<? extends Channel> datagramChannelClass();

    /**
     * The Unix domain server channel class of this backend.
     *
     * @return the class
     * @throws UnsupportedOperationException where the backend has none
     */
    public Class<? extends ServerChannel> unixServerChannelClass() {
        throw new UnsupportedOperationException("no Unix sockets on " + this);
    }

    /**
     * The Unix domain socket channel class of this backend.
     *
     * @return the class
     * @throws UnsupportedOperationException where the backend has none
     */
    public Class<? extends Channel> unixSocketChannelClass() {
        throw new UnsupportedOperationException("no Unix sockets on " + this);
    }

    /**
     * The address of a Unix socket path, in the form this backend's channels take.
     *
     * @param path the path
     * @return the address
     */
    public SocketAddress unixAddress(String path) {
        throw new UnsupportedOperationException("no Unix sockets on " + this);
    }

    /**
     * The SO_REUSEPORT option of this backend's server channels.
     *
     * @return the option
     */
    public ChannelOption<Boolean> reusePortOption() {
        return switch (this) {
            case EPOLL -> EpollChannelOption.SO_REUSEPORT;
            case IO_URING -> IoUringChannelOption.SO_REUSEPORT;
            case KQUEUE -> UnixChannelOption.SO_REUSEPORT;
            case NIO -> NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT);
        };
    }

    /**
     * Whether the kernel spreads the connections of a port over every socket bound to it with SO_REUSEPORT, so that
     * each loop of a group can accept on a socket of its own: Linux (3.9 and later) does, for epoll, io_uring and NIO
     * sockets alike; macOS and the BSDs give the connections to one socket (FreeBSD balances only with
     * SO_REUSEPORT_LB, which Netty does not set), Windows has no SO_REUSEPORT.
     *
     * @return {@code true} where a socket per loop balances the load
     */
    public boolean balancesReusePort() {
        return this != KQUEUE && System.getProperty("os.name", "").startsWith("Linux");
    }

    /**
     * The Netty side of a transport kind.
     *
     * @param kind the kind
     * @return its backend
     */
    public static Backend of(TransportKind kind) {
        return valueOf(kind.name());
    }
}
