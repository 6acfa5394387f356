/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import io.jasyncio.DatagramProtocol;
import io.jasyncio.DatagramTransport;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A datagram protocol that records the datagrams (as text), their senders, and the flow-control calls. */
class DatagramPeer implements DatagramProtocol {
    final List<String> received = new ArrayList<>();
    final List<SocketAddress> senders = new ArrayList<>();
    /** "pause" and "resume", one per {@code pauseWriting} and {@code resumeWriting}, in order. */
    final List<String> flow = new ArrayList<>();
    final Future<Void> lost;
    DatagramTransport transport;

    DatagramPeer(EventLoop loop) {
        this.lost = loop.createFuture();
    }

    @Override
    public void connectionMade(DatagramTransport t) {
        transport = t;
    }

    @Override
    public void datagramReceived(ByteBuffer data, SocketAddress addr) {
        received.add(StandardCharsets.UTF_8.decode(data.duplicate()).toString());
        senders.add(addr);
    }

    @Override
    public void pauseWriting() {
        flow.add("pause");
    }

    @Override
    public void resumeWriting() {
        flow.add("resume");
    }

    @Override
    public void connectionLost(Throwable exc) {
        lost.setResult(null);
    }
}
