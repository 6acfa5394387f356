/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.Sock;
import io.jasyncio.Transport;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A child for {@link SystemdActivationTest}: started by {@code systemd-socket-activate}, it serves the Unix socket it
 * was passed as descriptor 3 with an echo protocol, and exits once its first client has gone (or after 20 s).
 */
public final class SystemdActivationMain {
    private SystemdActivationMain() {
    }

    /**
     * Serves the passed socket.
     *
     * @param args none
     */
    public static void main(String[] args) {
        List<Sock> socks = Sock.listenFds();
        System.out.println("listen fds " + socks);
        System.out.flush();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            io.jasyncio.Future<Void> done = loop.createFuture();
            loop.callLater(20, () -> {
                if (!done.done()) {
                    done.setResult(null);
                }
            });
            java.util.function.Supplier<io.jasyncio.BaseProtocol> factory = () -> new Protocol() {
                private Transport transport;

                @Override
                public void connectionMade(Transport t) {
                    transport = t;
                }

                @Override
                public void dataReceived(ByteBuffer data) {
                    transport.write(data);
                }

                @Override
                public void connectionLost(Throwable exc) {
                    if (!done.done()) {
                        done.setResult(null);
                    }
                }
            };
            Server server = Asyncio.await(loop.createUnixServer(factory, null,
                    ServerOptions.defaults().withSock(socks.get(0))));
            System.out.println("serving " + server.sockets());
            System.out.flush();
            Asyncio.await(done);
            server.close();
            return null;
        });
    }
}
