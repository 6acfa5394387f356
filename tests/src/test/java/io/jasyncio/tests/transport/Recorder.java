/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Protocol;
import io.jasyncio.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A protocol that records its calls, the bytes it receives, and its state (test_events.py's MyProto); the flow
 * control calls go to {@link #flow}, apart, so that {@link #calls} stays MyProto's.
 */
class Recorder implements Protocol {
    final List<String> calls = new ArrayList<>();
    /** "pause" and "resume", one per {@code pauseWriting} and {@code resumeWriting}, in order. */
    final List<String> flow = new ArrayList<>();
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    final Future<Throwable> lost;
    final Future<Void> made;
    Transport transport;
    boolean keepOpenOnEof;
    String state = "INITIAL";

    Recorder(EventLoop loop) {
        this.lost = loop.createFuture();
        this.made = loop.createFuture();
    }

    @Override
    public void connectionMade(Transport t) {
        check("INITIAL");
        state = "CONNECTED";
        transport = t;
        calls.add("made");
        made.setResult(null);
    }

    @Override
    public void dataReceived(ByteBuffer bytes) {
        check("CONNECTED");
        byte[] b = new byte[bytes.remaining()];
        bytes.get(b);
        data.writeBytes(b);
        if (calls.isEmpty() || !calls.get(calls.size() - 1).equals("data")) {
            calls.add("data");
        }
    }

    @Override
    public boolean eofReceived() {
        check("CONNECTED");
        state = "EOF";
        calls.add("eof");
        return keepOpenOnEof;
    }

    @Override
    public void connectionLost(Throwable exc) {
        if (!state.equals("CONNECTED") && !state.equals("EOF")) {
            throw new IllegalStateException("connectionLost in state " + state);
        }
        state = "CLOSED";
        calls.add("lost");
        lost.setResult(exc);
    }

    @Override
    public void pauseWriting() {
        flow.add("pause");
    }

    @Override
    public void resumeWriting() {
        flow.add("resume");
    }

    private void check(String expected) {
        if (!state.equals(expected)) {
            calls.add("BAD STATE " + state + ", expected " + expected);
        }
    }

    String text() {
        return data.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
