/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.udp;

import io.jasyncio.DatagramEndpoint;
import io.jasyncio.DatagramOptions;
import io.jasyncio.DatagramProtocol;
import io.jasyncio.DatagramTransport;
import io.jasyncio.Future;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.Interceptors;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.internal.OsErrors;
import io.jasyncio.transport.internal.ProtocolFailures;
import io.jasyncio.transport.internal.WriteBufferLimits;
import io.netty.channel.AddressedEnvelope;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.IoEventLoop;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * asyncio's {@code _SelectorDatagramTransport} over a Netty datagram channel (UDP or Unix). Loop thread only. Send and
 * receive errors go to {@code errorReceived} as asyncio's {@link io.jasyncio.OSError} family (a
 * {@code ConnectionRefusedError} for an ICMP port unreachable on a connected endpoint); an exception from the protocol
 * goes to the exception handler and closes the endpoint.
 *
 * <p>The write buffer is the datagrams Netty holds because the socket would block, counted as asyncio counts them:
 * the payload plus an 8-byte header each. A datagram the socket takes at once is never counted. {@code close()} waits
 * for the buffer to drain, {@code abort()} drops it.
 */
public final class UdpTransport extends ChannelInboundHandlerAdapter implements DatagramTransport {
    /** asyncio's {@code _SelectorDatagramTransport._header_size}. */
    static final int HEADER_SIZE = 8;
    static final int DEFAULT_HIGH = WriteBufferLimits.DEFAULT_HIGH;

    private final BaseEventLoop loop;
    private final TransportKind kind;
    private DatagramProtocol protocol;
    /** asyncio's {@code _address}: the only destination allowed and the default one, or {@code null} for any. */
    private final SocketAddress address;
    /** Whether the socket is connected: a datagram with no address goes to its peer. */
    private boolean connected;
    private Channel channel;
    private boolean closing;
    private boolean aborted;
    private boolean lost;
    private long bufferSize;
    private int high = DEFAULT_HIGH;
    private int low = DEFAULT_HIGH / 4;
    private boolean protocolPaused;

    UdpTransport(BaseEventLoop loop, TransportKind kind, DatagramProtocol protocol, SocketAddress address) {
        this.loop = loop;
        this.kind = kind;
        this.protocol = protocol;
        this.address = address;
    }

    /**
     * Binds (and connects) an endpoint; the future completes once {@code connectionMade} has run.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param factory the protocol's factory
     * @param local the address to bind, or {@code null} for any
     * @param remote the address to connect to, or {@code null}
     * @param <P> the protocol type
     * @return the future of the endpoint; a failed bind or connect fails it with an {@link io.jasyncio.OSError}
     */
    public static <P extends DatagramProtocol> Future<DatagramEndpoint<P>> create(BaseEventLoop loop,
            IoEventLoop io, TransportKind kind, Supplier<P> factory, InetSocketAddress local,
            InetSocketAddress remote) {
        InetSocketAddress bindTo = local == null && remote == null ? new InetSocketAddress(0) : local;
        return DatagramEndpoints.create(loop, io, kind, factory, bindTo, remote, DatagramOptions.defaults());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        connected = channel.remoteAddress() != null;
        Interceptors ic = loop.activeInterceptors();
        if (ic != null) {
            ic.transportOpened(this);
        }
        try {
            protocol.connectionMade(this);
        } catch (Throwable t) {
            fatal(t, "Fatal error: protocol.connection_made() call failed.");
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        AddressedEnvelope<?, ?> packet = (AddressedEnvelope<?, ?>) msg;
        try {
            if (!closing) {
                ByteBuf content = (ByteBuf) packet.content();
                protocol.datagramReceived(content.nioBuffer().asReadOnlyBuffer(),
                        DatagramChannels.fromNetty(packet.sender()));
            }
        } catch (Throwable t) {
            fatal(t, "Fatal error: protocol.datagram_received() call failed.");
        } finally {
            packet.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        try {
            protocol.errorReceived(OsErrors.of(cause));
        } catch (Throwable t) {
            fatal(t, "Fatal error: protocol.error_received() call failed.");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        bufferSize = 0;
        if (!lost) {
            lost = true;
            try {
                protocol.connectionLost(null);
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "Fatal error: protocol.connection_lost() call failed.", t, this, protocol);
            }
            Interceptors ic = loop.activeInterceptors();
            if (ic != null) {
                ic.transportClosed(this);
            }
        }
        ctx.fireChannelInactive();
    }

    private void fatal(Throwable t, String message) {
        ProtocolFailures.report(loop, message, t, this, protocol);
        abort();
    }

    @Override
    public void sendto(ByteBuffer data, SocketAddress addr) {
        if (address != null && addr != null && !addr.equals(address)) {
            throw new IllegalArgumentException("Invalid address: must be None or " + address);
        }
        SocketAddress to = addr != null ? addr : connected ? null : address;
        if (to == null && !connected && channel != null) {
            throw new IllegalArgumentException("an address is needed: the endpoint is not connected");
        }
        if (closing || channel == null) {
            return;
        }
        int size = data.remaining() + HEADER_SIZE;
        ByteBuf buf = channel.alloc().ioBuffer(data.remaining());
        buf.writeBytes(data.duplicate());
        Object msg = to == null || connected && to.equals(address) ? buf : DatagramChannels.envelope(kind, buf, to);
        bufferSize += size;
        channel.writeAndFlush(msg).addListener(f -> sent(size, f.isSuccess() ? null : f.cause()));
        maybePause();
    }

    /** A datagram left the buffer, sent or not. */
    private void sent(int size, Throwable failure) {
        if (aborted) {
            return;
        }
        bufferSize -= size;
        if (failure != null && !closing) {
            try {
                protocol.errorReceived(OsErrors.of(failure));
            } catch (Throwable t) {
                fatal(t, "Fatal error: protocol.error_received() call failed.");
                return;
            }
        }
        maybeResume();
        if (closing && bufferSize == 0 && channel.isOpen()) {
            channel.close();
        }
    }

    private void maybePause() {
        if (!protocolPaused && bufferSize > high) {
            protocolPaused = true;
            try {
                protocol.pauseWriting();
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "protocol.pause_writing() failed", t, this, protocol);
            }
        }
    }

    private void maybeResume() {
        if (protocolPaused && bufferSize <= low) {
            protocolPaused = false;
            try {
                protocol.resumeWriting();
            } catch (Throwable t) {
                ProtocolFailures.report(loop, "protocol.resume_writing() failed", t, this, protocol);
            }
        }
    }

    @Override
    public void close() {
        // asyncio's close: no more datagrams are received; those in the buffer are still sent, then the socket closes.
        closing = true;
        if (channel != null && bufferSize == 0) {
            channel.close();
        }
    }

    @Override
    public void abort() {
        closing = true;
        aborted = true;
        bufferSize = 0;
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public long getWriteBufferSize() {
        return bufferSize;
    }

    @Override
    public void setWriteBufferLimits(int newHigh, int newLow) {
        WriteBufferLimits limits = WriteBufferLimits.of(newHigh, newLow);
        high = limits.high();
        low = limits.low();
        maybePause();
        maybeResume();
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {low, high};
    }

    @Override
    public Object getExtraInfo(String name) {
        if (channel == null) {
            return null;
        }
        return switch (name) {
            case "sockname" -> DatagramChannels.fromNetty(channel.localAddress());
            case "peername" -> connected ? DatagramChannels.fromNetty(channel.remoteAddress()) : null;
            case "socket" -> channel;
            default -> null;
        };
    }

    @Override
    public DatagramProtocol getProtocol() {
        return protocol;
    }

    @Override
    public void setProtocol(DatagramProtocol value) {
        protocol = java.util.Objects.requireNonNull(value, "protocol");
    }

    @Override
    public String toString() {
        return "<UdpTransport " + (channel == null ? "unbound" : channel.localAddress())
                + (address != null ? " -> " + address : "") + (closing ? " closing" : "") + ">";
    }
}
