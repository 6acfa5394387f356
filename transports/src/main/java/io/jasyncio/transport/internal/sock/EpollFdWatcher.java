/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.sock;


import io.jasyncio.ExceptionContext;
import io.jasyncio.internal.BaseEventLoop;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches descriptor numbers with the epoll loop's own epoll set: each descriptor registers with the loop's Netty
 * {@link IoEventLoop} as an {@link EpollIoHandle}, level-triggered (no {@code EPOLLET}), its events following the
 * callbacks in place. A hang-up or an error wakes both callbacks, as asyncio's selectors do. The descriptor is never
 * closed here. Loop thread only.
 */
final class EpollFdWatcher {
    private static final int EPOLLIN = EpollIoOps.EPOLLIN.value();
    private static final int EPOLLOUT = EpollIoOps.EPOLLOUT.value();
    private static final int EPOLLHUP = 0x10;
    private static final int ERROR_OR_HANGUP = EpollIoOps.EPOLLERR.value() | EPOLLHUP;
    private final BaseEventLoop loop;
    private final IoEventLoop io;
    // Threading: loop thread only.
    private final Map<Integer, FdWatch> watched = new HashMap<>();

    EpollFdWatcher(BaseEventLoop loop, IoEventLoop io) {
        this.loop = loop;
        this.io = io;
    }

    void addReader(int fd, Runnable callback) {
        FdWatch w = watch(fd);
        w.reader = callback;
        w.update();
    }

    boolean removeReader(int fd) {
        FdWatch w = watched.get(fd);
        if (w == null || w.reader == null) {
            return false;
        }
        w.reader = null;
        w.update();
        return true;
    }

    void addWriter(int fd, Runnable callback) {
        FdWatch w = watch(fd);
        w.writer = callback;
        w.update();
    }

    boolean removeWriter(int fd) {
        FdWatch w = watched.get(fd);
        if (w == null || w.writer == null) {
            return false;
        }
        w.writer = null;
        w.update();
        return true;
    }

    private FdWatch watch(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("Invalid file descriptor: " + fd);
        }
        FdWatch w = watched.get(fd);
        if (w == null) {
            w = new FdWatch(fd);
            watched.put(fd, w);
            FdWatch registering = w;
            io.register(w).addListener(f -> registering.registered(
                    f.isSuccess() ? (IoRegistration) f.getNow() : null, f.cause()));
        }
        return w;
    }

    /** One watched descriptor and its registration, pending until Netty has made it. */
    private final class FdWatch implements EpollIoHandle {
        private final FileDescriptor fd;
        Runnable reader;
        Runnable writer;
        private IoRegistration registration;
        private final Runnable readTask = this::runReader;
        private final Runnable writeTask = this::runWriter;

        FdWatch(int fd) {
            this.fd = new FileDescriptor(fd);
        }

        void registered(IoRegistration reg, Throwable cause) {
            if (reg == null) {
                if (watched.get(fd.intValue()) == this) {
                    watched.remove(fd.intValue());
                }
                loop.callExceptionHandler(ExceptionContext.of("cannot watch file descriptor "
                        + fd.intValue(), cause));
                return;
            }
            registration = reg;
            update();
        }

        void update() {
            if (reader == null && writer == null) {
                if (watched.get(fd.intValue()) == this) {
                    watched.remove(fd.intValue());
                }
                if (registration != null) {
                    registration.cancel();
                    registration = null;
                }
                return;
            }
            if (registration != null && registration.isValid()) {
                int ops = (reader != null ? EPOLLIN : 0) | (writer != null ? EPOLLOUT : 0);
                registration.submit(EpollIoOps.valueOf(ops));
            }
        }

        @Override
        public FileDescriptor fd() {
            return fd;
        }

        @Override
        public void handle(IoRegistration reg, IoEvent event) {
            int ops = ((EpollIoEvent) event).ops().value();
            if ((ops & (EPOLLIN | ERROR_OR_HANGUP)) != 0 && reader != null) {
                loop.callSoon(readTask);
            }
            if ((ops & (EPOLLOUT | ERROR_OR_HANGUP)) != 0 && writer != null) {
                loop.callSoon(writeTask);
            }
        }

        private void runReader() {
            Runnable r = reader;
            if (r != null) {
                r.run();
            }
        }

        private void runWriter() {
            Runnable w = writer;
            if (w != null) {
                w.run();
            }
        }

        @Override
        public void close() {
            // The descriptor belongs to the caller.
        }
    }
}
