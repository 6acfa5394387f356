/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.transport.internal.OsErrors;
import io.jasyncio.ConnectionOptions;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Makes the netty-handler {@link SslHandler} of a connection from a JDK {@link SSLContext} and asyncio's TLS
 * options, and turns Netty's handshake timeout into asyncio's error.
 */
final class TlsHandlers {

    private TlsHandlers() {
    }

    /**
     * asyncio's ValueErrors for TLS-only options given without TLS.
     *
     * @param ssl the context, or {@code null}
     * @param handshakeTimeout the handshake timeout, or {@code null}
     * @param shutdownTimeout the shutdown timeout, or {@code null}
     * @throws IllegalArgumentException "ssl_handshake_timeout is only meaningful with ssl", and the same for the
     *     shutdown timeout
     */
    static void checkOptions(SSLContext ssl, Double handshakeTimeout, Double shutdownTimeout) {
        if (ssl == null && handshakeTimeout != null) {
            throw new IllegalArgumentException("ssl_handshake_timeout is only meaningful with ssl");
        }
        if (ssl == null && shutdownTimeout != null) {
            throw new IllegalArgumentException("ssl_shutdown_timeout is only meaningful with ssl");
        }
    }

    /**
     * The handler of a server's end.
     *
     * @param ssl the server's context
     * @param handshakeTimeout seconds, or {@code null} for asyncio's 60
     * @param shutdownTimeout seconds, or {@code null} for asyncio's 30
     * @return a new handler
     */
    static SslHandler server(SSLContext ssl, Double handshakeTimeout, Double shutdownTimeout) {
        SSLEngine engine = ssl.createSSLEngine();
        engine.setUseClientMode(false);
        return configure(new SslHandler(engine), handshakeTimeout, shutdownTimeout);
    }

    /**
     * The handler of a client's end. With a server name, the JDK sends it as SNI (when it is not an IP address) and
     * checks the certificate against it (endpoint identification "HTTPS"); with {@code ""}, neither.
     *
     * @param ssl the client's context
     * @param serverHostname the server's name, or {@code ""}
     * @param port the server's port (the session cache's key)
     * @param handshakeTimeout seconds, or {@code null} for asyncio's 60
     * @param shutdownTimeout seconds, or {@code null} for asyncio's 30
     * @return a new handler
     */
    static SslHandler client(SSLContext ssl, String serverHostname, int port, Double handshakeTimeout,
            Double shutdownTimeout) {
        return client(ssl, serverHostname, port, !serverHostname.isEmpty(), handshakeTimeout, shutdownTimeout);
    }

    /**
     * The handler of a client's end, the peer's name used as the session cache's key (and SNI) with or without
     * checking the certificate against it.
     *
     * @param ssl the client's context
     * @param peerHost the server's name or address, or {@code ""} for none
     * @param port the server's port
     * @param checkName whether the certificate must match {@code peerHost} (endpoint identification "HTTPS")
     * @param handshakeTimeout seconds, or {@code null} for asyncio's 60
     * @param shutdownTimeout seconds, or {@code null} for asyncio's 30
     * @return a new handler
     */
    static SslHandler client(SSLContext ssl, String peerHost, int port, boolean checkName, Double handshakeTimeout,
            Double shutdownTimeout) {
        SSLEngine engine = peerHost.isEmpty() ? ssl.createSSLEngine() : ssl.createSSLEngine(peerHost, port);
        if (checkName) {
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(params);
        }
        engine.setUseClientMode(true);
        return configure(new SslHandler(engine), handshakeTimeout, shutdownTimeout);
    }

    /**
     * Sets asyncio's timeouts on a handler.
     *
     * @param handler the handler
     * @param handshakeTimeout seconds, or {@code null} for asyncio's 60
     * @param shutdownTimeout seconds, or {@code null} for asyncio's 30
     * @return the handler
     */
    private static SslHandler configure(SslHandler handler, Double handshakeTimeout, Double shutdownTimeout) {
        handler.setHandshakeTimeoutMillis(millis(handshakeTimeout, ConnectionOptions.DEFAULT_SSL_HANDSHAKE_TIMEOUT));
        handler.setCloseNotifyFlushTimeoutMillis(millis(shutdownTimeout,
                ConnectionOptions.DEFAULT_SSL_SHUTDOWN_TIMEOUT));
        return handler;
    }

    private static long millis(Double seconds, double orElse) {
        return Math.max(1, Math.round((seconds == null ? orElse : seconds) * 1000));
    }

    /**
     * The error a failed handshake gives the caller, as asyncio's: a {@link io.jasyncio.ConnectionAbortedError} for a
     * timeout, an {@link io.jasyncio.SSLError} for a TLS failure, the connection's {@link io.jasyncio.OSError} when it
     * was lost during the handshake.
     *
     * @param cause the handshake's failure
     * @param handshakeTimeout the timeout in force, or {@code null} for the default
     * @return the error to report
     */
    static Throwable handshakeError(Throwable cause, Double handshakeTimeout) {
        if (!(cause instanceof SslHandshakeTimeoutException)) {
            return OsErrors.of(cause);
        }
        double seconds = handshakeTimeout == null ? ConnectionOptions.DEFAULT_SSL_HANDSHAKE_TIMEOUT : handshakeTimeout;
        return OsErrors.handshakeTimedOut(seconds, cause);
    }

    /**
     * The peer's certificate, for {@code getExtraInfo("peercert")}.
     *
     * @param handler the connection's TLS handler, or {@code null} for a plain connection
     * @return the first certificate of the peer's chain, or {@code null} (plain, or the peer sent none)
     */
    static java.security.cert.Certificate peerCertificate(SslHandler handler) {
        if (handler == null) {
            return null;
        }
        try {
            java.security.cert.Certificate[] certs = handler.engine().getSession().getPeerCertificates();
            return certs.length == 0 ? null : certs[0];
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
    }
}
