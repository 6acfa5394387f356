/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.redis;

import io.jasyncio.Protocol;
import io.jasyncio.Transport;
import java.nio.ByteBuffer;

/**
 * One client connection: the bytes of each {@code dataReceived} go through the {@link RespParser}, every complete
 * command runs against the {@link Store}, and their replies leave together in one {@code transport.write} per read
 * (or per {@link #FLUSH_BYTES} of replies) — pipelining costs one write per read, not one per command.
 *
 * <p>State machine: {@code connectionMade -> dataReceived* -> connectionLost}. A malformed request gets redis's
 * {@code -ERR Protocol error: ...} and the connection closes after it is written; QUIT closes after its {@code +OK}.
 *
 * <p>Flow control bounds the replies in flight by the server, not by the client, as redis's client output buffer
 * limits do: once the transport's buffer passes its high-water mark ({@code pauseWriting}), reading stops and so does
 * the running of commands already received (the rest of a read stays in the parser) until {@code resumeWriting}.
 * Replies are written out every {@link #FLUSH_BYTES}, so a pipeline of {@code GET}s of a large value costs at most
 * the high-water mark, one flush and one reply, whatever the client sends and however slowly it reads.
 */
public final class RespProtocol implements Protocol, RespParser.Handler {
    /** How many bytes of replies are gathered before they are written out, within one read. */
    public static final int FLUSH_BYTES = 64 * 1024;

    // Threading: the connection's loop thread only.
    private final Store store;
    private final RespParser parser;
    private final RespReply reply = new RespReply();
    private final Commands commands;
    private Transport transport;
    private boolean writingPaused;
    private boolean quit;

    RespProtocol(Store store, QueryBudget budget) {
        this.store = store;
        this.parser = new RespParser(budget);
        this.commands = new Commands(store, reply);
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (transport.isClosing()) {
            return; // after QUIT or a protocol error, the rest is not read
        }
        try {
            parser.add(data);
        } catch (RespParser.ProtocolError e) { // a bulk past the server's budget
            refuse(e);
            return;
        }
        if (!writingPaused) {
            run();
        }
    }

    @Override
    public void connectionLost(Throwable exc) {
        parser.release(); // an incomplete command's memory goes back to the budget
    }

    private void refuse(RespParser.ProtocolError e) {
        reply.error("ERR " + e.getMessage());
        flush();
        parser.release();
        transport.close();
    }

    /** Runs the commands received, as far as the replies' budget lets them, and writes their replies. */
    private void run() {
        boolean open = true;
        store.lock.lock();
        try {
            parser.parse(this);
            open = !quit;
        } catch (RespParser.ProtocolError e) {
            reply.error("ERR " + e.getMessage());
            open = false;
        } finally {
            store.lock.unlock();
        }
        flush();
        if (!open) {
            transport.close(); // flushes the replies first
        }
    }

    private void flush() {
        if (!reply.isEmpty()) {
            transport.write(reply.buffer()); // may call pauseWriting
            reply.clear();
        }
    }

    /**
     * How many bytes the request parser has looked at or copied on this connection: a measure of its work, which
     * stays proportional to the bytes received however they are split (the tests read it).
     *
     * @return the count
     */
    public long parseWork() {
        return parser.examined();
    }

    @Override
    public boolean command(byte[][] args) {
        if (!commands.execute(args)) {
            quit = true;
            return false;
        }
        if (reply.size() >= FLUSH_BYTES) {
            flush();
            return !writingPaused; // the rest waits in the parser for resumeWriting
        }
        return true;
    }

    @Override
    public void pauseWriting() {
        writingPaused = true;
        transport.pauseReading();
    }

    @Override
    public void resumeWriting() {
        writingPaused = false;
        if (transport.isClosing()) {
            return;
        }
        transport.resumeReading();
        if (parser.hasPartial()) {
            run(); // the commands left waiting
        }
    }
}
