/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.sock;


import io.jasyncio.internal.BaseEventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Watches JDK channels for a loop that polls native descriptors (epoll, io_uring), which cannot watch a JDK channel
 * since the JDK does not give its descriptor number: one daemon thread per loop waits in a JDK {@link Selector} and
 * only tells the loop what is ready ({@code callSoonThreadsafe}); the callbacks, and the reads and writes they make,
 * run on the loop. The thread starts with the first watched channel and ends once none is left, or within a second of
 * the loop's closing (closing its selector drops the keys; the channels stay open).
 *
 * <p>Level-triggered without duplicates: ops that fired are disarmed on the selecting thread until the loop has run
 * their callbacks and says so (an {@code ack} change), then armed again if still wanted.
 *
 * <p>Threading: {@link #watched} and the callbacks are the loop's; {@link #changes}, {@link #selector} and
 * {@link #thread} are guarded by {@link #lock}; keys and {@link Watch#pending} belong to the selecting thread.
 */
final class SelectorThreadWatcher implements ChannelWatcher {
    /** How often a waiting selector looks whether its loop was closed, which ends the thread. */
    private static final long CLOSED_CHECK_MILLIS = 1000;
    private final BaseEventLoop loop;
    // Threading: loop thread only.
    private final Map<SelectableChannel, Watch> watched = new HashMap<>();
    private final Object lock = new Object();
    // Threading: guarded by lock.
    private final ArrayDeque<Change> changes = new ArrayDeque<>();
    private Selector selector;
    private Thread thread;

    /** A new interest for a channel: {@code ops} 0 to forget it; {@code ack} after its fired callbacks ran. */
    private record Change(Watch watch, int ops, boolean ack) {
    }

    SelectorThreadWatcher(BaseEventLoop loop) {
        this.loop = loop;
    }

    @Override
    public void addReader(SelectableChannel channel, Runnable callback) {
        Watch.checkNonBlocking(channel);
        Watch w = watched.computeIfAbsent(channel, c -> new Watch(loop, c));
        w.reader = callback;
        post(w, false);
    }

    @Override
    public boolean removeReader(SelectableChannel channel, Runnable onlyIf) {
        Watch w = watched.get(channel);
        if (w == null || w.reader == null || (onlyIf != null && w.reader != onlyIf)) {
            return false;
        }
        w.reader = null;
        post(w, false);
        return true;
    }

    @Override
    public void addWriter(SelectableChannel channel, Runnable callback) {
        Watch.checkNonBlocking(channel);
        Watch w = watched.computeIfAbsent(channel, c -> new Watch(loop, c));
        w.writer = callback;
        post(w, false);
    }

    @Override
    public boolean removeWriter(SelectableChannel channel, Runnable onlyIf) {
        Watch w = watched.get(channel);
        if (w == null || w.writer == null || (onlyIf != null && w.writer != onlyIf)) {
            return false;
        }
        w.writer = null;
        post(w, false);
        return true;
    }

    /** Sends the watch's interest to the selecting thread, starting it if needed. Loop thread. */
    private void post(Watch w, boolean ack) {
        int ops = w.interestOps();
        if (ops == 0 && watched.get(w.channel) == w) {
            watched.remove(w.channel);
        }
        synchronized (lock) {
            changes.add(new Change(w, ops, ack));
            if (thread == null) {
                try {
                    selector = Selector.open();
                } catch (IOException e) {
                    changes.clear();
                    throw new UncheckedIOException("cannot open a selector to watch " + w.channel, e);
                }
                thread = new Thread(this::run, "asyncio-selector-"
                        + Integer.toHexString(System.identityHashCode(loop)));
                thread.setDaemon(true);
                thread.start();
            } else {
                selector.wakeup();
            }
        }
    }

    /** What the loop runs when ops fired: the callbacks in place, then the acknowledgement. Loop thread. */
    private void fired(Watch w, int readyOps) {
        try {
            if ((readyOps & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && w.reader != null) {
                w.readTask.run();
            }
        } finally {
            try {
                if ((readyOps & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && w.writer != null) {
                    w.writeTask.run();
                }
            } finally {
                if (watched.get(w.channel) == w) {
                    post(w, true);
                }
            }
        }
    }

    /** The selecting thread: applies changes, selects, reports; ends when nothing is watched. */
    private void run() {
        Selector sel;
        synchronized (lock) {
            sel = selector;
        }
        ArrayDeque<Change> batch = new ArrayDeque<>();
        try {
            for (;;) {
                synchronized (lock) {
                    batch.addAll(changes);
                    changes.clear();
                    if (loop.isClosed() || (batch.isEmpty() && sel.keys().isEmpty())) { // closing drops every key
                        thread = null;
                        selector = null;
                        sel.close();
                        return;
                    }
                }
                for (Change c; (c = batch.poll()) != null;) {
                    apply(sel, c);
                }
                sel.selectNow(); // also drops cancelled keys, so an empty key set means nothing is watched
                if (sel.selectedKeys().isEmpty()) {
                    if (sel.keys().isEmpty()) {
                        continue;
                    }
                    sel.select(CLOSED_CHECK_MILLIS);
                }
                Iterator<SelectionKey> it = sel.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    Watch w = (Watch) key.attachment();
                    int ready;
                    try {
                        ready = key.readyOps();
                        key.interestOps(key.interestOps() & ~ready);
                    } catch (CancelledKeyException e) {
                        continue;
                    }
                    w.pending |= ready;
                    try {
                        loop.callSoonThreadsafe(() -> fired(w, ready));
                    } catch (IllegalStateException closed) {
                        break; // the loop is closed: the next round ends the thread
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            BaseEventLoop.LOGGER.error("the selector thread of {} failed", loop, e);
            synchronized (lock) {
                thread = null;
                selector = null;
            }
        }
    }

    private static void apply(Selector sel, Change c) throws IOException {
        Watch w = c.watch;
        SelectionKey key = w.channel.keyFor(sel);
        if (c.ack) {
            w.pending = 0;
        }
        if (c.ops == 0) {
            if (key != null) {
                key.cancel();
            }
            return;
        }
        int ops = c.ops & ~w.pending;
        try {
            if (key != null && !key.isValid()) {
                sel.selectNow(); // a key cancelled a moment ago: gone after a select, then the channel registers anew
                key = null;
            }
            if (key == null) {
                w.channel.register(sel, ops, w);
            } else {
                key.interestOps(ops);
            }
        } catch (ClosedChannelException | CancelledKeyException e) {
            // The channel was closed: the operation that watched it fails on its own when it next runs.
        }
    }
}
