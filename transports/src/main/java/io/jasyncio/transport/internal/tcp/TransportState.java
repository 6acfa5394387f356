/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

/**
 * Where a {@link TcpTransport} is in its life, and every move between two states: {@link #on} is the one place that
 * says which event leads where. What is not the connection's life stays beside it in the transport: reading paused
 * or not ({@code pauseReading}), the write end shut ({@code writeEof}), a sendfile running, a read batch in progress.
 *
 * <pre>
 * CONNECTING --active--> OPEN --close--> CLOSING --inactive--> LOST
 *     |                   |  \--abort/fatal error--> ABORTING --inactive--> LOST
 *     |                   |  \--inactive--> LOST (connectionLost now)
 *     |                   |  \--inactive, data held back by pauseReading--> END_HELD --resumed to the end--> LOST
 *     |                   |                                                     \--close/abort--> ENDING --soon--> LOST
 *     |                   \--TLS handshake failed--> NEVER_MADE --inactive--> LOST (no connectionLost)
 *     \--protocol factory threw--> NEVER_MADE
 * </pre>
 * asyncio's {@code _closing} is every state past {@code OPEN} ({@link #closing()}).
 */
enum TransportState {
    /** The channel is not active yet: no protocol, nothing to read or write. */
    CONNECTING,
    /** Connected: reads are delivered, writes sent. */
    OPEN,
    /** close() was called: the buffer flushes, then the channel closes; reads are no longer delivered. */
    CLOSING,
    /** abort() or a fatal error: the buffer was dropped and the channel is closing. */
    ABORTING,
    /** The channel ended while reading was paused with data held back: connectionLost waits for it to be read. */
    END_HELD,
    /** close() or abort() came while the end was held back: connectionLost runs at the loop's next iteration. */
    ENDING,
    /** The protocol never heard connectionMade (its factory threw, or TLS failed): nor will it. */
    NEVER_MADE,
    /** connectionLost has run (or, for NEVER_MADE, would have): nothing more happens. */
    LOST;

    /** What moves a transport from one state to another. */
    enum Event {
        /** Netty's channelActive. */
        ACTIVE,
        /** The protocol factory threw. */
        FACTORY_FAILED,
        /** The TLS handshake of a connection made encrypted failed, or of a startTls upgrade. */
        HANDSHAKE_FAILED,
        /** Transport.close(). */
        CLOSE,
        /** Transport.abort(), or a fatal error. */
        ABORT,
        /** Netty's channelInactive, with data held back by pauseReading. */
        INACTIVE_HELD,
        /** connectionLost is being delivered (or, from NEVER_MADE, skipped). */
        LOST
    }

    /**
     * The state after an event; an event that changes nothing in this state leaves it as it is.
     *
     * @param event what happened
     * @return the next state
     */
    TransportState on(Event event) {
        if (event == Event.LOST) {
            return LOST;
        }
        return switch (this) {
            case CONNECTING -> switch (event) {
                case ACTIVE -> OPEN;
                case FACTORY_FAILED, HANDSHAKE_FAILED -> NEVER_MADE;
                case CLOSE -> CLOSING;
                case ABORT -> ABORTING;
                default -> this;
            };
            case OPEN, CLOSING, ABORTING -> switch (event) {
                case HANDSHAKE_FAILED -> NEVER_MADE;
                case CLOSE -> this == OPEN ? CLOSING : this;
                case ABORT -> ABORTING;
                case INACTIVE_HELD -> this == OPEN ? END_HELD : this;
                default -> this;
            };
            case END_HELD -> event == Event.CLOSE || event == Event.ABORT ? ENDING : this;
            case ENDING, NEVER_MADE, LOST -> this;
        };
    }

    /**
     * asyncio's {@code _closing}: close or abort was called, a fatal error happened, or the connection ended.
     *
     * @return whether this state is past {@link #OPEN}
     */
    boolean closing() {
        return this != CONNECTING && this != OPEN;
    }

    /**
     * Whether what is read (data, the peer's EOF) still reaches the protocol: not after close, abort or the end.
     *
     * @return {@code true} while connecting, open, or delivering what was held back before the end
     */
    boolean delivers() {
        return this == CONNECTING || this == OPEN || this == END_HELD;
    }

    /**
     * asyncio's {@code _force_close} has run (abort, a fatal error, a failed handshake) or the connection has ended:
     * writes still queued are dropped rather than sent, and what fails after it is not news.
     *
     * @return {@code true} for ABORTING, NEVER_MADE, ENDING and LOST
     */
    boolean forceClosed() {
        return this == ABORTING || this == NEVER_MADE || this == ENDING || this == LOST;
    }

    /**
     * Whether the channel has ended already (Netty said channelInactive) and only connectionLost is left.
     *
     * @return {@code true} for END_HELD, ENDING and LOST
     */
    boolean ended() {
        return this == END_HELD || this == ENDING || this == LOST;
    }
}
