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
 * <p>Threading: {@link #add} and {@link #bytes} from any thread; the rest on the loop's thread.
 */
final class OffLoopWrites {
    private final Queue<ByteBuf> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * Queues a write.
     *
     * @param buf the bytes
     * @return whether the caller must schedule the task that writes the queue (none is scheduled yet)
     */
    boolean add(ByteBuf buf) {
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
