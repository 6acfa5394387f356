/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.jasyncio.BaseProtocol;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.ProtocolFailures;
import io.jasyncio.transport.internal.WriteBufferLimits;

/**
 * What the two write pipe transports share: the write buffer's size and limits, {@code pauseWriting} and
 * {@code resumeWriting}, asyncio's warning for writes after the end, and the reading methods, which a write pipe
 * does not have. Loop thread only.
 */
abstract class AbstractWritePipe extends PipeTransport {
    static final int DEFAULT_HIGH = WriteBufferLimits.DEFAULT_HIGH;
    /** asyncio's {@code LOG_THRESHOLD_FOR_CONNLOST_WRITES}. */
    private static final int LOG_THRESHOLD = 5;

    /** The bytes written by the protocol and not yet taken by the pipe. */
    long bufferSize;
    private int high = DEFAULT_HIGH;
    private int low = DEFAULT_HIGH / 4;
    private boolean protocolPaused;
    private int connLost;

    AbstractWritePipe(BaseEventLoop loop, BaseProtocol protocol, Object pipe) {
        super(loop, protocol, pipe);
    }

    /**
     * asyncio's check at the top of {@code write}: after the end, the data is dropped, and from the fifth time on a
     * warning says so.
     *
     * @return {@code true} when the data must be dropped
     */
    boolean dropWrite() {
        if (lost || closing) {
            if (connLost >= LOG_THRESHOLD) {
                BaseEventLoop.LOGGER.warn("pipe closed by peer or os.write(pipe, data) raised exception.");
            }
            connLost++;
            return true;
        }
        return false;
    }

    void maybePause() {
        if (!protocolPaused && bufferSize > high) {
            protocolPaused = true;
            try {
                protocol.pauseWriting();
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "protocol.pause_writing() failed", t, this, protocol);
            }
        }
    }

    void maybeResume() {
        if (protocolPaused && bufferSize <= low) {
            protocolPaused = false;
            try {
                protocol.resumeWriting();
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "protocol.resume_writing() failed", t, this, protocol);
            }
        }
    }

    /**
     * The reader of the pipe is gone (the child exited). A transport that learns it from the poller itself ignores
     * this.
     */
    abstract void readerGone();

    @Override
    public void close() {
        if (!closing) {
            writeEof();
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void abort() {
        if (!lost) {
            forceClose(null);
        }
    }

    @Override
    public void setWriteBufferLimits(int newHigh, int newLow) {
        WriteBufferLimits limits = WriteBufferLimits.of(newHigh, newLow);
        high = limits.high();
        low = limits.low();
        maybePause();
    }

    @Override
    public long getWriteBufferSize() {
        return bufferSize;
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {low, high};
    }

    // ---- no reading on a write pipe

    @Override
    public boolean isReading() {
        return false;
    }

    @Override
    public void pauseReading() {
        throw notThisWay("pause_reading()");
    }

    @Override
    public void resumeReading() {
        throw notThisWay("resume_reading()");
    }
}
