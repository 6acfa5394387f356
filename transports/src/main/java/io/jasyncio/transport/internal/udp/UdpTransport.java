/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.udp;

import io.jasyncio.transport.internal.Backend;
import io.jasyncio.DatagramEndpoint;
import io.jasyncio.DatagramProtocol;
import io.jasyncio.DatagramTransport;
import io.jasyncio.Future;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.Interceptors;
import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.internal.OsErrors;
import io.jasyncio.transport.internal.ProtocolFailures;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.IoEventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * asyncio's {@code _SelectorDatagramTransport} over a Netty datagram channel. Loop thread only. Send and receive
 * errors go to {@code errorReceived} as asyncio's {@link io.jasyncio.OSError} family (a {@code ConnectionRefusedError}
 * for an ICMP port unreachable on a connected endpoint); an exception from the protocol goes to the exception
 * handler and closes the endpoint.
 */
public final class UdpTransport extends ChannelInboundHandlerAdapter implements DatagramTransport {
    private final BaseEventLoop loop;
    private DatagramProtocol protocol;
    private final InetSocketAddress remote;
    private Channel channel;
    private boolean closing;
    private boolean lost;

    private UdpTransport(BaseEventLoop loop, DatagramProtocol protocol, InetSocketAddress remote) {
        this.loop = loop;
        this.protocol = protocol;
        this.remote = remote;
    }

    /**
     * Binds (and connects) an endpoint; the future completes once {@code connectionMade} has run.
     *
     * @param loop the loop
     * @param io the loop's Netty event loop
     * @param kind the backend
     * @param factory the protocol's factory
     * @param local the address to bind, or {@code null}
     * @param remote the address to connect to, or {@code null}
     * @param <P> the protocol type
     * @return the future of the endpoint; a failed bind or connect fails it with an {@link io.jasyncio.OSError}
     */
    public static <P extends DatagramProtocol> Future<DatagramEndpoint<P>> create(BaseEventLoop loop,
            IoEventLoop io, TransportKind kind, Supplier<P> factory, InetSocketAddress local,
            InetSocketAddress remote) {
        loop.checkClosed();
        Future<DatagramEndpoint<P>> result = loop.createFuture();
        P protocol = factory.get();
        UdpTransport transport = new UdpTransport(loop, protocol, remote);
        Bootstrap b = new Bootstrap().group(io).channel(Backend.of(kind).datagramChannelClass()).handler(transport);
        InetSocketAddress bindTo = local != null ? local : new InetSocketAddress(0);
        ChannelFuture f = remote != null ? b.connect(remote, bindTo) : b.bind(bindTo);
        f.addListener(done -> {
            if (result.done()) {
                return;
            }
            if (done.isSuccess()) {
                result.setResult(new DatagramEndpoint<>(transport, protocol));
            } else {
                result.setException(OsErrors.of(done.cause()));
            }
        });
        return result;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
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
        DatagramPacket packet = (DatagramPacket) msg;
        try {
            if (!closing) {
                protocol.datagramReceived(packet.content().nioBuffer().asReadOnlyBuffer(), packet.sender());
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
        if (closing || channel == null) {
            return;
        }
        if (addr != null && remote != null && !addr.equals(remote)) {
            throw new IllegalArgumentException("Invalid address: must be None or " + remote);
        }
        if (addr == null && remote == null) {
            throw new IllegalArgumentException("an address is needed: the endpoint is not connected");
        }
        ByteBuf buf = channel.alloc().ioBuffer(data.remaining());
        buf.writeBytes(data.duplicate());
        Object msg = addr == null ? buf : new DatagramPacket(buf, (InetSocketAddress) addr);
        channel.writeAndFlush(msg).addListener(f -> {
            if (!f.isSuccess() && !closing) {
                protocol.errorReceived(OsErrors.of(f.cause()));
            }
        });
    }

    @Override
    public void close() {
        // Datagrams are sent at once: there is no buffer to flush, so close and abort are the same.
        closing = true;
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public void abort() {
        close();
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public Object getExtraInfo(String name) {
        if (channel == null) {
            return null;
        }
        return switch (name) {
            case "sockname" -> channel.localAddress();
            case "peername" -> remote;
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
                + (remote != null ? " -> " + remote : "") + (closing ? " closing" : "") + ">";
    }
}
