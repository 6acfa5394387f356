/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.BaseProtocol;
import io.jasyncio.Future;
import io.jasyncio.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A connection's TLS, for {@link TcpTransport}: the context and the handler it encrypts with, who waits for the
 * handshake (a connect or a server's accept), and the pending upgrade of {@code startTls}. A plain connection has
 * no handler, and no layer of its own: it shares {@link #PLAIN} until {@link #of} makes its own. The static methods
 * are the transport's TLS steps ({@link #startTls}, {@link #handshakeDone}), kept here beside the state they use.
 * Loop thread only.
 */
final class TlsLayer {
    /**
     * The layer of every plain connection: no context, no handler, no upgrade, no listener. A transport makes its own
     * before it sets any of them, so this one is never written to and loops on any thread may share it.
     */
    static final TlsLayer PLAIN = new TlsLayer();

    /** The TLS context the connection was encrypted with: {@code getExtraInfo("sslcontext")}. */
    private SSLContext context;
    /** The TLS handler, when the connection is encrypted: connectionMade waits for its handshake. */
    private SslHandler handler;
    private Consumer<Throwable> handshakeListener;
    /** The pending upgrade of startTls, completed by the handshake. */
    private Future<Transport> upgrade;
    private Double upgradeHandshakeTimeout;

    /**
     * A transport's own layer, made the first time it is needed: a plain connection never needs one.
     *
     * @param t the transport
     * @return its layer, never {@link #PLAIN}
     */
    static TlsLayer of(TcpTransport t) {
        TlsLayer tls = t.tls;
        if (tls == PLAIN) {
            tls = new TlsLayer();
            t.tls = tls;
        }
        return tls;
    }

    /**
     * asyncio's {@code start_tls} on a transport: an SslHandler goes in front of it; what is written from now on is
     * encrypted (earlier writes already passed it), what is read is decrypted.
     *
     * @param t the transport
     * @param sslContext the TLS context
     * @param serverSide whether this is the server's end
     * @param serverHostname the name to check the server's certificate against, or {@code null}
     * @param newProtocol the protocol from now on
     * @param handshakeTimeout seconds, or {@code null} for asyncio's 60
     * @param shutdownTimeout seconds, or {@code null} for asyncio's 30
     * @return a future of the transport, completed by the handshake (see {@link #handshakeDone}); failed at once when
     *     the transport is encrypted already, closing or not connected
     */
    static Future<Transport> startTls(TcpTransport t, SSLContext sslContext, boolean serverSide,
            String serverHostname, BaseProtocol newProtocol, Double handshakeTimeout, Double shutdownTimeout) {
        Future<Transport> f = t.loop().createFuture();
        Channel channel = t.channel();
        ChannelHandlerContext ctx = channel == null ? null : channel.pipeline().context(t);
        if (t.tls.encrypted() || t.state.closing() || ctx == null) {
            f.setException(new IllegalStateException("cannot start TLS on " + t
                    + (t.tls.encrypted() ? ": it is encrypted already" : ": it is not connected")));
            return f;
        }
        t.protocol = newProtocol;
        channel.pipeline().addBefore(ctx.name(), null, of(t).upgrade(sslContext, serverSide, serverHostname,
                channel, handshakeTimeout, shutdownTimeout, f));
        return f;
    }

    /**
     * The end of a transport's TLS handshake: a {@code startTls} upgrade's future completes, or a connection made
     * encrypted is made ({@code connectionMade}); a failure fails the upgrade or tells whoever waits for the
     * connection, and aborts the transport.
     *
     * @param t the transport
     * @param hs Netty's event
     */
    static void handshakeDone(TcpTransport t, SslHandshakeCompletionEvent hs) {
        TlsLayer tls = t.tls;
        Future<Transport> upgraded = tls.takeUpgrade();
        if (hs.isSuccess()) {
            if (upgraded != null) {
                upgraded.setResult(t);
            } else {
                t.made();
            }
        } else {
            // As asyncio: the protocol hears nothing more of a failed upgrade, and no connectionLost follows a
            // connectionMade that never ran.
            t.on(TransportState.Event.HANDSHAKE_FAILED);
            if (upgraded != null) {
                upgraded.setException(tls.upgradeError(hs.cause()));
            } else {
                tls.handshakeFailed(hs.cause());
            }
            t.forceClose();
        }
    }

    /** Records the TLS context whose handler the connection's pipeline holds. */
    void context(SSLContext sslContext) {
        context = sslContext;
    }

    /** Whoever waits for the handshake: told {@code null} once connectionMade ran, or the failure. */
    void onHandshake(Consumer<Throwable> listener) {
        handshakeListener = listener;
    }

    /**
     * Finds the TLS handler the pipeline was set up with, when the connection becomes active.
     *
     * @return whether the connection is encrypted
     */
    boolean find(ChannelPipeline pipeline) {
        handler = pipeline.get(SslHandler.class);
        return handler != null;
    }

    boolean encrypted() {
        return handler != null;
    }

    /** connectionMade ran: the handshake's waiter, if any, hears of it. */
    void made() {
        if (handshakeListener != null) {
            handshakeListener.accept(null);
        }
    }

    /** The handshake of a connection made encrypted failed: its waiter hears why. */
    void handshakeFailed(Throwable cause) {
        if (handshakeListener != null) {
            handshakeListener.accept(cause);
        }
    }

    /**
     * Makes the handler of a {@code startTls} upgrade and records the upgrade's future; the caller puts the handler
     * in the pipeline.
     *
     * @param sslContext the TLS context
     * @param serverSide whether this is the server's end
     * @param serverHostname the name to check the server's certificate against, or {@code null}
     * @param channel the connection's channel
     * @param handshakeTimeout seconds, or {@code null} for asyncio's 60
     * @param shutdownTimeout seconds, or {@code null} for asyncio's 30
     * @param done completed by the handshake
     * @return the handler
     */
    SslHandler upgrade(SSLContext sslContext, boolean serverSide, String serverHostname, Channel channel,
            Double handshakeTimeout, Double shutdownTimeout, Future<Transport> done) {
        SslHandler made;
        if (serverSide) {
            made = TlsHandlers.server(sslContext, handshakeTimeout, shutdownTimeout);
        } else if (channel.remoteAddress() instanceof java.net.InetSocketAddress inet) {
            made = TlsHandlers.client(sslContext, serverHostname != null ? serverHostname : inet.getHostString(),
                    inet.getPort(), serverHostname != null, handshakeTimeout, shutdownTimeout);
        } else {
            made = TlsHandlers.client(sslContext, "", 0, false, handshakeTimeout, shutdownTimeout);
        }
        upgrade = done;
        upgradeHandshakeTimeout = handshakeTimeout;
        context = sslContext;
        handler = made;
        return made;
    }

    /**
     * Takes the pending upgrade, if the handshake that just ended was one.
     *
     * @return the upgrade's future, or {@code null}
     */
    Future<Transport> takeUpgrade() {
        Future<Transport> f = upgrade;
        if (f == null) {
            return null; // nothing to clear, and PLAIN is not written to
        }
        upgrade = null;
        return f;
    }

    /** The error a failed upgrade gives its caller: asyncio's for a timeout. */
    Throwable upgradeError(Throwable cause) {
        return TlsHandlers.handshakeError(cause, upgradeHandshakeTimeout);
    }

    /**
     * {@code getExtraInfo} for the TLS names.
     *
     * @param name {@code sslcontext}, {@code ssl_object}, {@code peercert} or {@code cipher}
     * @return the value, or {@code null} on a plain connection
     */
    Object extraInfo(String name) {
        if (handler == null) {
            return null;
        }
        return switch (name) {
            case "sslcontext" -> context;
            case "ssl_object" -> handler.engine();
            case "peercert" -> TlsHandlers.peerCertificate(handler);
            case "cipher" -> handler.engine().getSession().getCipherSuite();
            default -> null;
        };
    }
}
