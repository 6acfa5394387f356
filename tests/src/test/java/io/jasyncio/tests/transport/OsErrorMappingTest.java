/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jasyncio.BrokenPipeError;
import io.jasyncio.ConnectionAbortedError;
import io.jasyncio.ConnectionRefusedError;
import io.jasyncio.ConnectionResetError;
import io.jasyncio.Errno;
import io.jasyncio.GaiError;
import io.jasyncio.OSError;
import io.jasyncio.SSLError;
import io.jasyncio.transport.internal.OsErrors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import org.junit.jupiter.api.Test;

/** What the JDK and Netty throw, and the asyncio exception it becomes; the messages are Python's. */
class OsErrorMappingTest {

    /** Python: str(OSError(111, 'x')) is '[Errno 111] x', and OSError(errno, ...) picks the subclass. */
    @Test
    void testOsErrorStrAndSubclassByErrno() {
        OSError e = OSError.of(Errno.ECONNREFUSED, "Connect call failed ('127.0.0.1', 1)", null);
        assertInstanceOf(ConnectionRefusedError.class, e);
        assertEquals("[Errno 111] Connect call failed ('127.0.0.1', 1)", e.getMessage());
        assertEquals(111, e.errno());
        assertInstanceOf(ConnectionResetError.class, OSError.of(Errno.ECONNRESET, "x", null));
        assertInstanceOf(ConnectionAbortedError.class, OSError.of(Errno.ECONNABORTED, "x", null));
        assertInstanceOf(BrokenPipeError.class, OSError.of(Errno.EPIPE, "x", null));
        assertEquals(OSError.class, OSError.of(Errno.EADDRINUSE, "x", null).getClass());
        OSError plain = new ConnectionResetError("Connection lost", null);
        assertEquals("Connection lost", plain.getMessage());
        assertEquals(0, plain.errno());
        assertNull(plain.strerror());
    }

    /** UncheckedIOException needs an IOException cause: another cause is wrapped, and kept as its cause. */
    @Test
    void testNonIoCauseIsWrapped() {
        IllegalStateException original = new IllegalStateException("boom");
        OSError e = new OSError("failed", original);
        assertSame(original, e.getCause().getCause());
        IOException io = new IOException("io");
        assertSame(io, new OSError("failed", io).getCause());
    }

    @Test
    void testJdkExceptions() {
        check(ConnectionRefusedError.class, 111, new java.net.ConnectException("Connection refused"));
        check(ConnectionResetError.class, 104, new java.net.SocketException("Connection reset"));
        check(ConnectionResetError.class, 104, new IOException("Connection reset by peer"));
        check(BrokenPipeError.class, 32, new IOException("Broken pipe"));
        check(OSError.class, 98, new java.net.BindException("Address already in use"));
        check(OSError.class, 113, new java.net.NoRouteToHostException("no route"));
        check(ConnectionResetError.class, 0, new java.nio.channels.ClosedChannelException());
        check(GaiError.class, -2, new java.net.UnknownHostException("nowhere: Name or service not known"));
        check(GaiError.class, -3, new java.net.UnknownHostException("x: Temporary failure in name resolution"));
        check(GaiError.class, -2, new java.nio.channels.UnresolvedAddressException());
        check(SSLError.class, 0, new javax.net.ssl.SSLHandshakeException("PKIX path building failed"));
        check(OSError.class, 0, new IOException("something else"));
    }

    @Test
    void testNettyExceptions() {
        check(OSError.class, 110, new io.netty.channel.ConnectTimeoutException("connection timed out after 1 ms"));
        check(SSLError.class, 0, new io.netty.handler.codec.DecoderException(
                new javax.net.ssl.SSLHandshakeException("bad certificate")));
    }

    /** Netty's native exception carries the error number (its message needs the native library loaded). */
    @Test
    void testNativeIoExceptions() {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.netty.channel.epoll.Epoll.isAvailable(), "no epoll here");
        check(ConnectionResetError.class, 104, new io.netty.channel.unix.Errors.NativeIoException("recvAddress",
                -Errno.ECONNRESET));
        check(BrokenPipeError.class, 32, new io.netty.channel.unix.Errors.NativeIoException("writevAddresses",
                -Errno.EPIPE));
    }

    /** What is not an I/O failure (a protocol's own exception) is left alone; an OSError stays as it is. */
    @Test
    void testOtherExceptionsAreLeftAlone() {
        IllegalStateException e = new IllegalStateException("protocol bug");
        assertSame(e, OsErrors.of(e));
        OSError os = new OSError("x", null);
        assertSame(os, OsErrors.of(os));
    }

    /** base_events.create_server's message, and create_unix_server's. */
    @Test
    void testBindFailedMessages() {
        Throwable tcp = OsErrors.bindFailed(new InetSocketAddress("127.0.0.1", 8888),
                new java.net.BindException("Address already in use"));
        assertEquals("[Errno 98] error while attempting to bind on address ('127.0.0.1', 8888): address already in use",
                tcp.getMessage());
        Throwable v6 = OsErrors.bindFailed(new InetSocketAddress("::1", 8888),
                new java.net.BindException("Address already in use"));
        assertEquals("[Errno 98] error while attempting to bind on address ('::1', 8888, 0, 0): address already in use",
                v6.getMessage());
        Throwable unix = OsErrors.bindFailed(UnixDomainSocketAddress.of("/tmp/s"),
                new java.net.BindException("Address already in use"));
        assertEquals("[Errno 98] Address '/tmp/s' is already in use", unix.getMessage());
    }

    /** sock_connect's message for an internet address. */
    @Test
    void testConnectFailedMessage() {
        Throwable e = OsErrors.connectFailed(new InetSocketAddress("127.0.0.1", 1), null,
                new java.net.ConnectException("Connection refused"));
        assertInstanceOf(ConnectionRefusedError.class, e);
        assertEquals("[Errno 111] Connect call failed ('127.0.0.1', 1)", e.getMessage());
    }

    private static void check(Class<? extends OSError> type, int errno, Throwable thrown) {
        Throwable mapped = OsErrors.of(thrown);
        assertEquals(type, mapped.getClass(), thrown.toString());
        assertEquals(errno, ((OSError) mapped).errno(), thrown.toString());
        Throwable cause = mapped.getCause();
        assertSame(thrown, cause instanceof IOException && cause != thrown && cause.getCause() == thrown
                ? cause.getCause() : cause, "the original is kept as the cause");
    }
}
