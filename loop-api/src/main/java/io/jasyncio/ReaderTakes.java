/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.ReceivedBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What a {@link StreamReader}'s waiting read takes straight from the bytes that arrive, rather than from the reader's
 * buffer: {@code read} and {@code readexactly} their answer, made with one copy from the transport's bytes when they
 * complete it; {@code readinto} the bytes, copied into the caller's buffer; {@code readline} its line, searched only in
 * the bytes just arrived, and woken only once they hold its separator or pass the limit. The state of the wait is the
 * reader's ({@code takeMode}, {@code takeArg}, {@code taken}, {@code intoTarget}, {@code intoDelivered}): these are
 * static helpers over it, so that a reader is one object and a read makes no object and no call through an interface
 * of its own. Loop thread only.
 */
final class ReaderTakes {
    /** What the waiting read takes straight from arriving bytes: nothing, up to n, exactly n, through a byte. */
    static final byte NONE = 0;
    static final byte UP_TO = 1;
    static final byte EXACTLY = 2;
    static final byte THROUGH = 3;

    private ReaderTakes() {
    }

    /**
     * Waits for data with {@code dst} as the target of what arrives: one copy fewer per read than through the
     * reader's buffer. Should the wait end in an exception (the task cancelled after the data came), the bytes
     * already in {@code dst} go back to the front of the buffer and {@code dst}'s position is restored: nothing is
     * lost.
     *
     * @return the bytes delivered into {@code dst}
     */
    static int waitInto(StreamReader r, ByteBuffer dst) {
        r.checkNoWaiter("readinto");
        int before = dst.position();
        r.intoTarget = dst;
        r.intoDelivered = 0;
        try {
            r.waitForData("readinto");
            return r.intoDelivered;
        } catch (Throwable t) {
            if (r.intoDelivered > 0) {
                r.unread(dst, before, r.intoDelivered);
            }
            throw t;
        } finally {
            r.intoTarget = null;
            r.intoDelivered = 0;
        }
    }

    /** Whether a read waits that takes bytes as they come, and its task will see them (it was not cancelled). */
    static boolean waiterWantsData(StreamReader r) {
        if (r.intoTarget == null && r.takeMode == NONE || r.taken != null) {
            return false;
        }
        Future<Void> w = r.waiter;
        return w == null || !w.cancelled(); // cancelled: the task will not read them, the bytes stay in the stream
    }

    /** Copies what fits of the first {@code n} bytes into the waiting readinto's buffer; returns how much. */
    static int deliverInto(StreamReader r, ReceivedBytes data, int n) {
        if (r.size != 0) {
            return 0;
        }
        ByteBuffer into = r.intoTarget;
        int direct = Math.min(n, into.remaining());
        data.copyTo(0, into, direct);
        r.intoDelivered += direct;
        return direct;
    }

    /**
     * Makes the waiting read's answer from what is buffered and the first of the {@code n} bytes arriving, when they
     * complete it; returns how many of them it took (0 when they do not complete it, and the bytes go to the buffer).
     */
    static int take(StreamReader r, ReceivedBytes data, int n) {
        int size = r.size;
        int k;
        switch (r.takeMode) {
            case UP_TO -> k = size == 0 ? Math.min(n, r.takeArg) : 0;
            case EXACTLY -> k = size + n >= r.takeArg ? r.takeArg - size : 0;
            default -> k = 0;
        }
        if (k <= 0) {
            return 0;
        }
        byte[] answer;
        if (r.start == 0 && r.buffer.length == size + k && size > 0) {
            answer = r.buffer; // made to the answer's size (readexactly): completed and handed over, not copied
            r.buffer = ReaderBuffer.EMPTY;
        } else {
            answer = new byte[size + k];
            System.arraycopy(r.buffer, r.start, answer, 0, size);
        }
        data.copyTo(0, answer, size, k);
        r.taken = answer;
        r.size = 0;
        r.start = 0;
        return k;
    }

    /**
     * readline's answer from bytes that end in its separator, arriving at an empty reader, within the limit: the
     * usual echo of one line per read. They are copied once, into an array that is the answer when they hold one
     * line (no copy into the buffer and out again); when they hold more, the answer is their first line, and the
     * rest goes to the buffer.
     */
    static void takeLines(StreamReader r, ReceivedBytes data, int n) {
        byte[] chunk = new byte[n];
        data.copyTo(0, chunk, 0, n);
        int end = io.jasyncio.internal.ByteSearch.indexOf(chunk, 0, n, (byte) r.takeArg) + 1; // found: n at the latest
        if (end == n) {
            r.taken = chunk;
        } else {
            r.taken = Arrays.copyOf(chunk, end);
            r.ensureCapacity(n - end);
            System.arraycopy(chunk, end, r.buffer, r.start, n - end);
            r.size = n - end;
        }
        r.wakeupWaiter();
    }

    /**
     * readline's answer (readuntil of one one-byte separator), once the bytes just buffered hold the separator within
     * the limit (a separator past it is readuntil's LimitOverrunError: not taken). The bytes are copied into the
     * buffer first and searched there, eight bytes a step: a search in Netty's memory, through its bounds-checked
     * reads, cost more than the copy.
     *
     * @param searchedBefore how many buffered bytes were searched already
     * @return whether the answer was taken
     */
    static boolean takeThrough(StreamReader r, int searchedBefore) {
        int end = Math.min(r.size, r.limit + 1);
        if (searchedBefore >= end) {
            return false;
        }
        int start = r.start;
        int at = io.jasyncio.internal.ByteSearch.indexOf(r.buffer, start + searchedBefore, start + end,
                (byte) r.takeArg);
        if (at < 0) {
            return false;
        }
        r.taken = r.consume(at + 1 - start);
        return true;
    }

    /**
     * Waits for data as the reader's {@code waitForData} does, the answer taken straight from the bytes that arrive
     * when they complete it: see the reader's {@code takeMode}. Should the wait end in an exception (the task
     * cancelled after the data came), the answer goes back to the front of the buffer: nothing is lost.
     *
     * @return the answer, or {@code null} when the caller must look at the buffer again
     */
    static byte[] waitTaking(StreamReader r, String funcName, byte mode, int arg) {
        r.checkNoWaiter(funcName);
        r.takeMode = mode;
        r.takeArg = arg;
        try {
            r.waitForData(funcName);
            byte[] answer = r.taken;
            r.taken = null;
            return answer;
        } catch (Throwable t) {
            byte[] answer = r.taken;
            if (answer != null) {
                r.taken = null;
                r.unread(ByteBuffer.wrap(answer), 0, answer.length);
            }
            throw t;
        } finally {
            r.takeMode = NONE;
        }
    }
}
