/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.MaxMessagesRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;

/**
 * The read allocator every {@link TcpTransport} shares, in place of the one Netty makes per channel: it reads as
 * Netty's default for a stream channel does (at most 16 reads per loop; a buffer size guessed from the last reads,
 * 2 KiB at first, between 64 bytes and 64 KiB: four steps up after a read that filled its buffer, one step down
 * after two reads in a row that would have fit a step lower), with a smaller handle. Netty's handle is three objects
 * (112 bytes with compressed references); this one is one object of 32 bytes, which every idle connection keeps.
 *
 * <p>Threading: a handle is its channel's, used on its event loop's thread only; the allocator is stateless.
 */
final class SharedReads implements RecvByteBufAllocator {
    private static final int STREAM_READS_PER_LOOP = 16;
    /** Sizes 16 to 496 by steps of 16 (indexes 0 to 30), then 512 doubled at each step (from index 31). */
    private static final int SMALL_STEPS = 31;
    private static final int MIN_INDEX = indexOf(64);
    private static final int INITIAL_INDEX = indexOf(2048);
    private static final int MAX_INDEX = indexOf(64 * 1024);
    private static final SharedReads SHARED = new SharedReads();

    private SharedReads() {
    }

    /**
     * Gives the channel the shared read allocator in place of its own, when its own is Netty's default as made, and
     * before its first read makes the handle that would keep it (epoll, NIO: the first read comes after
     * channelActive; where the handle exists already, this changes nothing).
     *
     * @param channel the channel, just active
     */
    static void install(Channel channel) {
        ChannelConfig config = channel.config();
        RecvByteBufAllocator own = config.getRecvByteBufAllocator();
        if (own.getClass() == AdaptiveRecvByteBufAllocator.class
                && ((MaxMessagesRecvByteBufAllocator) own).maxMessagesPerRead() == STREAM_READS_PER_LOOP) {
            config.setRecvByteBufAllocator(SHARED);
        }
    }

    /**
     * The buffer size of a step.
     *
     * @param index the step, 0 to {@link #MAX_INDEX}
     * @return its size in bytes
     */
    static int sizeAt(int index) {
        return index < SMALL_STEPS ? 16 * (index + 1) : 512 << (index - SMALL_STEPS);
    }

    /** The first step whose size is {@code size} or more. */
    private static int indexOf(int size) {
        int i = 0;
        while (sizeAt(i) < size) {
            i++;
        }
        return i;
    }

    @Override
    @SuppressWarnings("deprecation") // Netty's interface still returns the deprecated Handle; ExtendedHandle is given
    public Handle newHandle() {
        return new Reads();
    }

    /** One channel's reads: the read loop's counts, and the size guessed for the next buffer. */
    private static final class Reads implements ExtendedHandle {
        private ChannelConfig config;
        private int totalBytesRead;
        private int attemptedBytesRead;
        private int lastBytesRead;
        private byte messages;
        private byte index = (byte) INITIAL_INDEX;
        /** The last read would have fit a step lower: one more such read and the guess goes down. */
        private boolean decreaseNow;

        @Override
        public ByteBuf allocate(ByteBufAllocator alloc) {
            return alloc.ioBuffer(guess());
        }

        @Override
        public int guess() {
            return sizeAt(index);
        }

        @Override
        public void reset(ChannelConfig config) {
            this.config = config;
            messages = 0;
            totalBytesRead = 0;
        }

        @Override
        public void incMessagesRead(int numMessages) {
            messages = (byte) Math.min(messages + numMessages, Byte.MAX_VALUE);
        }

        @Override
        public void lastBytesRead(int bytes) {
            if (bytes == attemptedBytesRead) {
                record(bytes); // the buffer was filled: more may be waiting, grow now rather than after the loop
            }
            lastBytesRead = bytes;
            if (bytes > 0) {
                totalBytesRead += bytes;
            }
        }

        @Override
        public int lastBytesRead() {
            return lastBytesRead;
        }

        @Override
        public void attemptedBytesRead(int bytes) {
            attemptedBytesRead = bytes;
        }

        @Override
        public int attemptedBytesRead() {
            return attemptedBytesRead;
        }

        @Override
        public boolean continueReading() {
            return continueReading(attemptedBytesRead == lastBytesRead);
        }

        @Override
        public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
            return continueReading(maybeMoreDataSupplier.get());
        }

        private boolean continueReading(boolean maybeMore) {
            return config.isAutoRead() && maybeMore && messages < STREAM_READS_PER_LOOP && totalBytesRead > 0;
        }

        @Override
        public void readComplete() {
            record(totalBytesRead < 0 ? Integer.MAX_VALUE : totalBytesRead);
        }

        /** Moves the guess after a read (or a read loop) of {@code size} bytes. */
        private void record(int size) {
            if (size <= sizeAt(Math.max(0, index - 1))) {
                if (decreaseNow) {
                    index = (byte) Math.max(index - 1, MIN_INDEX);
                    decreaseNow = false;
                } else {
                    decreaseNow = true;
                }
            } else if (size >= sizeAt(index)) {
                index = (byte) Math.min(index + 4, MAX_INDEX);
                decreaseNow = false;
            }
        }
    }
}
