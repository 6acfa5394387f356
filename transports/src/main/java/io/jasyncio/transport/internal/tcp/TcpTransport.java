/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.BaseProtocol;
import io.jasyncio.BufferedProtocol;
import io.jasyncio.Protocol;
import io.jasyncio.Transport;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.Interceptors;
import io.jasyncio.transport.internal.OsErrors;
import io.jasyncio.transport.internal.ProtocolFailures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * asyncio's {@code _SelectorSocketTransport} over a Netty channel: the channel's last handler, turning Netty's events
 * into protocol callbacks and the {@link Transport} calls into channel operations. Loop thread only.
 *
 * <p>Call order: {@code connectionMade -> dataReceived* -> eofReceived? -> connectionLost}, and nothing after
 * {@code connectionLost}. A protocol callback that throws is reported to the exception handler (with the transport
 * and the protocol) and the transport is aborted. Flow control keeps asyncio's rule of calling {@code pauseWriting}
 * inside the {@code write} that crossed the high mark, by reading the channel's outbound byte count after each write.
 * The connection's life is one {@link TransportState}, whose {@code on} method holds every transition.
 *
 * <p>This class keeps the Netty events, the protocol's calls and the per-read and per-write paths ({@code deliver},
 * {@code write}); the parts with a concern of their own are beside it: {@link FlowControl} (the water marks),
 * {@link OffLoopWrites} (writes made while the loop is stopped), {@link HeldBack} (what pauseReading holds back),
 * {@link BufferedReads} (a BufferedProtocol's reads) and {@link ReadInto} (its read allocator),
 * {@link ReceivedByteBuf} (a Streams reader's reads), {@link FileSender} ({@code sendfile}), {@link TlsLayer} (the
 * connection's TLS, {@code startTls} and the handshake's end), {@link TlsHandlers} (TLS set-up), {@link SharedReads}
 * (the shared read allocator), {@link FailedFactory} (a protocol factory that threw). Most are static methods over
 * this transport's fields, which are package-private where they read or write them: a connection holds no object
 * more for them, and those made late stay late ({@code flow}, {@code outside}, {@code tls}, {@code heldBack},
 * {@code received}). The rest of the package reaches them only through those classes.
 */
public final class TcpTransport extends ChannelInboundHandlerAdapter implements Transport {
    private static final int LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;

    private final BaseEventLoop loop;
    private final Consumer<TcpTransport> onClosed;
    /** The protocol, once made (see {@link #ensureProtocol}). */
    BaseProtocol protocol;
    /**
     * The protocol factory, until the connection is made (see ensureProtocol); once it failed, a {@link FailedFactory}
     * that throws what it threw.
     */
    private java.util.function.Supplier<? extends BaseProtocol> protocolFactory;
    private Channel channel;
    /** Where the connection is in its life; {@link TransportState#on} says how it moves. */
    TransportState state = TransportState.CONNECTING;
    /** asyncio's {@code _eof}: writeEof was called. */
    boolean eof;
    /** Reading is not paused (pauseReading); beside the state, since a paused connection is still open. */
    boolean reading = true;
    /**
     * The water marks and the pause of writing, made the first time the limits change or a write goes over the
     * default high mark: until then the limits are the defaults and writing is not paused. Volatile and published
     * with a compare-and-set, as a write off the loop's thread may be the one that makes it (see
     * {@link FlowControl#of}).
     */
    volatile FlowControl flow;
    /** asyncio's {@code _conn_lost}: writes after the connection was lost, counted up to the warning's threshold. */
    private byte connLostWrites;
    /** True between Netty's first channelRead and its channelReadComplete: writes then are flushed once, at the end. */
    private boolean inReadBatch;
    private boolean needsFlush;
    /** Writes of the current read batch not flushed yet: messages the outbound buffer does not count as flushed. */
    private int unflushedWrites;
    /**
     * The bytes being handed to {@code dataReceived}, and the view the protocol got: writing that view back (an echo)
     * sends a slice of the received buffer instead of a copy. Loop thread only; set during the call only.
     */
    private ByteBuf receiving;
    private ByteBuffer receivingView;
    /** How a Streams connection's reader reads the received ByteBuf in place; made at its first read. */
    ReceivedByteBuf received;
    /**
     * Writes made off the loop thread (while the loop is stopped), waiting for its next run; any thread. The shared
     * empty {@link OffLoopWrites#NONE} until the first such write makes this connection's own (see
     * {@link OffLoopWrites#write}): an idle connection holds no queue.
     */
    volatile OffLoopWrites outside = OffLoopWrites.NONE;
    private Throwable failure;
    /** asyncio's {@code _empty_waiter} of sendfile: no write until the file is sent. Any thread reads it. */
    volatile boolean sendfileInProgress;
    /**
     * The connection's TLS: the shared {@link TlsLayer#PLAIN} until it is encrypted or set up to be (see
     * {@link TlsLayer#of}).
     */
    TlsLayer tls = TlsLayer.PLAIN;
    /** Events that came while reading was paused (data, EOF, the end), in order for resume: see {@link HeldBack}. */
    ArrayDeque<Object> heldBack;
    /** Whether the loop's count of open transports includes this one (from connection_made to connection_lost). */
    private boolean counted;
    /** The server's neighbours of an accepted connection in its {@link Clients} list, which alone touches them. */
    TcpTransport prevClient;
    /** See {@link #prevClient}. */
    TcpTransport nextClient;

    /**
     * Creates the transport of an outgoing connection, whose protocol is made once the socket is connected, on the
     * loop's thread, as asyncio's {@code create_connection} calls {@code protocol_factory()}.
     *
     * @param loop the loop
     * @param protocolFactory makes the protocol
     */
    public TcpTransport(BaseEventLoop loop, java.util.function.Supplier<? extends BaseProtocol> protocolFactory) {
        this(loop, protocolFactory, null);
    }

    /**
     * Creates the transport of an accepted connection, whose protocol is made once the connection is active, on the
     * thread of the loop that serves it. A factory that throws is reported to that loop's exception handler
     * ("Error on transport creation for incoming connection") and the connection is closed.
     *
     * @param loop the loop that serves the connection
     * @param protocolFactory makes the protocol
     * @param onClosed told when the connection is lost (the server's bookkeeping), may be {@code null}
     */
    public TcpTransport(BaseEventLoop loop, java.util.function.Supplier<? extends BaseProtocol> protocolFactory,
            Consumer<TcpTransport> onClosed) {
        this.loop = loop;
        this.protocolFactory = protocolFactory;
        this.onClosed = onClosed;
    }

    /**
     * The protocol, made by the factory the first time it is asked for.
     *
     * @return the protocol
     * @throws RuntimeException what the factory threw (every time, once it failed), or for a factory that returned
     *     {@code null}
     */
    public BaseProtocol ensureProtocol() {
        if (protocol == null && protocolFactory != null) {
            try {
                BaseProtocol made = protocolFactory.get();
                if (made == null) {
                    throw new IllegalStateException("the protocol factory returned null");
                }
                protocol = made;
                protocolFactory = null;
            } catch (RuntimeException | Error t) {
                protocolFactory = new FailedFactory(t);
                throw t;
            }
        }
        return protocol;
    }

    /**
     * Upgrades the connection to TLS: an SslHandler goes in front of this transport; what is written from now on is
     * encrypted (earlier writes already passed it), what is read is decrypted.
     *
     * @param sslContext the TLS context
     * @param serverSide whether this is the server's end
     * @param serverHostname the name to check the server's certificate against, or {@code null}
     * @param newProtocol the protocol from now on
     * @param handshakeTimeout seconds, or {@code null} for asyncio's 60
     * @param shutdownTimeout seconds, or {@code null} for asyncio's 30
     * @return a future of this transport, completed by the handshake; it fails with an {@link io.jasyncio.SSLError}
     *     when the handshake fails, a {@link io.jasyncio.ConnectionAbortedError} when it takes too long
     */
    public io.jasyncio.Future<io.jasyncio.Transport> startTls(javax.net.ssl.SSLContext sslContext, boolean serverSide,
            String serverHostname, BaseProtocol newProtocol, Double handshakeTimeout, Double shutdownTimeout) {
        return TlsLayer.startTls(this, sslContext, serverSide, serverHostname, newProtocol, handshakeTimeout,
                shutdownTimeout);
    }

    /** The channel, or {@code null} before the connection is made; for the helpers of this package. */
    Channel channel() {
        return channel;
    }

    /** A flush is about to write every pending message: none is left unflushed; for the helpers of this package. */
    void flushingAll() {
        unflushedWrites = 0;
    }

    /**
     * The loop that serves this connection.
     *
     * @return the loop
     */
    public BaseEventLoop loop() {
        return loop;
    }

    // ---------------------------------------------------------------- Netty events

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        if (protocol == null) {
            try {
                ensureProtocol();
            } catch (Throwable t) {
                on(TransportState.Event.FACTORY_FAILED); // the connect's future fails with what the factory threw
                if (onClosed != null) { // an accepted connection: nobody awaits it, the loop hears of it
                    ProtocolFailures.report(loop, "Error on transport creation for incoming connection", t, this,
                            null);
                }
                ctx.close();
                return;
            }
        }
        on(TransportState.Event.ACTIVE);
        SharedReads.install(channel);
        if (protocol instanceof BufferedProtocol) {
            // Only a BufferedProtocol reads in place: a Protocol's connection keeps Netty's allocator, and nothing
            // more. One set later with setProtocol gets its bytes copied, as on io_uring.
            ReadInto.install(this, channel);
        }
        boolean encrypted = ctx.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null
                && TlsLayer.of(this).find(ctx.pipeline());
        if (!encrypted) {
            channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        }
        FlowControl.activate(this, channel);
        if (!encrypted) {
            made();
        }
        ctx.fireChannelActive();
    }

    /** The connection is made (and with TLS, its handshake done): asyncio's {@code connection_made}, once. */
    void made() {
        counted = true;
        loop.counters().opened(false);
        Interceptors ic = loop.activeInterceptors();
        if (ic != null) {
            ic.transportOpened(this);
        }
        try {
            protocol.connectionMade(this);
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.connection_made() call failed.");
        }
        tls.made();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        loop.counters().read(buf.readableBytes());
        inReadBatch = true;
        ReadInto readInto = ReadInto.of(channel);
        if (readInto != null && readInto.owns(buf)) {
            BufferedReads.deliverInto(this, readInto, buf);
            return;
        }
        if (!state.delivers()) {
            buf.release(); // as asyncio, whose close() removes the reader: nothing is delivered after close()
            return;
        }
        if (!reading) {
            HeldBack.add(this, buf);
            return;
        }
        deliver(buf);
    }

    /**
     * A read, to the protocol: asyncio's {@code data_received}, {@code get_buffer}/{@code buffer_updated}, or a
     * Streams reader's bytes. Releases the read.
     *
     * @param buf the read
     */
    void deliver(ByteBuf buf) {
        try {
            if (protocol instanceof BufferedProtocol bp) {
                BufferedReads.deliverBuffered(this, bp, buf);
            } else if (protocol instanceof io.jasyncio.StreamReaderProtocol streams) {
                ReceivedByteBuf.deliver(this, streams, buf);
            } else {
                ByteBuffer view = buf.nioBuffer().asReadOnlyBuffer();
                receiving = buf;
                receivingView = view;
                try {
                    ((Protocol) protocol).dataReceived(view);
                } catch (Throwable t) {
                    fatalError(t, "Fatal error: protocol.data_received() call failed.");
                } finally {
                    receiving = null;
                    receivingView = null;
                }
            }
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inReadBatch = false;
        if (needsFlush) {
            needsFlush = false;
            unflushedWrites = 0;
            ctx.channel().flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent hs) {
            TlsLayer.handshakeDone(this, hs);
        } else if (evt instanceof ChannelInputShutdownEvent
                || (evt instanceof SslCloseCompletionEvent closed && closed.isSuccess())) {
            // The peer's EOF, or with TLS its close_notify (asyncio's _call_eof_received).
            if (!reading && state.delivers()) {
                HeldBack.add(this, HeldBack.EOF); // paused: the EOF waits, after the data held back before it
            } else {
                deliverEof();
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** The peer's EOF, to the protocol: asyncio's {@code eof_received}, closing unless it asks to stay open. */
    void deliverEof() {
        if (!state.delivers()) {
            return;
        }
        {
            boolean keepOpen;
            try {
                keepOpen = protocol instanceof BufferedProtocol bp ? bp.eofReceived()
                        : ((Protocol) protocol).eofReceived();
            } catch (Throwable t) {
                fatalError(t, "Fatal error: protocol.eof_received() call failed.");
                return;
            }
            if (keepOpen && tls.encrypted()) {
                BaseEventLoop.LOGGER.warn("returning true from eof_received() has no effect when using ssl");
                keepOpen = false;
            }
            if (!keepOpen) {
                close();
            }
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        FlowControl f = flow;
        if (f != null) {
            f.maybeResume();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state.forceClosed()
                || (state == TransportState.CLOSING && cause instanceof java.nio.channels.ClosedChannelException)) {
            return; // asyncio's _force_close has run: what fails after it (the dropped writes) is not news
        }
        // The protocol's connectionLost, and the reader fed by it, get asyncio's OSError: a reset is a
        // ConnectionResetError, a TLS failure (wrapped by the SslHandler's decoder) an SSLError.
        Throwable mapped = OsErrors.of(cause);
        if (failure == null) {
            failure = mapped;
        }
        // As asyncio's _fatal_error: I/O errors (a reset, a broken pipe, a failed handshake) close the transport
        // without a report.
        boolean ioError = mapped instanceof java.io.UncheckedIOException;
        if (ioError && loop.getDebug()) {
            BaseEventLoop.LOGGER.debug("{}: Fatal read error on socket transport", this, cause);
        }
        if (!ioError) {
            ProtocolFailures.report(loop, "Fatal read error on socket transport", cause, this, protocol);
        }
        forceClose();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state == TransportState.OPEN && HeldBack.any(this) && !reading && failure == null) {
            // Data read before the end is still held back by pauseReading: the end waits for it.
            on(TransportState.Event.INACTIVE_HELD);
            HeldBack.add(this, HeldBack.INACTIVE);
            ctx.fireChannelInactive();
            return;
        }
        HeldBack.release(this);
        ReadInto readInto = ReadInto.of(channel);
        if (readInto != null) {
            readInto.release();
        }
        connectionLostOnce();
        ctx.fireChannelInactive();
    }

    /** asyncio's {@code connection_lost}, once, and the bookkeeping of the connection's end. */
    void connectionLostOnce() {
        if (state == TransportState.LOST) {
            return;
        }
        boolean made = state != TransportState.NEVER_MADE;
        on(TransportState.Event.LOST);
        if (made) {
            try {
                protocol.connectionLost(failure);
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "Fatal error: protocol.connection_lost() call failed.", t, this, protocol);
            }
        }
        if (onClosed != null) {
            onClosed.accept(this);
        }
        if (counted) {
            counted = false;
            loop.counters().closed(false);
        }
        Interceptors ic = loop.activeInterceptors();
        if (ic != null) {
            ic.transportClosed(this);
        }
    }

    // ---------------------------------------------------------------- Transport

    @Override
    public void write(ByteBuffer data) {
        if (eof) {
            throw new IllegalStateException("Cannot call write() after write_eof()");
        }
        if (sendfileInProgress) {
            throw new IllegalStateException("unable to write; sendfile is in progress");
        }
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        if (state.closing() || channel == null || !channel.isActive()) {
            if (connLostWrite()) {
                BaseEventLoop.LOGGER.warn("socket.send() raised exception.");
            }
            return;
        }
        int from = data.position();
        boolean onLoop = channel.eventLoop().inEventLoop();
        if (onLoop) {
            loop.counters().written(n); // a write from another thread counts when the loop sends it
        }
        if (!inReadBatch && outside.bytes() == 0 && !tls.encrypted() && onLoop) {
            int sent = ImmediateSend.trySend(channel, data); // nothing queued: straight to the socket, no copy
            if (sent == n) {
                return;
            }
            from += sent;
            n -= sent;
        }
        ByteBuf buf;
        if (data == receivingView) {
            // An echo of what dataReceived was given: send that memory, kept alive until written, not a copy.
            buf = receiving.retainedSlice(receiving.readerIndex() + from, n);
        } else {
            // asyncio copies the caller's bytes and leaves them as they were; the caller's buffer is only read, never
            // moved, since other threads may write the same one to their own connections at the same time.
            buf = channel.alloc().ioBuffer(n);
            if (data.hasArray()) {
                buf.writeBytes(data.array(), data.arrayOffset() + from, n);
            } else {
                buf.writeBytes(data.duplicate().position(from));
            }
        }
        if (!onLoop) {
            OffLoopWrites.write(this, buf);
            FlowControl.afterWrite(this);
            return;
        }
        OffLoopWrites.flushFirst(this); // what was written while the loop was stopped goes first
        if (inReadBatch) {
            // Inside a read: flush once when Netty's read loop ends (channelReadComplete), not per write.
            channel.write(buf, channel.voidPromise());
            needsFlush = true;
            unflushedWrites++;
        } else {
            channel.writeAndFlush(buf, channel.voidPromise());
        }
        FlowControl.afterWrite(this);
    }

    /** Counts a write made after the connection was lost: whether it is to be warned of (the fifth and after). */
    private boolean connLostWrite() {
        if (connLostWrites < LOG_THRESHOLD_FOR_CONNLOST_WRITES) {
            connLostWrites++;
        }
        return connLostWrites >= LOG_THRESHOLD_FOR_CONNLOST_WRITES;
    }

    // ---------------------------------------------------------------- write(byte[]): an array with no view of it

    /**
     * Writes an array: on the loop's thread, with nothing queued, straight to the socket (through the loop's scratch
     * buffer, see {@link ImmediateSend}) with no {@code ByteBuffer} made for it, as a Streams writer's echo of the
     * array a read returned; anything else, and what the socket did not take, through {@link #write(ByteBuffer)}.
     *
     * @param data the bytes, copied
     */
    @Override
    public void write(byte[] data) {
        int n = data.length;
        int sent = 0;
        if (n != 0 && !eof && !sendfileInProgress && !inReadBatch && outside.bytes() == 0 && !tls.encrypted()
                && !state.closing() && channel != null && channel.isActive() && channel.eventLoop().inEventLoop()) {
            sent = ImmediateSend.trySend(channel, data, 0, n);
            if (sent != 0) {
                loop.counters().written(sent); // the rest, if any, counts below
            }
            if (sent == n) {
                return;
            }
        }
        write(ByteBuffer.wrap(data, sent, n - sent));
    }

    /**
     * Sends part of a file after what was written before: zero-copy unless TLS encrypts the connection.
     *
     * @param file the file
     * @param offset where to start, at least 0
     * @param count how many bytes at most (positive), or -1 for all to the end of the file
     * @return a future of the number of bytes sent; it fails with an {@link io.jasyncio.OSError} when the file
     *     cannot be read or the connection fails ({@link io.jasyncio.ConnectionResetError},
     *     {@link io.jasyncio.BrokenPipeError})
     * @throws IllegalArgumentException asyncio's ValueError for a negative offset or a count of 0 or less
     * @throws IllegalStateException asyncio's RuntimeError "Transport is closing"
     */
    public io.jasyncio.Future<Long> sendfile(java.nio.file.Path file, long offset, long count) {
        return FileSender.start(this, file, offset, count);
    }

    @Override
    public void writeEof() {
        if (tls.encrypted()) {
            throw new UnsupportedOperationException("SSL doesn't support half-closes");
        }
        if (state.closing() || eof) {
            return;
        }
        eof = true;
        if (channel == null) {
            return;
        }
        OffLoopWrites.flushFirst(this);
        unflushedWrites = 0;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> {
            if (f.channel().isActive()) {
                ((DuplexChannel) f.channel()).shutdownOutput();
            }
        });
    }

    @Override
    public boolean canWriteEof() {
        return !tls.encrypted();
    }

    @Override
    public void close() {
        if (!state.delivers()) {
            return; // closed, aborted or ended already
        }
        TransportState was = state;
        on(TransportState.Event.CLOSE);
        reading = false;
        if (channel == null) {
            return;
        }
        if (was == TransportState.END_HELD) {
            endSoon();
            return;
        }
        channel.config().setAutoRead(false);
        OffLoopWrites.flushFirst(this);
        unflushedWrites = 0;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void abort() {
        forceClose();
    }

    /** asyncio's {@code _force_close}: reads stop, queued writes are dropped, the channel closes. */
    void forceClose() {
        TransportState was = state;
        on(TransportState.Event.ABORT);
        reading = false;
        outside.drop();
        if (channel == null) {
            return;
        }
        if (was == TransportState.END_HELD) {
            endSoon();
        } else if (!was.ended()) {
            channel.close();
        }
    }

    /**
     * Ends a connection whose channel is inactive already but whose end waited, held back by pauseReading: the
     * protocol hears connectionLost soon, as asyncio calls it (never inside the close or abort call).
     */
    private void endSoon() {
        HeldBack.release(this);
        loop.callSoon(this::connectionLostOnce);
    }

    /**
     * Moves the connection's life on.
     *
     * @param event what happened
     */
    void on(TransportState.Event event) {
        state = state.on(event);
    }

    /**
     * asyncio's {@code _fatal_error} for a protocol callback that threw: reported, and the transport aborted.
     *
     * @param t what the callback threw
     * @param message asyncio's message, for example "Fatal error: protocol.data_received() call failed."
     */
    void fatalError(Throwable t, String message) {
        if (failure == null) {
            failure = t;
        }
        ProtocolFailures.report(loop, message, t, this, protocol);
        forceClose();
    }

    @Override
    public boolean isClosing() {
        return state.closing();
    }

    @Override
    public Object getExtraInfo(String name) {
        if (channel == null) {
            return null;
        }
        return switch (name) {
            case "peername" -> channel.remoteAddress();
            case "sockname" -> channel.localAddress();
            case "socket" -> channel;
            case "sslcontext", "ssl_object", "peercert", "cipher" -> tls.extraInfo(name);
            default -> null;
        };
    }

    @Override
    public void pauseReading() {
        if (state.closing() || !reading) {
            return;
        }
        reading = false;
        channel.config().setAutoRead(false);
    }

    @Override
    public void resumeReading() {
        if (reading || !state.delivers()) {
            return;
        }
        reading = true;
        if (HeldBack.deliver(this) && reading && !state.closing() && channel.isActive()) {
            channel.config().setAutoRead(true);
        }
    }

    @Override
    public boolean isReading() {
        return reading && !state.closing();
    }

    @Override
    public void setWriteBufferLimits(int newHigh, int newLow) {
        FlowControl.of(this).setLimits(newHigh, newLow);
    }

    /**
     * The bytes written to this transport and not yet to the socket: Netty's pending count, less its per-message
     * overhead and the part of the first message already sent. O(1), no allocation.
     */
    @Override
    public long getWriteBufferSize() {
        if (channel == null || state.forceClosed()) {
            // asyncio's _force_close clears the buffer before abort() returns; Netty drops its outbound buffer only
            // when its close runs, which off the loop's thread is later.
            return 0;
        }
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        if (out == null) {
            return 0;
        }
        // With TLS, unflushed writes wait in the SslHandler, which counts their bytes without overhead.
        return FlowControl.pendingBytes(out, tls.encrypted() ? 0 : unflushedWrites) + outside.bytes();
    }

    @Override
    public int[] getWriteBufferLimits() {
        FlowControl f = flow;
        return f != null ? f.limits() : FlowControl.defaultLimits();
    }

    @Override
    public BaseProtocol getProtocol() {
        return protocol;
    }

    @Override
    public void setProtocol(BaseProtocol value) {
        protocol = value;
    }

    @Override
    public String toString() {
        return "<TcpTransport " + (channel == null ? "unconnected" : channel.localAddress() + " -> "
                + channel.remoteAddress()) + (state.closing() ? " closing" : "") + ">";
    }
}
