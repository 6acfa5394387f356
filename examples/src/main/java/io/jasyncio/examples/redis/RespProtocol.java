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
 * command runs against the {@link Store}, and all their replies leave in one {@code transport.write} — pipelining
 * costs one write per read, not one per command.
 *
 * <p>State machine: {@code connectionMade -> dataReceived* -> connectionLost}. A malformed request gets redis's
 * {@code -ERR Protocol error: ...} and the connection closes after it is written; QUIT closes after its {@code +OK}.
 *
 * <p>Flow control: when the client does not read its replies and the transport's buffer passes the high-water mark,
 * {@code pauseWriting} stops reading the client's commands until the buffer drains.
 */
public final class RespProtocol implements Protocol, RespParser.Handler {
    // Threading: the connection's loop thread only.
    private final Store store;
    private final RespParser parser = new RespParser();
    private final RespReply reply = new RespReply();
    private final Commands commands;
    private Transport transport;

    RespProtocol(Store store) {
        this.store = store;
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
        boolean open;
        store.lock.lock();
        try {
            open = parser.feed(data, this);
        } catch (RespParser.ProtocolError e) {
            reply.error("ERR " + e.getMessage());
            open = false;
        } finally {
            store.lock.unlock();
        }
        if (!reply.isEmpty()) {
            transport.write(reply.buffer());
            reply.clear();
        }
        if (!open) {
            transport.close(); // flushes the replies first
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
        return commands.execute(args);
    }

    @Override
    public void pauseWriting() {
        transport.pauseReading();
    }

    @Override
    public void resumeWriting() {
        transport.resumeReading();
    }
}
