/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
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
 * transport makes its own queue at its first such write.
 *
 * <p>Threading: {@link #add} and {@link #bytes} from any thread; the rest on the loop's thread.
 */
final class OffLoopWrites {
    /** The queue of every transport not written to off its loop's thread yet: always empty, never added to. */
    static final OffLoopWrites NONE = new OffLoopWrites(null);

    private final Queue<ByteBuf> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable flushTask;

    /**
     * A transport's own queue.
     *
     * @param flushTask the task that writes the queue at the loop's next run, made once
     */
    OffLoopWrites(Runnable flushTask) {
        this.flushTask = flushTask;
    }

    /**
     * The task to schedule when {@link #add} says so.
     *
     * @return the task
     */
    Runnable flushTask() {
        return flushTask;
    }

    /**
     * Queues a write.
     *
     * @param buf the bytes
     * @return whether the caller must schedule the task that writes the queue (none is scheduled yet)
     */
    boolean add(ByteBuf buf) {
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
    void unschedule() {
        scheduled.set(false);
    }

    /**
     * Writes what waits to the channel, without flushing.
     *
     * @param channel the transport's channel
     * @return whether anything was written
     */
    boolean writeTo(Channel channel) {
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
