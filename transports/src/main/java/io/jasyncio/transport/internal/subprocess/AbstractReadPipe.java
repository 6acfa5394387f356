/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.subprocess;

import io.jasyncio.BaseProtocol;
import io.jasyncio.BufferedProtocol;
import io.jasyncio.Protocol;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.ProtocolFailures;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What the two read pipe transports share: handing a chunk to a {@link Protocol} or a {@link BufferedProtocol}, the
 * end of the stream, {@code close}/{@code abort}, and the writing methods, which a read pipe does not have. Loop
 * thread only.
 */
abstract class AbstractReadPipe extends PipeTransport {
    /** The protocol paused reading. */
    boolean paused;

    AbstractReadPipe(BaseEventLoop loop, BaseProtocol protocol, Object pipe) {
        super(loop, protocol, pipe);
    }

    /**
     * Hands a chunk to the protocol: {@code dataReceived}, or {@code getBuffer}/{@code bufferUpdated} until it is all
     * taken (or the transport closes).
     *
     * @param data the chunk, from its position to its limit; consumed
     */
    final void dispatch(ByteBuffer data) {
        try {
            if (protocol instanceof Protocol p) {
                p.dataReceived(data);
            } else if (protocol instanceof BufferedProtocol bp) {
                while (data.hasRemaining() && !closing) {
                    ByteBuffer dst = bp.getBuffer(data.remaining());
                    int k = Math.min(dst.remaining(), data.remaining());
                    if (k == 0) {
                        throw new IllegalStateException("get_buffer() returned an empty buffer");
                    }
                    dst.put(dst.position(), data, data.position(), k);
                    dst.position(dst.position() + k);
                    data.position(data.position() + k);
                    bp.bufferUpdated(k);
                }
            }
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.data_received() call failed.");
        }
    }

    /** The end of the stream: {@code eofReceived}, then {@code connectionLost}, each a callback of its own. */
    final void scheduleEof() {
        loop.callSoon(() -> {
            try {
                if (protocol instanceof Protocol p) {
                    p.eofReceived();
                } else if (protocol instanceof BufferedProtocol bp) {
                    bp.eofReceived();
                }
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "Fatal error: protocol.eof_received() call failed.", t, this, protocol);
            }
        });
        loop.callSoon(() -> callConnectionLost(null));
    }

    @Override
    public boolean isReading() {
        return !paused && !closing;
    }

    @Override
    public void close() {
        if (!closing) {
            forceClose(null);
        }
    }

    /** Closes at once, as {@link #close()}: a read pipe has no buffer to flush. */
    @Override
    public void abort() {
        close();
    }

    // ---- no writing on a read pipe

    @Override
    public void write(ByteBuffer data) {
        throw notThisWay("write()");
    }

    @Override
    public void writelines(List<ByteBuffer> data) {
        throw notThisWay("writelines()");
    }

    @Override
    public void writeEof() {
        throw notThisWay("write_eof()");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        throw notThisWay("set_write_buffer_limits()");
    }

    @Override
    public long getWriteBufferSize() {
        return 0;
    }

    @Override
    public int[] getWriteBufferLimits() {
        throw notThisWay("get_write_buffer_limits()");
    }
}
