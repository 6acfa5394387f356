/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import static io.jasyncio.transport.internal.tcp.TransportState.ABORTING;
import static io.jasyncio.transport.internal.tcp.TransportState.CLOSING;
import static io.jasyncio.transport.internal.tcp.TransportState.CONNECTING;
import static io.jasyncio.transport.internal.tcp.TransportState.ENDING;
import static io.jasyncio.transport.internal.tcp.TransportState.END_HELD;
import static io.jasyncio.transport.internal.tcp.TransportState.LOST;
import static io.jasyncio.transport.internal.tcp.TransportState.NEVER_MADE;
import static io.jasyncio.transport.internal.tcp.TransportState.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.transport.internal.tcp.TransportState.Event;
import org.junit.jupiter.api.Test;

/** The transport's life: each path of the diagram in {@link TransportState}, and what each state allows. */
class TransportStateTest {

    @Test
    void testClosePath() {
        TransportState s = CONNECTING.on(Event.ACTIVE);
        assertEquals(OPEN, s);
        assertFalse(s.closing());
        assertEquals(CLOSING, s.on(Event.CLOSE));
        assertEquals(CLOSING, CLOSING.on(Event.CLOSE), "close twice: nothing more");
        assertEquals(ABORTING, CLOSING.on(Event.ABORT), "abort after close drops the buffer");
        assertEquals(LOST, CLOSING.on(Event.LOST));
    }

    @Test
    void testHeldEndPath() {
        assertEquals(END_HELD, OPEN.on(Event.INACTIVE_HELD));
        assertEquals(CLOSING, CLOSING.on(Event.INACTIVE_HELD), "after close, nothing is held back");
        assertEquals(ENDING, END_HELD.on(Event.CLOSE));
        assertEquals(ENDING, END_HELD.on(Event.ABORT));
        assertEquals(LOST, END_HELD.on(Event.LOST), "resumed reading delivered the end");
        assertTrue(END_HELD.delivers(), "what was held back is still delivered");
        assertFalse(ENDING.delivers());
    }

    @Test
    void testNeverMade() {
        assertEquals(NEVER_MADE, CONNECTING.on(Event.FACTORY_FAILED));
        assertEquals(NEVER_MADE, OPEN.on(Event.HANDSHAKE_FAILED));
        assertEquals(NEVER_MADE, ABORTING.on(Event.HANDSHAKE_FAILED), "a fatal error came before the handshake event");
        assertEquals(NEVER_MADE, NEVER_MADE.on(Event.ABORT), "the abort that follows keeps it unmade");
        assertEquals(LOST, NEVER_MADE.on(Event.LOST));
    }

    @Test
    void testLostIsFinal() {
        for (Event e : Event.values()) {
            assertEquals(LOST, LOST.on(e), e.name());
        }
    }

    /** asyncio's _closing is every state past OPEN; a forced close is abort, an unmade protocol or the end. */
    @Test
    void testPredicates() {
        for (TransportState s : TransportState.values()) {
            assertEquals(s != CONNECTING && s != OPEN, s.closing(), s.name());
            assertEquals(s == CONNECTING || s == OPEN || s == END_HELD, s.delivers(), s.name());
            assertEquals(s == ABORTING || s == NEVER_MADE || s == ENDING || s == LOST, s.forceClosed(), s.name());
            assertEquals(s == END_HELD || s == ENDING || s == LOST, s.ended(), s.name());
        }
    }
}
