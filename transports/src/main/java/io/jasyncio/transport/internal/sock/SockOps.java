/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.sock;


import io.jasyncio.Future;
import io.jasyncio.SocketLoop;
import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.transport.internal.OsErrors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * asyncio's {@code sock_recv}, {@code sock_sendall}, {@code sock_connect} ... on non-blocking JDK channels, each a
 * {@link SockOp} over a {@link ChannelWatcher}: tried at once, retried on readiness. Loop thread only.
 */
final class SockOps {
    private final BaseEventLoop loop;
    private final ChannelWatcher watcher;

    SockOps(BaseEventLoop loop, ChannelWatcher watcher) {
        this.loop = loop;
        this.watcher = watcher;
    }

    private <T> Future<T> newFuture(SelectableChannel sock) {
        Watch.checkNonBlocking(sock);
        loop.checkClosed();
        return loop.createFuture();
    }

    <C extends SelectableChannel & ByteChannel> Future<byte[]> recv(C sock, int nbytes) {
        if (nbytes < 0) {
            throw new IllegalArgumentException("negative buffersize in recv");
        }
        Future<byte[]> f = newFuture(sock);
        ByteBuffer buf = ByteBuffer.allocate(nbytes);
        return new SockOp<byte[]>(f, sock, watcher, false) {
            @Override
            boolean attempt() throws IOException {
                int n = nbytes == 0 ? 0 : sock.read(buf);
                if (n == 0 && nbytes != 0) {
                    return false;
                }
                future.setResult(n <= 0 ? new byte[0] : Arrays.copyOf(buf.array(), n));
                return true;
            }
        }.start();
    }

    <C extends SelectableChannel & ByteChannel> Future<Integer> recvInto(C sock, ByteBuffer buf) {
        Future<Integer> f = newFuture(sock);
        return new SockOp<Integer>(f, sock, watcher, false) {
            @Override
            boolean attempt() throws IOException {
                if (!buf.hasRemaining()) {
                    future.setResult(0);
                    return true;
                }
                int n = sock.read(buf);
                if (n == 0) {
                    return false;
                }
                future.setResult(Math.max(n, 0));
                return true;
            }
        }.start();
    }

    Future<SocketLoop.Recvfrom> recvfrom(DatagramChannel sock, int bufsize) {
        if (bufsize < 0) {
            throw new IllegalArgumentException("negative buffersize in recvfrom");
        }
        Future<SocketLoop.Recvfrom> f = newFuture(sock);
        ByteBuffer buf = ByteBuffer.allocate(bufsize);
        return new SockOp<SocketLoop.Recvfrom>(f, sock, watcher, false) {
            @Override
            boolean attempt() throws IOException {
                buf.clear();
                SocketAddress from = sock.receive(buf);
                if (from == null) {
                    return false;
                }
                future.setResult(new SocketLoop.Recvfrom(Arrays.copyOf(buf.array(), buf.position()), from));
                return true;
            }
        }.start();
    }

    Future<SocketLoop.RecvfromInto> recvfromInto(DatagramChannel sock, ByteBuffer buf, int nbytes) {
        if (nbytes < 0) {
            throw new IllegalArgumentException("negative buffersize in recvfrom_into");
        }
        if (nbytes > buf.remaining()) {
            throw new IllegalArgumentException("nbytes is greater than the length of the buffer");
        }
        int size = nbytes == 0 ? buf.remaining() : nbytes;
        Future<SocketLoop.RecvfromInto> f = newFuture(sock);
        return new SockOp<SocketLoop.RecvfromInto>(f, sock, watcher, false) {
            @Override
            boolean attempt() throws IOException {
                ByteBuffer window = buf.slice(buf.position(), size);
                SocketAddress from = sock.receive(window);
                if (from == null) {
                    return false;
                }
                buf.position(buf.position() + window.position());
                future.setResult(new SocketLoop.RecvfromInto(window.position(), from));
                return true;
            }
        }.start();
    }

    <C extends SelectableChannel & ByteChannel> Future<Void> sendall(C sock, ByteBuffer data) {
        Future<Void> f = newFuture(sock);
        ByteBuffer pending = data.duplicate();
        return new SockOp<Void>(f, sock, watcher, true) {
            @Override
            boolean attempt() throws IOException {
                while (pending.hasRemaining()) {
                    if (sock.write(pending) == 0) {
                        return false;
                    }
                }
                future.setResult(null);
                return true;
            }
        }.start();
    }

    Future<Integer> sendto(DatagramChannel sock, ByteBuffer data, SocketAddress address) {
        Future<Integer> f = newFuture(sock);
        ByteBuffer datagram = data.duplicate();
        return new SockOp<Integer>(f, sock, watcher, true) {
            @Override
            boolean attempt() throws IOException {
                int size = datagram.remaining();
                int n = sock.send(datagram, address);
                if (n == 0 && size != 0) {
                    return false;
                }
                future.setResult(n);
                return true;
            }
        }.start();
    }

    Future<Void> connect(SocketChannel sock, SocketAddress address) {
        Future<Void> f = newFuture(sock);
        if (address instanceof InetSocketAddress inet && inet.isUnresolved()) {
            // asyncio's _ensure_resolved: the name goes through getaddrinfo in the default executor first.
            Future<java.net.InetAddress> resolving = loop.runInExecutor(null,
                    () -> java.net.InetAddress.getByName(inet.getHostString()));
            resolving.addDoneCallback(r -> {
                if (f.done()) {
                    return;
                }
                if (r.cancelled() || r.exception() != null) {
                    f.setException(r.cancelled() ? new io.jasyncio.CancelledError()
                            : OsErrors.gaiError(r.exception()));
                    return;
                }
                connecting(f, sock, new InetSocketAddress(r.result(), inet.getPort()));
            });
            f.addDoneCallback(d -> resolving.cancel());
            return f;
        }
        return connecting(f, sock, address);
    }

    private Future<Void> connecting(Future<Void> f, SocketChannel sock, SocketAddress address) {
        return new SockOp<Void>(f, sock, watcher, true) {
            private boolean started;

            @Override
            boolean attempt() throws IOException {
                boolean connected = started ? sock.finishConnect() : sock.connect(address);
                started = true;
                if (!connected) {
                    return false;
                }
                future.setResult(null);
                return true;
            }

            @Override
            Throwable failure(Throwable t) {
                return OsErrors.connectFailed(address, null, t);
            }
        }.start();
    }

    Future<SocketChannel> accept(ServerSocketChannel sock) {
        Future<SocketChannel> f = newFuture(sock);
        return new SockOp<SocketChannel>(f, sock, watcher, false) {
            @Override
            boolean attempt() throws IOException {
                SocketChannel conn = sock.accept();
                if (conn == null) {
                    return false;
                }
                conn.configureBlocking(false);
                future.setResult(conn);
                return true;
            }
        }.start();
    }

    Future<Long> sendfile(SocketChannel sock, FileChannel file, long offset, Long count) {
        if (sock.isBlocking()) {
            throw new IllegalArgumentException("the socket must be non-blocking");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be a non-negative integer (got " + offset + ")");
        }
        if (count != null && count <= 0) {
            throw new IllegalArgumentException("count must be a positive integer (got " + count + ")");
        }
        Future<Long> f = newFuture(sock);
        return new SockOp<Long>(f, sock, watcher, true) {
            private long sent;
            private long end = -1;

            @Override
            boolean attempt() throws IOException {
                try {
                    if (end < 0) {
                        long size = file.size();
                        end = count == null ? size : Math.min(size, offset + count);
                    }
                    while (offset + sent < end) {
                        long n = file.transferTo(offset + sent, end - offset - sent, sock);
                        if (n == 0) {
                            return false;
                        }
                        sent += n;
                    }
                    done();
                    future.setResult(sent);
                    return true;
                } catch (IOException | RuntimeException e) {
                    done();
                    throw e;
                }
            }

            /** asyncio leaves the file's position after what was sent. */
            private void done() throws IOException {
                if (file.isOpen()) {
                    file.position(offset + sent);
                }
            }
        }.start();
    }
}
