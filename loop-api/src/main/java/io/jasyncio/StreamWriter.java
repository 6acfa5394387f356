/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The writing side of a stream connection: {@link #write} buffers at once, {@link #drain()} suspends the current
 * task while the transport's write buffer is over its high-water mark. Loop thread only.
 *
 * @asyncio asyncio.StreamWriter
 */
public final class StreamWriter {
    private Transport transport;
    private final StreamReaderProtocol protocol;
    private final StreamReader reader;
    private final EventLoop loop;

    /**
     * Wraps a transport.
     *
     * @param transport the transport
     * @param protocol the transport's protocol, whose flow control {@link #drain()} waits on
     * @param reader the reader of the same connection (its exception fails {@link #drain()}), or {@code null}
     * @param loop the loop
     * @asyncio asyncio.StreamWriter(transport, protocol, reader, loop)
     */
    public StreamWriter(Transport transport, StreamReaderProtocol protocol, StreamReader reader, EventLoop loop) {
        this.transport = transport;
        this.protocol = protocol;
        this.reader = reader;
        this.loop = loop;
    }

    /**
     * The transport.
     *
     * @return the transport
     * @asyncio StreamWriter.transport
     */
    public Transport transport() {
        return transport;
    }

    /**
     * Writes bytes (copied); call {@link #drain()} after.
     *
     * @param data the bytes
     * @asyncio StreamWriter.write(data)
     */
    public void write(byte[] data) {
        transport.write(data);
    }

    /**
     * Writes bytes (copied).
     *
     * @param data the bytes
     * @asyncio StreamWriter.write(data)
     */
    public void write(ByteBuffer data) {
        transport.write(data);
    }

    /**
     * Writes several buffers.
     *
     * @param data the buffers
     * @asyncio StreamWriter.writelines(data)
     */
    public void writelines(List<ByteBuffer> data) {
        transport.writelines(data);
    }

    /**
     * Waits until it is appropriate to write more: returns at once unless writing is paused.
     *
     * @throws ConnectionResetError "Connection lost" once the connection is lost, with its error as the cause; or the
     *     reader's exception first: the {@link OSError} the connection failed with ({@link ConnectionResetError}
     *     {@code [Errno 104] Connection reset by peer} after a reset, {@link BrokenPipeError} after a write to a peer
     *     that had gone)
     * @asyncio await StreamWriter.drain()
     */
    public void drain() {
        Throwable exc = reader == null ? null : reader.exception();
        if (exc != null) {
            throw Asyncio.<RuntimeException>sneaky(exc);
        }
        if (transport.isClosing()) {
            // Yield so that connectionLost can run, as asyncio does, then report it.
            Asyncio.sleep(0);
        }
        protocol.drainHelper();
    }

    /**
     * Whether {@link #writeEof()} is supported.
     *
     * @return {@code true} for TCP
     * @asyncio StreamWriter.can_write_eof()
     */
    public boolean canWriteEof() {
        return transport.canWriteEof();
    }

    /**
     * Closes the write end after flushing.
     *
     * @asyncio StreamWriter.write_eof()
     */
    public void writeEof() {
        transport.writeEof();
    }

    /**
     * Closes the stream (flushing); {@link #waitClosed()} waits for the end.
     *
     * @asyncio StreamWriter.close()
     */
    public void close() {
        transport.close();
    }

    /**
     * Whether the stream is closing or closed.
     *
     * @return the transport's state
     * @asyncio StreamWriter.is_closing()
     */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * Suspends the current task until the connection is closed.
     *
     * @asyncio await StreamWriter.wait_closed()
     */
    public void waitClosed() {
        Asyncio.await(protocol.closedFuture());
    }

    /**
     * Information about the connection, as {@link Transport#getExtraInfo}.
     *
     * @param name the key
     * @return the value or {@code null}
     * @asyncio StreamWriter.get_extra_info(name)
     */
    public Object getExtraInfo(String name) {
        return transport.getExtraInfo(name);
    }

    /**
     * Information about the connection, or a default.
     *
     * @param name the key
     * @param defaultValue what to answer when the transport has no such information
     * @return the value or {@code defaultValue}
     * @asyncio StreamWriter.get_extra_info(name, default)
     */
    public Object getExtraInfo(String name, Object defaultValue) {
        Object value = transport.getExtraInfo(name);
        return value != null ? value : defaultValue;
    }

    /**
     * Upgrades the connection to TLS (STARTTLS), suspending the current task until the handshake is done: what was
     * written before is flushed first, what is written and read after is encrypted. A server's end (the writer given
     * to a client-connected callback) takes the server's side of the handshake. The reader carries on.
     *
     * @param sslContext the TLS context
     * @throws SSLError when the handshake fails, as {@link #startTls(javax.net.ssl.SSLContext, String, Double)}
     * @asyncio await StreamWriter.start_tls(sslcontext)
     */
    public void startTls(javax.net.ssl.SSLContext sslContext) {
        startTls(sslContext, null);
    }

    /**
     * Upgrades the connection to TLS, checking the server's certificate against {@code serverHostname}.
     *
     * @param sslContext the TLS context
     * @param serverHostname the name the server's certificate must match (client side), or {@code null}
     * @throws SSLError when the handshake fails, as {@link #startTls(javax.net.ssl.SSLContext, String, Double)}
     * @asyncio await StreamWriter.start_tls(sslcontext, server_hostname=server_hostname)
     */
    public void startTls(javax.net.ssl.SSLContext sslContext, String serverHostname) {
        startTls(sslContext, serverHostname, null);
    }

    /**
     * Upgrades the connection to TLS with a limit on the handshake.
     *
     * <p>Raises {@link javax.net.ssl.SSLHandshakeException} "SSL handshake is taking longer than N seconds: aborting
     * the connection", and the other handshake failures.
     *
     * @param sslContext the TLS context
     * @param serverHostname the name the server's certificate must match (client side), or {@code null}
     * @param sslHandshakeTimeout seconds the handshake may take, or {@code null} for asyncio's 60
     * @throws ConnectionAbortedError "SSL handshake is taking longer than N seconds: aborting the connection"
     * @throws SSLError when the handshake fails (an untrusted certificate, a name that does not match)
     * @throws ConnectionResetError when the connection is lost before or during the handshake
     * @asyncio await StreamWriter.start_tls(sslcontext, server_hostname=server_hostname,
     *     ssl_handshake_timeout=sslHandshakeTimeout)
     */
    public void startTls(javax.net.ssl.SSLContext sslContext, String serverHostname, Double sslHandshakeTimeout) {
        java.util.Objects.requireNonNull(sslContext, "sslContext");
        drain();
        Transport upgraded = Asyncio.await(loop.startTls(transport, protocol, sslContext, protocol.isServerSide(),
                serverHostname, sslHandshakeTimeout, null));
        transport = upgraded;
        protocol.replaceTransport(upgraded);
    }

    /**
     * The loop.
     *
     * @return the loop
     */
    public EventLoop getLoop() {
        return loop;
    }

    @Override
    public String toString() {
        return "<StreamWriter transport=" + transport + (reader != null ? " reader=" + reader : "") + ">";
    }
}
