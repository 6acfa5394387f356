/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal;

import io.jasyncio.ConnectionAbortedError;
import io.jasyncio.ConnectionResetError;
import io.jasyncio.Errno;
import io.jasyncio.GaiError;
import io.jasyncio.OSError;
import io.jasyncio.SSLError;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.Errors;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what the JDK and Netty throw into asyncio's {@link OSError} family, the original kept as the cause. The error
 * number comes from Netty's native exception ({@code Errors.NativeIoException.expectedErr()}) when there is one, else
 * from the exception's type, else from the system's text in its message ({@code "Connection reset by peer"}).
 *
 * <table>
 * <caption>What is thrown underneath and what the caller gets</caption>
 * <tr><th>thrown</th><th>becomes</th></tr>
 * <tr><td>{@code ConnectException} (refused)</td><td>{@code ConnectionRefusedError} 111</td></tr>
 * <tr><td>{@code io.netty.channel.ConnectTimeoutException}</td><td>{@code OSError} 110</td></tr>
 * <tr><td>{@code NoRouteToHostException}</td><td>{@code OSError} 113</td></tr>
 * <tr><td>{@code BindException}</td><td>{@code OSError} 98 (or the number its text names)</td></tr>
 * <tr><td>{@code SocketException "Connection reset"}, native {@code ECONNRESET}</td>
 *     <td>{@code ConnectionResetError} 104</td></tr>
 * <tr><td>native or JDK {@code EPIPE}</td><td>{@code BrokenPipeError} 32</td></tr>
 * <tr><td>{@code ClosedChannelException}</td><td>{@code ConnectionResetError "Connection lost"}</td></tr>
 * <tr><td>{@code SSLException} (also wrapped in Netty's {@code DecoderException})</td><td>{@code SSLError}</td></tr>
 * <tr><td>{@code UnknownHostException}, {@code UnresolvedAddressException}</td>
 *     <td>{@code GaiError} -2 (-3 for a temporary failure)</td></tr>
 * <tr><td>{@code NoSuchFileException}, {@code AccessDeniedException}</td>
 *     <td>{@code OSError} 2, 13: {@code [Errno 2] No such file or directory: 'path'}</td></tr>
 * <tr><td>any other {@code IOException}</td><td>{@code OSError} with the number its text names, else 0</td></tr>
 * </table>
 * An {@code OSError} stays as it is; what is not an I/O failure (a protocol's own exception) is not touched.
 */
public final class OsErrors {
    /** The error numbers whose text a message is searched for, longer texts before their prefixes. */
    private static final int[] BY_TEXT = {Errno.ECONNRESET, Errno.ECONNREFUSED, Errno.EPIPE, Errno.EADDRINUSE,
        Errno.EADDRNOTAVAIL, Errno.ENETDOWN, Errno.ENETUNREACH, Errno.ECONNABORTED, Errno.ENOTCONN, Errno.ESHUTDOWN,
        Errno.ETIMEDOUT, Errno.EHOSTDOWN, Errno.EHOSTUNREACH, Errno.ENOENT, Errno.EBADF, Errno.EACCES, Errno.EINVAL};

    private OsErrors() {
    }

    /**
     * asyncio's exception for a failure underneath.
     *
     * @param t what was thrown
     * @return an {@link OSError} for an I/O failure; {@code t} itself when it is one already or no I/O failure
     */
    public static Throwable of(Throwable t) {
        if (t instanceof OSError) {
            return t;
        }
        Throwable root = t instanceof DecoderException && t.getCause() != null ? t.getCause() : t;
        if (root instanceof OSError) {
            return root;
        }
        if (root instanceof SSLException) {
            return new SSLError(message(root), t);
        }
        if (root instanceof UnknownHostException || root instanceof UnresolvedAddressException) {
            return gaiError(t);
        }
        if (root instanceof ClosedChannelException) {
            return new ConnectionResetError("Connection lost", t);
        }
        if (root instanceof java.nio.file.FileSystemException f) {
            int errno = f instanceof java.nio.file.NoSuchFileException ? Errno.ENOENT
                    : f instanceof java.nio.file.AccessDeniedException ? Errno.EACCES : byText(f.getReason());
            if (errno != 0) {
                String strerror = Errno.strerror(errno);
                return new OSError(errno, strerror, "[Errno " + errno + "] " + strerror + ": '" + f.getFile() + "'", t);
            }
        }
        if (root instanceof UncheckedIOException u && u.getCause() != null) {
            return of(u.getCause());
        }
        if (!(root instanceof IOException)) {
            return t;
        }
        int errno = errno(root);
        return errno == 0 ? new OSError(message(root), t) : OSError.of(errno, Errno.strerror(errno), t);
    }

    /**
     * asyncio's exception for a failed connect: {@code [Errno 111] Connect call failed ('127.0.0.1', 1)} for an
     * internet address, the system's words ({@code [Errno 2] No such file or directory}) for a Unix socket, which
     * connects at once. A local address that could not be bound gives asyncio's bind error ({@link #bindFailed}).
     *
     * @param address where the connect went
     * @param localAddress the local address bound first, or {@code null}
     * @param t what was thrown
     * @return the exception the connect's future fails with
     */
    public static Throwable connectFailed(SocketAddress address, SocketAddress localAddress, Throwable t) {
        Throwable mapped = of(t);
        if (localAddress != null && mapped instanceof OSError e
                && (e.errno() == Errno.EADDRINUSE || e.errno() == Errno.EADDRNOTAVAIL)) {
            return bindFailed(localAddress, t);
        }
        if (!(mapped instanceof OSError e) || e instanceof SSLError || e instanceof GaiError || e.errno() == 0
                || !(address instanceof InetSocketAddress)) {
            return mapped;
        }
        return OSError.of(e.errno(), "Connect call failed " + repr(address), t);
    }

    /**
     * asyncio's exception for a failed bind: {@code [Errno 98] error while attempting to bind on address
     * ('127.0.0.1', 8888): address already in use}, or for a Unix socket {@code [Errno 98] Address '/path' is already
     * in use}. The error number picks the type, as Python's {@code OSError(errno, msg)} does: a plain
     * {@link OSError} for {@link Errno#EADDRINUSE}.
     *
     * @param address the address being bound
     * @param t what was thrown
     * @return the exception the server's future fails with
     */
    public static Throwable bindFailed(SocketAddress address, Throwable t) {
        Throwable mapped = of(t);
        if (!(mapped instanceof OSError e) || e instanceof GaiError) {
            return mapped;
        }
        int errno = e.errno() != 0 ? e.errno() : Errno.EADDRINUSE;
        String strerror = e.strerror() != null ? e.strerror() : Errno.strerror(errno);
        if (address instanceof InetSocketAddress) {
            return OSError.of(errno, "error while attempting to bind on address " + repr(address) + ": "
                    + strerror.toLowerCase(Locale.ROOT), t);
        }
        if (errno == Errno.EADDRINUSE) {
            return OSError.of(errno, "Address '" + unixPath(address) + "' is already in use", t);
        }
        return mapped;
    }

    /**
     * A host name that did not resolve: {@code [Errno -2] Name or service not known}, or {@code -3} for a temporary
     * failure.
     *
     * @param t what the resolver threw
     * @return the error
     */
    public static GaiError gaiError(Throwable t) {
        String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        int errno = m.contains("temporary failure") ? Errno.EAI_AGAIN : Errno.EAI_NONAME;
        return new GaiError(errno, Errno.strerror(errno), t);
    }

    /**
     * asyncio's {@code Connection lost}: a drain or a send on a connection that has ended.
     *
     * @param cause why it ended, or {@code null}
     * @return the error
     */
    public static ConnectionResetError connectionLost(Throwable cause) {
        return new ConnectionResetError("Connection lost", cause);
    }

    /**
     * asyncio's error for a TLS handshake that took too long.
     *
     * @param seconds the timeout
     * @param cause Netty's timeout exception
     * @return {@code SSL handshake is taking longer than 60.0 seconds: aborting the connection}
     */
    public static ConnectionAbortedError handshakeTimedOut(double seconds, Throwable cause) {
        return new ConnectionAbortedError("SSL handshake is taking longer than " + seconds
                + " seconds: aborting the connection", cause);
    }

    /**
     * Python's {@code repr} of a socket address: {@code ('127.0.0.1', 8888)}, {@code ('::1', 8888, 0, 0)}, or the
     * quoted path of a Unix socket.
     *
     * @param address the address
     * @return its repr
     */
    public static String repr(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            // RFC 5952's form, as Python prints an IPv6 address: '::1', not '0:0:0:0:0:0:0:1'
            String host = inet.getAddress() == null ? inet.getHostString()
                    : io.netty.util.NetUtil.toAddressString(inet.getAddress());
            int zone = host.indexOf('%');
            if (zone >= 0) {
                host = host.substring(0, zone);
            }
            return "('" + host + "', " + inet.getPort() + (inet.getAddress() instanceof Inet6Address ? ", 0, 0" : "")
                    + ")";
        }
        return "'" + unixPath(address) + "'";
    }

    private static String unixPath(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress u) {
            return u.getPath().toString();
        }
        return address instanceof DomainSocketAddress d ? d.path() : String.valueOf(address);
    }

    /** The error number of an I/O failure, 0 when nothing tells it. */
    private static int errno(Throwable t) {
        if (t instanceof Errors.NativeIoException n && n.expectedErr() != 0) {
            return Math.abs(n.expectedErr());
        }
        int byText = byText(t.getMessage());
        if (byText != 0) {
            return byText;
        }
        if (t instanceof ConnectTimeoutException) {
            return Errno.ETIMEDOUT;
        }
        if (t instanceof NoRouteToHostException) {
            return Errno.EHOSTUNREACH;
        }
        if (t instanceof java.net.ConnectException || t instanceof java.net.PortUnreachableException) {
            return Errno.ECONNREFUSED;
        }
        if (t instanceof java.net.BindException) {
            return Errno.EADDRINUSE;
        }
        if (t instanceof java.io.FileNotFoundException) {
            return Errno.ENOENT; // Netty's for a Unix socket path that does not exist
        }
        return 0;
    }

    private static int byText(String message) {
        if (message == null) {
            return 0;
        }
        String m = message.toLowerCase(Locale.ROOT);
        for (int errno : BY_TEXT) {
            if (m.contains(Errno.strerror(errno).toLowerCase(Locale.ROOT))) {
                return errno;
            }
        }
        return m.contains("connection reset") ? Errno.ECONNRESET : 0;
    }

    private static String message(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
