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
import io.jasyncio.transport.internal.OsErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;

/**
 * asyncio's {@code _UnixReadPipeTransport}: the read end of a pipe, read by a thread of its own in blocking mode,
 * each chunk handed to the loop with {@code callSoonThreadsafe}.
 *
 * <p>Flow control is a credit of one chunk: the reader reads a chunk into its one buffer, posts it, and waits for the
 * credit back before reading again. The loop gives the credit back once the protocol has the chunk and reading is
 * not paused; while paused it keeps it, so the reader stops and the child blocks on a full pipe. At most one chunk is
 * in flight, and the buffer is never copied: the loop reads the very buffer the reader filled, while the reader
 * waits.
 *
 * <pre>
 *   reader thread                     loop thread
 *   read(buf) -&gt; n
 *   callSoonThreadsafe(deliver) ----&gt; deliver: dataReceived(buf[0..n])
 *   credit.acquire()  &lt;-------------- credit.release()   (held back while paused; resumeReading releases)
 * </pre>
 */
public final class ReadPipeTransport extends AbstractReadPipe {
    /** asyncio's {@code max_size} for a read of a pipe. */
    private static final int CHUNK = 256 * 1024;

    private final InputStream in;
    private final String name;
    // Threading: written by the reader before it posts deliver, read by the loop in deliver (the inbox orders them).
    private final byte[] buf = new byte[CHUNK];
    private final ByteBuffer view = ByteBuffer.wrap(buf);
    private int readLength;
    // Threading: any thread.
    private final Semaphore credit = new Semaphore(0);
    private volatile boolean stopped;
    private final Runnable deliver = this::deliver;
    // Threading: loop thread only.
    /** A chunk came while paused: the protocol has not seen it, the reader waits. */
    private boolean holding;
    /** The protocol paused reading after a chunk: the reader waits for {@link #resumeReading()}. */
    private boolean owed;

    /**
     * A read pipe transport; {@link #start()} schedules {@code connectionMade}, {@link #startReading()} the reads.
     *
     * @param loop the loop
     * @param protocol the protocol, a {@link Protocol} or a {@link BufferedProtocol}
     * @param pipe what {@code getExtraInfo("pipe")} returns
     * @param in the stream to read
     * @param name the reader thread's name
     */
    public ReadPipeTransport(BaseEventLoop loop, BaseProtocol protocol, Object pipe, InputStream in, String name) {
        super(loop, protocol, pipe);
        this.in = in;
        this.name = name;
    }

    /** Starts the reader thread. */
    @Override
    void startIo() {
        Thread.ofPlatform().daemon().name(name).stackSize(PipeTransport.STACK_SIZE).start(this::readLoop);
    }

    private void readLoop() {
        try {
            while (!stopped) {
                int n = in.read(buf);
                if (n < 0) {
                    post(this::onEof);
                    return;
                }
                if (n > 0) {
                    readLength = n;
                    post(deliver);
                    credit.acquire();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!stopped) {
                post(() -> readFailed(e));
            }
        }
    }

    private void post(Runnable r) {
        try {
            loop.callSoonThreadsafe(r);
        } catch (IllegalStateException closed) {
            stopped = true; // the loop is closed: nobody will read
        }
    }

    private void deliver() {
        if (closing) {
            credit.release(); // let the reader see that it stopped
            return;
        }
        if (paused) {
            holding = true; // delivered by resumeReading, which then gives the credit back
            return;
        }
        dispatch(readLength);
        if (paused && !closing) {
            owed = true;
            return;
        }
        credit.release();
    }

    private void dispatch(int n) {
        view.limit(n).position(0);
        dispatch(view);
    }

    private void onEof() {
        if (closing) {
            return;
        }
        closing = true;
        stopped = true;
        scheduleEof();
    }

    private void readFailed(Throwable e) {
        if (!closing) {
            fatalError(OsErrors.of(e), "Fatal read error on pipe transport");
        }
    }

    @Override
    public void pauseReading() {
        if (closing || paused) {
            return;
        }
        paused = true;
    }

    @Override
    public void resumeReading() {
        if (closing || !paused) {
            return;
        }
        paused = false;
        if (holding) {
            holding = false;
            dispatch(readLength);
            if (closing) {
                return;
            }
            if (paused) {
                owed = true;
                return;
            }
            credit.release();
        } else if (owed) {
            owed = false;
            credit.release();
        }
    }

    @Override
    void forceClose(Throwable exc) {
        closing = true;
        stopped = true;
        credit.release();
        loop.callSoon(() -> callConnectionLost(exc));
    }

    @Override
    void closePipe() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a pipe that failed: nothing left to do
        }
    }

    @Override
    public String toString() {
        return "<ReadPipeTransport " + name + (closing ? " closed" : paused ? " paused" : " reading") + ">";
    }
}
