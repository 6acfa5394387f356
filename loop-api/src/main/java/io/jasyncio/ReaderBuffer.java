/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes a {@link StreamReader} holds and the array they wait in: the reader's superclass, so that they cost the
 * reader no object of its own (an idle connection's reader stays one object). The buffered bytes are
 * {@code buffer[start, start + size)}: reads move {@code start}, not the bytes. The array is {@link #EMPTY} until
 * bytes must wait; it grows by doubling, its bytes move to the front while they fill at most half of it, and it is
 * let go once the reader stayed empty for a second ({@link #beforeWait}), so that one large message does not stay
 * with an idle connection. Waits, flow control and what a waiting read takes from arriving bytes are the reader's.
 * Loop thread only.
 */
abstract sealed class ReaderBuffer permits StreamReader {
    /** The buffer of a reader with nothing buffered: an idle reader holds no array. */
    static final byte[] EMPTY = new byte[0];
    /** The smallest array the buffer takes when bytes must wait in it. */
    static final int MIN_CAPACITY = 1024;
    /** Seconds after a wait begins at which an empty reader lets go of its array. */
    private static final double IDLE_RELEASE_DELAY = 1.0;

    /**
     * The buffered bytes are {@code buffer[start, start + size)}: reads move {@code start}, not the bytes. Empty
     * ({@link #EMPTY}) until bytes must wait; a grown array is let go once the reader stayed empty for a second, so
     * that one large message does not stay with an idle connection.
     */
    byte[] buffer = EMPTY;
    int start;
    int size;
    /** A release of the grown array is scheduled ({@link #scheduleRelease}). */
    private boolean releaseScheduled;

    ReaderBuffer() {
    }

    /** Copies {@code data[from, from + n)} after the buffered bytes. */
    final void append(io.jasyncio.internal.ReceivedBytes data, int from, int n) {
        ensureCapacity(size + n);
        data.copyTo(from, buffer, start + size, n);
        size += n;
    }

    /**
     * Takes the first {@code n} buffered bytes out, as an array of their own: the whole array when it holds exactly
     * them and was made to their size (longer than {@link #MIN_CAPACITY}), handed over rather than copied.
     */
    final byte[] removeFirst(int n) {
        byte[] out;
        if (start == 0 && n == buffer.length && n > MIN_CAPACITY) {
            out = buffer; // the whole array, made to the size of what it held: handed over, not copied
            buffer = EMPTY;
        } else {
            out = Arrays.copyOfRange(buffer, start, start + n);
        }
        skip(n);
        return out;
    }

    /** Forgets the first {@code n} buffered bytes. */
    final void skip(int n) {
        size -= n;
        start = size == 0 ? 0 : start + n;
    }

    /** Puts {@code dst[from, from + n)} back at the front of the buffer, and {@code dst}'s position back to from. */
    final void unread(ByteBuffer dst, int from, int n) {
        ensureCapacity(size + n);
        System.arraycopy(buffer, start, buffer, start + n, size);
        dst.get(from, buffer, start, n);
        size += n;
        dst.position(from);
    }

    /** Whether the buffered bytes hold {@code sep} at {@code at}, relative to {@code start}. */
    final boolean startsWith(byte[] sep, int at) {
        if (at < 0 || at + sep.length > size) {
            return false;
        }
        for (int j = 0; j < sep.length; j++) {
            if (buffer[start + at + j] != sep[j]) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code sep} first starts at or after {@code from}, relative to {@code start}; -1 if nowhere. */
    final int indexOf(byte[] sep, int from) {
        int lastStart = start + size - sep.length; // the last place a whole separator fits
        int i = start + Math.max(0, from);
        while (i <= lastStart) {
            int at = io.jasyncio.internal.ByteSearch.indexOf(buffer, i, lastStart + 1, sep[0]);
            if (at < 0) {
                return -1;
            }
            if (Arrays.equals(buffer, at, at + sep.length, sep, 0, sep.length)) {
                return at - start;
            }
            i = at + 1;
        }
        return -1;
    }

    /**
     * Room for {@code needed} bytes from {@code start}: the bytes move to the front while they fill at most half the
     * array (so each move is paid for by as many bytes read), else the array doubles.
     */
    final void ensureCapacity(int needed) {
        if (start + needed <= buffer.length) {
            return;
        }
        if (needed <= buffer.length / 2) {
            System.arraycopy(buffer, start, buffer, 0, size);
        } else {
            byte[] grown = new byte[Math.max(Math.max(needed, MIN_CAPACITY), buffer.length * 2)];
            System.arraycopy(buffer, start, grown, 0, size);
            buffer = grown;
        }
        start = 0;
    }

    /**
     * As a read begins to wait: an empty buffer starts again at the front of its array, and lets go of the array
     * should it still be empty {@link #IDLE_RELEASE_DELAY} seconds later.
     *
     * @param loop the loop that times the release
     */
    final void beforeWait(EventLoop loop) {
        if (size == 0) {
            start = 0;
            if (buffer.length > 0 && !releaseScheduled) {
                scheduleRelease(loop);
            }
        }
    }

    /**
     * Lets go of the array if the reader is empty {@link #IDLE_RELEASE_DELAY} seconds after it began to wait: a
     * connection that goes idle keeps no array, and a busy one does not make a new array for each message (at most one
     * timer per connection and delay).
     */
    private void scheduleRelease(EventLoop loop) {
        try {
            loop.callLater(IDLE_RELEASE_DELAY, this::releaseIfEmpty);
            releaseScheduled = true;
        } catch (RuntimeException closed) {
            // the loop is closed: nothing waits on it
        }
    }

    private void releaseIfEmpty() {
        releaseScheduled = false;
        if (size == 0 && buffer.length > 0) {
            buffer = EMPTY;
            start = 0;
        }
    }
}
