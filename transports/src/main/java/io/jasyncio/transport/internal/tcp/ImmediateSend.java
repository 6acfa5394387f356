/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.tcp;

import io.jasyncio.internal.SystemProperties;
import io.jasyncio.transport.internal.sock.NonBlocking;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.epoll.AbstractEpollStreamChannel;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * asyncio's first move in {@code write()}: when nothing is waiting to be written, send at once and buffer only what
 * the socket did not take ({@code _SelectorSocketTransport.write} calls {@code sock.send} before it copies anything;
 * uvloop does the same). Here that saves the pooled Netty buffer and its copy:
 * <ul>
 * <li>on epoll, a direct {@code ByteBuffer} is written from the caller's own memory ({@code write(2)} on the
 *     channel's descriptor); a heap one is copied into the loop thread's scratch buffer ({@value #SCRATCH_BYTES}
 *     bytes, direct, reused by every connection of the loop) and written from there, chunk by chunk while the socket
 *     takes whole chunks;</li>
 * <li>on NIO, the JDK socket of a {@link SendingNioSocketChannel} is written in its non-blocking mode: a direct
 *     buffer through a duplicate (the caller's position stays), a heap one through the same scratch buffer;</li>
 * <li>on io_uring, as on epoll ({@code write(2)} on the descriptor), for client connections, whose sockets Netty makes
 *     with {@code SOCK_NONBLOCK}, and for accepted ones once {@link #accepted} has made them non-blocking. Netty
 *     accepts a server's connections without {@code SOCK_NONBLOCK} (its accept passes no flags, since the ring never
 *     blocks), and offers no way to change that nor a send with {@code MSG_DONTWAIT} ({@code Socket.send} passes no
 *     flags): a synchronous write to a blocking socket whose peer stopped reading would block the loop's thread. So
 *     {@link #accepted} sets {@code O_NONBLOCK} itself ({@code fcntl(2)} through the JDK's foreign function API, as
 *     for an adopted descriptor), which puts the accepted socket in the state of Netty's own client sockets; the
 *     ring's operations do not mind it (the kernel retries a socket operation that would block by polling, whatever
 *     the file's flags). Where {@code fcntl} is out of reach (no native access) an accepted connection takes the
 *     queued path, one ring submission per flush; the ring's own send could not do better, being asynchronous: the
 *     memory would have to outlive the call, which is the copy this saves. A write is only tried with nothing
 *     queued, and Netty keeps a write in the outbound buffer until the ring completes it, so no ring write is ever in
 *     flight beside this one.</li>
 * </ul>
 * A connection with bytes already queued, a TLS connection (the caller checks) or another channel takes the usual
 * path, and so does every write with {@code -Djasyncio.transport.immediateSend=false} (to measure the difference).
 * The caller's buffer is only read: its position and limit do not move, whatever was sent.
 */
final class ImmediateSend {
    /** The scratch buffer's size: one chunk per {@code write(2)}, at most. */
    static final int SCRATCH_BYTES = 64 * 1024;

    /**
     * The loop thread's scratch buffer, for heap arrays; made on its first immediate heap write. A JDK thread local,
     * not Netty's FastThreadLocal: Netty clears those whenever its event loop stops running on the thread, which
     * here is at the end of every {@code runUntilComplete}, and a new direct buffer per run costs more than the copy.
     */
    private static final ThreadLocal<ByteBuffer> SCRATCH =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(SCRATCH_BYTES));

    /** Marks an io_uring accepted connection whose socket {@link #accepted} made non-blocking. */
    private static final AttributeKey<Boolean> NON_BLOCKING = AttributeKey.valueOf(ImmediateSend.class,
            "nonBlocking");

    private ImmediateSend() {
    }

    /**
     * Writes what the socket takes now, if the channel has nothing queued.
     *
     * @param channel the connection's channel, on its event loop's thread
     * @param data the bytes, between position and limit; not moved
     * @return how many were written: 0 when this path does not apply, the socket is full, or the write failed (the
     *     queued write that follows meets the error and closes the connection, as any other write)
     */
    static int trySend(Channel channel, ByteBuffer data) {
        if (!SystemProperties.IMMEDIATE_SEND) {
            return 0;
        }
        FileDescriptor fd = descriptor(channel);
        if (!sendsNow(channel, fd)) {
            return 0;
        }
        try {
            if (fd != null) {
                return data.isDirect() ? Math.max(0, fd.write(data, data.position(), data.limit()))
                        : throughScratch(fd, null, data);
            }
            java.nio.channels.SocketChannel socket = ((SendingNioSocketChannel) channel).socket();
            return data.isDirect() ? Math.max(0, socket.write(data.duplicate())) : throughScratch(null, socket, data);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Prepares a connection a server accepted: on io_uring, makes its socket non-blocking, so that it can be written
     * to at once. Other backends' accepted sockets are non-blocking already.
     *
     * @param channel the accepted connection's channel, on its event loop, before any write
     */
    static void accepted(Channel channel) {
        if (SystemProperties.IMMEDIATE_SEND && channel instanceof IoUringSocketChannel uring
                && NonBlocking.trySet(uring.fd().intValue())) {
            uring.attr(NON_BLOCKING).set(Boolean.TRUE);
        }
    }

    /**
     * {@link #trySend(Channel, ByteBuffer)} for an array: through the scratch buffer, with no {@code ByteBuffer} made
     * for the array.
     *
     * @param channel the connection's channel, on its event loop's thread
     * @param data the bytes, only read
     * @param offset where they start in {@code data}
     * @param length how many
     * @return how many bytes the socket took (0 when the usual path must take them all)
     */
    static int trySend(Channel channel, byte[] data, int offset, int length) {
        if (!SystemProperties.IMMEDIATE_SEND) {
            return 0;
        }
        FileDescriptor fd = descriptor(channel);
        if (!sendsNow(channel, fd)) {
            return 0;
        }
        java.nio.channels.SocketChannel socket = fd == null ? ((SendingNioSocketChannel) channel).socket() : null;
        ByteBuffer scratch = SCRATCH.get();
        int sent = 0;
        try {
            while (sent < length) {
                int chunk = Math.min(length - sent, SCRATCH_BYTES);
                scratch.clear().put(0, data, offset + sent, chunk).limit(chunk);
                int n = fd != null ? fd.write(scratch, 0, chunk) : socket.write(scratch);
                if (n <= 0) {
                    break;
                }
                sent += n;
                if (n < chunk) {
                    break; // the socket is full: the rest is queued
                }
            }
        } catch (IOException e) {
            return sent; // what was taken stays taken; the usual path meets the error with the rest
        }
        return sent;
    }

    /**
     * Whether a write may go to the socket now: it is non-blocking (a descriptor, or a sending NIO channel) and nothing
     * is queued before it.
     */
    private static boolean sendsNow(Channel channel, FileDescriptor fd) {
        if (fd == null && !(channel instanceof SendingNioSocketChannel)) {
            return false;
        }
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        return out != null && out.size() == 0 && out.totalPendingWriteBytes() == 0;
    }

    /**
     * The non-blocking descriptor to write to: an epoll stream channel's, an io_uring client's or accepted
     * connection's made non-blocking by {@link #accepted}; else {@code null}.
     */
    private static FileDescriptor descriptor(Channel channel) {
        if (channel instanceof AbstractEpollStreamChannel epoll) {
            return epoll.fd();
        }
        if (channel instanceof IoUringSocketChannel uring && (uring.parent() == null || uring.hasAttr(NON_BLOCKING))) {
            return uring.fd();
        }
        return null;
    }

    /** Copies a heap buffer into the loop's scratch buffer, a chunk at a time, and writes each to the socket. */
    private static int throughScratch(FileDescriptor fd, java.nio.channels.SocketChannel socket, ByteBuffer data)
            throws IOException {
        ByteBuffer scratch = SCRATCH.get();
        int from = data.position();
        int end = data.limit();
        int sent = 0;
        while (from + sent < end) {
            int chunk = Math.min(end - from - sent, SCRATCH_BYTES);
            scratch.clear().put(0, data, from + sent, chunk).limit(chunk);
            int n = fd != null ? fd.write(scratch, 0, chunk) : socket.write(scratch);
            if (n <= 0) {
                break;
            }
            sent += n;
            if (n < chunk) {
                break; // the socket is full: the rest is queued
            }
        }
        return sent;
    }
}
