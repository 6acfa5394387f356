/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writes made to a {@link TcpTransport} off its loop's thread, in practice between two runs of the loop (the
 * test-suite and {@code run_until_complete} style): Netty would queue each as a task and count 32 more bytes; they wait
 * here instead, counted exactly, and one task writes them all at the loop's next run, before anything written then.
 *
 * <p>Most connections are never written to off the loop's thread: they share {@link #NONE}, empty for good, and a
 * transport makes its own queue at its first such write ({@link #write}). The queue is its own task: run on the loop's
 * thread, it writes what waits.
 *
 * <p>Threading: {@link #write}, {@link #add} and {@link #bytes} from any thread; the rest on the loop's thread.
 */
final class OffLoopWrites implements Runnable {
    /** The queue of every transport not written to off its loop's thread yet: always empty, never added to. */
    static final OffLoopWrites NONE = new OffLoopWrites(null);

    /** {@code TcpTransport.outside}: published with a compare-and-set, as any thread may make the queue. */
    private static final VarHandle OUTSIDE;

    static {
        try {
            OUTSIDE = MethodHandles.lookup().findVarHandle(TcpTransport.class, "outside", OffLoopWrites.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Queue<ByteBuf> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final TcpTransport transport;

    /**
     * A transport's own queue.
     *
     * @param transport the transport whose writes wait here
     */
    private OffLoopWrites(TcpTransport transport) {
        this.transport = transport;
    }

    /**
     * A write made off the loop's thread: it waits in the transport's queue, made by its first such write, for the
     * loop's next run, when the queue's task (scheduled by the first write since the last run) writes it. The caller
     * then checks the water marks.
     *
     * @param t the transport
     * @param buf the bytes, a copy the queue now owns
     */
    static void write(TcpTransport t, ByteBuf buf) {
        OffLoopWrites q = of(t);
        if (q.add(buf)) {
            t.channel().eventLoop().execute(q);
        }
    }

    /**
     * The transport's own queue, made by the first write off the loop's thread: any thread may be first, so it is
     * published with a compare-and-set.
     */
    private static OffLoopWrites of(TcpTransport t) {
        OffLoopWrites q = t.outside;
        if (q == NONE) {
            OffLoopWrites made = new OffLoopWrites(t);
            q = (OffLoopWrites) OUTSIDE.compareAndExchange(t, NONE, made);
            if (q == NONE) {
                q = made;
            }
        }
        return q;
    }

    /**
     * On the loop thread, writes made while it was stopped go before what is written now; elsewhere, Netty keeps the
     * order (the queue's task was scheduled before the caller's).
     *
     * @param t the transport, which has a channel
     */
    static void flushFirst(TcpTransport t) {
        OffLoopWrites q = t.outside;
        if (q.bytes() != 0 && t.channel().eventLoop().inEventLoop()) {
            q.run();
        }
    }

    /**
     * The queue's task, at the loop's next run (or first thing in a write on the loop's thread): writes what waits
     * and flushes it, or drops it when the transport was aborted meanwhile.
     */
    @Override
    public void run() {
        unschedule();
        if (transport.state.forceClosed()) {
            drop();
            return;
        }
        transport.loop().counters().written(bytes());
        Channel channel = transport.channel();
        if (writeTo(channel)) {
            transport.flushingAll();
            channel.flush();
        }
    }

    /**
     * Queues a write.
     *
     * @param buf the bytes
     * @return whether the caller must schedule the task that writes the queue (none is scheduled yet)
     */
    private boolean add(ByteBuf buf) {
        if (this == NONE) {
            throw new IllegalStateException("the shared empty queue takes no write");
        }
        queue.add(buf);
        bytes.addAndGet(buf.readableBytes());
        return scheduled.compareAndSet(false, true);
    }

    /**
     * The bytes waiting.
     *
     * @return the count
     */
    long bytes() {
        return bytes.get();
    }

    /** The task that writes the queue runs now: a later write schedules another. */
    private void unschedule() {
        scheduled.set(false);
    }

    /**
     * Writes what waits to the channel, without flushing.
     *
     * @param channel the transport's channel
     * @return whether anything was written
     */
    private boolean writeTo(Channel channel) {
        ByteBuf buf;
        boolean wrote = false;
        while ((buf = queue.poll()) != null) {
            bytes.addAndGet(-buf.readableBytes());
            channel.write(buf, channel.voidPromise());
            wrote = true;
        }
        return wrote;
    }

    /** Drops what waits (abort). */
    void drop() {
        ByteBuf buf;
        while ((buf = queue.poll()) != null) {
            bytes.addAndGet(-buf.readableBytes());
            buf.release();
        }
    }
}
