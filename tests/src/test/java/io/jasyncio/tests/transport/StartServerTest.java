/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.ConnectionOptions;
import io.jasyncio.Future;
import io.jasyncio.Server;
import io.jasyncio.ServerOptions;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Streams;
import io.jasyncio.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers made with {@link Asyncio#startServer} / {@link Asyncio#startUnixServer}: ports of CPython's test_server.py,
 * which tests them through streams (TcpServerTest covers the same cases through protocols). Blocking peers run on
 * threads of their own, as CPython's tcp_client / unix_client do.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StartServerTest extends NetTestBase {
    private static final byte[] HELLO_MSG = ("1".repeat(1024 * 5) + "\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** A blocking client on a thread: sends HELLO_MSG and returns the one byte it gets back. */
    private static CompletableFuture<Integer> tcpClient(int port) {
        CompletableFuture<Integer> got = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (Socket sock = new Socket()) {
                sock.setSoTimeout(5000);
                sock.connect(new InetSocketAddress("127.0.0.1", port));
                sock.getOutputStream().write(HELLO_MSG);
                got.complete(sock.getInputStream().read());
            } catch (IOException e) {
                got.completeExceptionally(e);
            }
        }, "tcp-client");
        t.setDaemon(true);
        t.start();
        return got;
    }

    /** A blocking Unix client on a thread, once {@code started} is complete. */
    private static CompletableFuture<Integer> unixClient(String path, CompletableFuture<Void> started) {
        CompletableFuture<Integer> got = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                started.get(5, TimeUnit.SECONDS);
                try (SocketChannel sock = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    sock.connect(UnixDomainSocketAddress.of(path));
                    ByteBuffer msg = ByteBuffer.wrap(HELLO_MSG);
                    while (msg.hasRemaining()) {
                        sock.write(msg);
                    }
                    ByteBuffer one = ByteBuffer.allocate(1);
                    got.complete(sock.read(one) == 1 ? (int) one.get(0) : -1);
                }
            } catch (Exception e) {
                got.completeExceptionally(e);
            }
        }, "unix-client");
        t.setDaemon(true);
        t.start();
        return got;
    }

    /** test_server.py's serve: a line, then cancel main, answer '1' and close. */
    private static void serve(StreamReader reader, StreamWriter writer, Task<?>[] mainTask) {
        reader.readline();
        mainTask[0].cancel();
        writer.write(new byte[] {'1'});
        writer.close();
        writer.waitClosed();
    }

    /** test_server.py's serve of TestServer2: read to EOF, then close. */
    private static void readThenClose(StreamReader rd, StreamWriter wr) {
        try {
            rd.read(-1);
        } finally {
            wr.close();
            wr.waitClosed();
        }
    }

    // test_server.py: test_start_server_1
    @Test
    void testStartServer1() throws Exception {
        Task<?>[] mainTask = new Task<?>[1];
        Server srv = loop.runUntilComplete(() -> Asyncio.startServer((r, w) -> serve(r, w, mainTask), "127.0.0.1",
                0, ServerOptions.defaults().withStartServing(false)));
        assertFalse(srv.isServing());
        mainTask[0] = loop.createTask(() -> {
            try (srv) {
                srv.serveForever();
            }
            return null;
        });
        CompletableFuture<Integer> client = tcpClient(port(srv));
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(mainTask[0]));
        assertEquals('1', client.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(), srv.sockets());
        assertFalse(srv.isServing());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(() -> {
            srv.serveForever();
            return null;
        }));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
        loop.runUntilComplete(() -> {
            srv.waitClosed();
            return null;
        });
    }

    // test_server.py: test_start_unix_server_1
    @Test
    void testStartUnixServer1() throws Exception {
        String addr = dir.resolve("srv.sock").toString();
        Task<?>[] mainTask = new Task<?>[1];
        CompletableFuture<Void> started = new CompletableFuture<>();
        Server srv = loop.runUntilComplete(() -> Asyncio.startUnixServer((r, w) -> serve(r, w, mainTask), addr,
                ServerOptions.defaults().withStartServing(false)));
        mainTask[0] = loop.createTask(() -> {
            try (srv) {
                assertFalse(srv.isServing());
                srv.startServing();
                assertTrue(srv.isServing());
                started.complete(null);
                srv.serveForever();
            }
            return null;
        });
        CompletableFuture<Integer> client = unixClient(addr, started);
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(mainTask[0]));
        assertEquals('1', client.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(), srv.sockets());
        assertFalse(srv.isServing());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(() -> {
            srv.serveForever();
            return null;
        }));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
        loop.runUntilComplete(() -> {
            srv.waitClosed();
            return null;
        });
    }

    // test_server.py: test_wait_closed_basic
    @Test
    void testWaitClosedBasic() {
        loop.runUntilComplete(() -> {
            Server srv = Asyncio.startServer(StartServerTest::readThenClose, "127.0.0.1", 0);
            try (srv) {
                // no client, not closed: blocks
                Task<Void> task1 = Asyncio.createTask(() -> {
                    srv.waitClosed();
                    return null;
                });
                Asyncio.sleep(0);
                assertFalse(task1.done());

                // a client, not closed: blocks
                Streams s = Asyncio.openConnection("127.0.0.1", port(srv));
                Task<Void> task2 = Asyncio.createTask(() -> {
                    srv.waitClosed();
                    return null;
                });
                Asyncio.sleep(0);
                assertFalse(task1.done());
                assertFalse(task2.done());

                srv.close();
                Asyncio.sleep(0);
                // a client, closed: blocks
                Task<Void> task3 = Asyncio.createTask(() -> {
                    srv.waitClosed();
                    return null;
                });
                Asyncio.sleep(0);
                assertFalse(task1.done());
                assertFalse(task2.done());
                assertFalse(task3.done());

                s.writer().close();
                s.writer().waitClosed();
                // no client, closed: unblocks
                Asyncio.await(task1);
                Asyncio.await(task2);
                Asyncio.await(task3);
                srv.waitClosed(); // at once
            }
            return null;
        });
    }

    // test_server.py: test_wait_closed_race
    @Test
    void testWaitClosedRace() {
        loop.runUntilComplete(() -> {
            Server srv = Asyncio.startServer(StartServerTest::readThenClose, "127.0.0.1", 0);
            try (srv) {
                Task<Void> task = Asyncio.createTask(() -> {
                    srv.waitClosed();
                    return null;
                });
                Asyncio.sleep(0);
                assertFalse(task.done());
                Streams s = Asyncio.openConnection("127.0.0.1", port(srv));
                loop.callSoon(srv::close);
                loop.callSoon(s.writer()::close);
                srv.waitClosed();
                Asyncio.await(task);
            }
            return null;
        });
    }

    // test_server.py: test_close_clients
    @Test
    void testCloseClients() {
        loop.runUntilComplete(() -> {
            Server srv = Asyncio.startServer(StartServerTest::readThenClose, "127.0.0.1", 0);
            try (srv) {
                Streams s = Asyncio.openConnection("127.0.0.1", port(srv));
                Task<Void> task = Asyncio.createTask(() -> {
                    srv.waitClosed();
                    return null;
                });
                Asyncio.sleep(0);
                assertFalse(task.done());
                srv.close();
                srv.closeClients();
                Asyncio.await(task); // asyncio: done after two sleep(0); here, once the sockets are closed
                assertEquals(0, s.reader().read(-1).length, "the server closed the client");
                s.writer().close();
            }
            return null;
        });
    }

    // test_server.py: test_abort_clients
    @Test
    void testAbortClients() {
        loop.runUntilComplete(() -> {
            Future<Streams> fut = loop.createFuture();
            Server srv = Asyncio.startServer((rd, wr) -> {
                fut.setResult(new Streams(rd, wr));
                wr.waitClosed();
            }, "127.0.0.1", 0);
            try (srv) {
                Streams c = Asyncio.openConnection("127.0.0.1", port(srv),
                        ConnectionOptions.defaults().withLimit(4096));
                StreamWriter sWr = Asyncio.await(fut).writer();

                // More than twice the client's limit: the client's reader pauses its transport.
                sWr.write(new byte[4096]);
                sWr.write(new byte[4096]);
                sWr.write(new byte[4096]);
                while (c.writer().transport().isReading()) {
                    Asyncio.sleep(0);
                }

                // Then write until the kernel buffers are full and the server's transport buffers.
                byte[] chunk = new byte[1024 * 1024];
                for (int i = 0; i < 64 && sWr.transport().getWriteBufferSize() == 0; i++) {
                    sWr.write(chunk);
                    Asyncio.sleep(0);
                }
                assertNotEquals(0L, sWr.transport().getWriteBufferSize());

                Task<Void> task = Asyncio.createTask(() -> {
                    srv.waitClosed();
                    return null;
                });
                Asyncio.sleep(0);
                assertFalse(task.done());
                srv.close();
                srv.abortClients();
                Asyncio.await(task); // does not wait for the buffer to drain
                c.writer().close();
            }
            return null;
        });
    }

    // test_server.py: test_close_race
    @Test
    void testCloseRace() {
        loop.runUntilComplete(() -> {
            Server srv = Asyncio.startServer((r, w) -> { }, "127.0.0.1", 0);
            int port = port(srv);
            Task<Streams> connTask = Asyncio.createTask(() -> Asyncio.openConnection("127.0.0.1", port));
            Asyncio.sleep(0);
            srv.close();
            try {
                Asyncio.await(connTask).writer().close();
            } catch (Exception e) {
                assertTrue(e instanceof io.jasyncio.OSError, "refused, the server closed first: " + e);
            }
            srv.waitClosed();
            return null;
        });
    }

    // test_server.py: test_unix_server_addr_cleanup
    @Test
    void testUnixServerAddrCleanup() {
        String addr = dir.resolve("cleanup.sock").toString();
        Server srv = loop.runUntilComplete(() -> Asyncio.startUnixServer((r, w) -> { }, addr));
        assertTrue(Files.exists(Path.of(addr)));
        srv.close();
        loop.runUntilComplete(() -> {
            srv.waitClosed();
            return null;
        });
        assertFalse(Files.exists(Path.of(addr)));
    }

    // test_server.py: test_unix_server_cleanup_gone
    @Test
    void testUnixServerCleanupGone() throws IOException {
        String addr = dir.resolve("gone.sock").toString();
        Server srv = loop.runUntilComplete(() -> Asyncio.startUnixServer((r, w) -> { }, addr));
        Files.delete(Path.of(addr)); // someone else cleaned up
        srv.close();
        loop.runUntilComplete(() -> {
            srv.waitClosed();
            return null;
        }); // and nothing is reported
        assertFalse(Files.exists(Path.of(addr)));
    }

    /** A client served after start_serving=False: the backlog holds it until startServing. */
    // test_server.py: test_start_server_1 (start_serving=False, then start_serving())
    @Test
    void testStartServingLater() throws Exception {
        Server srv = loop.runUntilComplete(() -> Asyncio.startServer((r, w) -> {
            w.write(r.readline());
            w.close();
        }, "127.0.0.1", 0, ServerOptions.defaults().withStartServing(false)));
        try (Socket peer = new Socket("127.0.0.1", port(srv))) {
            peer.setSoTimeout(5000);
            OutputStream out = peer.getOutputStream();
            out.write("early\n".getBytes(StandardCharsets.UTF_8));
            sleep(0.05);
            assertFalse(srv.isServing());
            loop.runUntilComplete(() -> {
                srv.startServing();
                return null;
            });
            assertTrue(srv.isServing());
            CompletableFuture<byte[]> got = readOnThread(peer, 6);
            waitUntil(got::isDone);
            assertArrayEquals("early\n".getBytes(StandardCharsets.UTF_8), got.get());
            InputStream in = peer.getInputStream();
            assertEquals(-1, in.read(), "closed after the echo");
        }
        closeServer(srv);
    }
}
