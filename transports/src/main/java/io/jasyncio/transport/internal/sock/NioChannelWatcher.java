/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.sock;


import io.jasyncio.internal.BaseEventLoop;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.nio.NioIoEvent;
import io.netty.channel.nio.NioIoHandle;
import io.netty.channel.nio.NioIoOps;
import java.nio.channels.SelectableChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches JDK channels with the NIO loop's own selector: each channel registers with the loop's Netty
 * {@link IoEventLoop} as a {@link NioIoHandle}, the same way Netty's NIO channels do, and its interest ops follow the
 * callbacks in place. No other thread is involved. Loop thread only.
 */
final class NioChannelWatcher implements ChannelWatcher {
    private final BaseEventLoop loop;
    private final IoEventLoop io;
    // Threading: loop thread only.
    private final Map<SelectableChannel, Registered> watched = new HashMap<>();

    NioChannelWatcher(BaseEventLoop loop, IoEventLoop io) {
        this.loop = loop;
        this.io = io;
    }

    @Override
    public void addReader(SelectableChannel channel, Runnable callback) {
        Watch.checkNonBlocking(channel);
        Registered r = watch(channel);
        r.watch.reader = callback;
        r.update();
    }

    @Override
    public boolean removeReader(SelectableChannel channel, Runnable onlyIf) {
        Registered r = watched.get(channel);
        if (r == null || r.watch.reader == null || (onlyIf != null && r.watch.reader != onlyIf)) {
            return false;
        }
        r.watch.reader = null;
        r.update();
        return true;
    }

    @Override
    public void addWriter(SelectableChannel channel, Runnable callback) {
        Watch.checkNonBlocking(channel);
        Registered r = watch(channel);
        r.watch.writer = callback;
        r.update();
    }

    @Override
    public boolean removeWriter(SelectableChannel channel, Runnable onlyIf) {
        Registered r = watched.get(channel);
        if (r == null || r.watch.writer == null || (onlyIf != null && r.watch.writer != onlyIf)) {
            return false;
        }
        r.watch.writer = null;
        r.update();
        return true;
    }

    private Registered watch(SelectableChannel channel) {
        return watched.computeIfAbsent(channel, c -> new Registered(new Watch(loop, c)));
    }

    /** A channel's registration with the selector: pending until Netty has made it. */
    private final class Registered implements NioIoHandle {
        final Watch watch;
        private IoRegistration registration;
        private boolean registering;
        private boolean failed;

        Registered(Watch watch) {
            this.watch = watch;
        }

        void registered(IoRegistration registration, Throwable cause) {
            registering = false;
            if (registration == null) {
                failed = true; // a closed channel: the operations on it fail by themselves
                BaseEventLoop.LOGGER.debug("cannot watch {}", watch.channel, cause);
                if (watched.get(watch.channel) == this) {
                    watched.remove(watch.channel);
                }
                return;
            }
            this.registration = registration;
            update();
        }

        /** Makes the interest ops follow the callbacks; forgets the channel once it has none. */
        void update() {
            if (watch.idle()) {
                if (registering) {
                    return; // stays in the map, reused if watched again, until registered() cancels it
                }
                if (watched.get(watch.channel) == this) {
                    watched.remove(watch.channel);
                }
                if (registration != null) {
                    registration.cancel();
                    registration = null;
                }
                return;
            }
            if (registration == null) {
                if (!registering && !failed) { // registered once there is a callback: Netty may complete it inline
                    registering = true;
                    io.register(this).addListener(f -> registered(
                            f.isSuccess() ? (IoRegistration) f.getNow() : null, f.cause()));
                }
            } else if (registration.isValid()) {
                registration.submit(NioIoOps.valueOf(watch.interestOps()));
            }
        }

        @Override
        public SelectableChannel selectableChannel() {
            return watch.channel;
        }

        @Override
        public void handle(IoRegistration reg, IoEvent event) {
            watch.schedule(((NioIoEvent) event).ops().value());
        }

        @Override
        public void close() {
            // The channel belongs to the caller: closing the registration does not close it.
        }

        @Override
        public String toString() {
            return "watch(" + watch.channel + (failed ? ", failed)" : ")");
        }
    }
}
