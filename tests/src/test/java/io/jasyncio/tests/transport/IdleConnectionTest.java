/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Connection;
import io.jasyncio.ConnectionResetError;
import io.jasyncio.Future;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import java.nio.ByteBuffer;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An idle connection holds only what every connection needs: the parts that serve a concern some connections never
 * have (writes made off the loop's thread, flow control and its drain watch, TLS, a paused reader's held-back data, a
 * stream writer's drain waiters and closed future) are made the first time they are needed, the read allocator is
 * shared, and a server keeps its clients in a list linked through their transports. These tests use each part first
 * on a connection that has been idle, and on several connections at once, so that a part shared while empty is never
 * shared once used.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IdleConnectionTest extends NetTestBase {

    /** Writes made while the loop is stopped, on two connections: each queues and counts its own, and both arrive. */
    @Test
    void testOffLoopWritesOfTwoIdleConnectionsStaySeparate() {
        Server srv = listenRecording();
        Connection<Recorder> a = connect(srv);
        Connection<Recorder> b = connect(srv);
        accepted(1);
        a.transport().write(bytes("aa")); // the loop is stopped: each write waits for its next run
        b.transport().write(bytes("bbb"));
        assertEquals(2, a.transport().getWriteBufferSize());
        assertEquals(3, b.transport().getWriteBufferSize());
        a.transport().write(bytes("AA"));
        assertEquals(4, a.transport().getWriteBufferSize());
        assertEquals(3, b.transport().getWriteBufferSize());
        Recorder sa = serverSide.get(0);
        Recorder sb = serverSide.get(1);
        waitUntil(() -> sa.data.size() == 4 && sb.data.size() == 3);
        assertEquals("aaAA", sa.text());
        assertEquals("bbb", sb.text());
        assertEquals(0, a.transport().getWriteBufferSize());
        closeClient(a);
        closeClient(b);
        closeServer(srv);
    }

    /** Two threads make the first off-loop write of one connection at once: neither write is lost. */
    @Test
    void testFirstOffLoopWritesRacingFromTwoThreads() throws Exception {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        int perThread = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (String letter : List.of("x", "y")) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    c.transport().write(bytes(letter));
                }
            }, "writer-" + letter);
            t.start();
            writers.add(t);
        }
        start.countDown();
        for (Thread t : writers) {
            t.join();
        }
        assertEquals(2 * perThread, c.transport().getWriteBufferSize());
        waitUntil(() -> s.data.size() == 2 * perThread);
        String got = s.text();
        assertEquals(perThread, got.chars().filter(ch -> ch == 'x').count());
        assertEquals(perThread, got.chars().filter(ch -> ch == 'y').count());
        closeClient(c);
        closeServer(srv);
    }

    /**
     * The first pause of an idle connection, over a low mark that Netty's count never crosses (the bytes wait in the
     * off-loop queue): the drain is still watched, and resumeWriting comes once they are written.
     */
    @Test
    void testPauseAndResumeWritingOnceAfterIdle() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        List<String> flow = c.protocol().flow;
        Recorder s = accepted(0);
        sleep(0.05); // idle
        c.transport().setWriteBufferLimits(4, 0);
        c.transport().write(bytes("0123456789")); // off the loop: queued, over the high mark at once
        assertEquals(List.of("pause"), flow);
        waitUntil(() -> flow.size() == 2);
        assertEquals(List.of("pause", "resume"), flow);
        waitUntil(() -> s.data.size() == 10);
        c.transport().close();
        closeServer(srv);
    }

    /** Reading paused on a connection that was idle: what comes is held back, then delivered in order on resume. */
    @Test
    void testHeldBackReadsAfterIdle() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        sleep(0.05);
        s.transport.pauseReading();
        c.transport().write(bytes("held "));
        c.transport().write(bytes("back"));
        c.transport().writeEof();
        sleep(0.1); // loopback delivers in far less: nothing may reach the paused protocol
        assertEquals(0, s.data.size());
        s.keepOpenOnEof = true;
        s.transport.resumeReading();
        waitUntil(() -> s.calls.contains("eof"));
        assertEquals("held back", s.text());
        assertEquals(List.of("made", "data", "eof"), s.calls.subList(0, 3));
        closeClient(c);
        closeServer(srv);
    }

    /** A plain connection that has served traffic has no TLS extra info. */
    @Test
    void testPlainConnectionHasNoTlsInfo() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        c.transport().write(bytes("x"));
        waitUntil(() -> s.data.size() == 1);
        for (String name : List.of("sslcontext", "ssl_object", "peercert", "cipher")) {
            assertNull(c.transport().getExtraInfo(name), name);
            assertNull(s.transport.getExtraInfo(name), name);
        }
        closeClient(c);
        closeServer(srv);
    }

    /** A stream writer's drain, first paused after the connection idled, waits for the peer and then returns. */
    @Test
    void testStreamDrainFirstPausedAfterIdle() throws Exception {
        Future<Long> paused = loop.createFuture();
        Future<Long> drained = loop.createFuture();
        Server srv = loop.runUntilComplete(() -> Asyncio.startServer((reader, writer) -> {
            reader.readexactly(1); // idle until the peer says go
            byte[] chunk = new byte[64 * 1024];
            long sent = 0;
            while (writer.transport().getWriteBufferSize() <= 64 * 1024 && sent < (256L << 20)) {
                writer.write(chunk); // the peer does not read yet: the kernel's buffers fill, then ours
                sent += chunk.length;
            }
            paused.setResult(sent);
            writer.drain(); // over the high mark: waits for resumeWriting
            drained.setResult(sent);
            writer.close();
        }, "127.0.0.1", 0));
        try (Socket peer = stingyPeer(srv)) {
            sleep(0.05); // idle
            peer.getOutputStream().write('g');
            long sent = loop.runUntilComplete(paused);
            // The drain waits now (on io_uring, the kernel may still take the bytes and resume it by itself).
            CompletableFuture<byte[]> got = readOnThread(peer, Long.MAX_VALUE); // to the end
            assertEquals(sent, loop.runUntilComplete(drained));
            waitUntil(got::isDone);
            assertEquals(sent, got.get().length);
        }
        closeServer(srv);
    }

    /**
     * waitClosed first called after the connection was lost: it reports how the connection ended (here a reset, as
     * ConnectionResetError), as it would have had it been waiting.
     */
    @Test
    void testStreamWaitClosedFirstCalledAfterReset() throws Exception {
        Future<Throwable> outcome = loop.createFuture();
        Server srv = loop.runUntilComplete(() -> Asyncio.startServer((reader, writer) -> {
            byte[] line = reader.readline();
            writer.write(line);
            writer.drain();
            try {
                reader.read(100); // the reset: the connection is lost before this returns
            } catch (ConnectionResetError expected) {
                // lost
            }
            try {
                writer.waitClosed();
                outcome.setResult(null);
            } catch (RuntimeException e) {
                outcome.setResult(e);
            }
        }, "127.0.0.1", 0));
        try (Socket peer = new Socket("127.0.0.1", port(srv))) {
            peer.getOutputStream().write(bytes("hello\n"));
            CompletableFuture<byte[]> echo = readOnThread(peer, 6);
            waitUntil(echo::isDone);
            assertArrayEquals(bytes("hello\n"), echo.get());
            peer.setSoLinger(true, 0); // close with RST
        }
        assertInstanceOf(ConnectionResetError.class, loop.runUntilComplete(outcome));
        closeServer(srv);
    }

    /**
     * Connections share one read allocator whose read handles stay their own: one connection streaming large writes
     * beside one sending a byte at a time, each gets exactly its bytes, in order.
     */
    @Test
    void testConnectionsSharingTheReadAllocatorKeepTheirOwnReads() {
        Server srv = listenRecording();
        Connection<Recorder> big = connect(srv);
        Connection<Recorder> small = connect(srv);
        Recorder sBig = accepted(0);
        Recorder sSmall = accepted(1);
        byte[] chunk = new byte[256 * 1024];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i % 251);
        }
        StringBuilder expectSmall = new StringBuilder();
        for (int round = 0; round < 8; round++) {
            big.transport().write(chunk);
            String b = Character.toString('a' + round);
            small.transport().write(bytes(b));
            expectSmall.append(b);
            int want = (round + 1) * chunk.length;
            int wantSmall = round + 1;
            waitUntil(() -> sBig.data.size() == want && sSmall.data.size() == wantSmall);
        }
        byte[] got = sBig.data.toByteArray();
        for (int i = 0; i < got.length; i++) {
            if (got[i] != chunk[i % chunk.length]) {
                throw new AssertionError("byte " + i + " of the large stream differs");
            }
        }
        assertEquals(expectSmall.toString(), sSmall.text());
        closeClient(big);
        closeClient(small);
        closeServer(srv);
    }

    /** A transport whose protocol is swapped for a Protocol after idling still delivers to the new one. */
    @Test
    void testSetProtocolAfterIdle() {
        Server srv = listenRecording();
        Connection<Recorder> c = connect(srv);
        Recorder s = accepted(0);
        sleep(0.05);
        Recorder second = new Recorder(loop);
        second.connectionMade(s.transport);
        Transport t = s.transport;
        t.setProtocol(second);
        c.transport().write(bytes("to the second"));
        waitUntil(() -> second.data.size() == 13);
        assertEquals("to the second", second.text());
        assertEquals(0, s.data.size());
        closeClient(c);
        closeServer(srv);
    }

    /**
     * An idle connection reports asyncio's default limits (a high mark of 64 KiB, a low one of 16 KiB), and its first
     * write over the high mark still pauses the protocol at once and resumes it once drained, with no limit ever set.
     */
    @Test
    void testDefaultLimitsAndFirstPauseWithoutLimitsSet() {
        Server srv = listenRecording();
        List<String> flow = new ArrayList<>();
        Connection<Protocol> c = loop.runUntilComplete(loop.createConnection(() -> new Protocol() {
            @Override
            public void dataReceived(ByteBuffer data) {
            }

            @Override
            public void pauseWriting() {
                flow.add("pause");
            }

            @Override
            public void resumeWriting() {
                flow.add("resume");
            }
        }, "127.0.0.1", port(srv)));
        Recorder s = accepted(0);
        sleep(0.05); // idle
        assertArrayEquals(new int[] {16 * 1024, 64 * 1024}, c.transport().getWriteBufferLimits());
        assertArrayEquals(new int[] {16 * 1024, 64 * 1024}, s.transport.getWriteBufferLimits());
        c.transport().write(new byte[64 * 1024]); // off the loop: queued, at the high mark, not over it
        assertEquals(List.of(), flow);
        c.transport().write(new byte[1]); // over it
        assertEquals(List.of("pause"), flow);
        waitUntil(() -> flow.size() == 2);
        assertEquals(List.of("pause", "resume"), flow);
        waitUntil(() -> s.data.size() == 64 * 1024 + 1);
        c.transport().close();
        closeServer(srv);
    }

    /**
     * A server's clients, some of them gone before: closeClients closes every one left, and waitClosed then returns
     * (the clients are kept in a list through the transports, which each end takes its own out of).
     */
    @Test
    void testCloseClientsClosesEveryClientLeft() {
        Server srv = listenRecording();
        int n = 12;
        List<Connection<Recorder>> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clients.add(connect(srv));
        }
        accepted(n - 1);
        for (int i : new int[] {0, 5, n - 1}) { // the first, one inside, the last: each unlinks its own place
            closeClient(clients.get(i));
        }
        waitUntil(() -> serverSide.get(0).calls.contains("lost") && serverSide.get(5).calls.contains("lost")
                && serverSide.get(n - 1).calls.contains("lost"));
        srv.close();
        srv.closeClients();
        loop.runUntilComplete(() -> {
            srv.waitClosed();
            return null;
        });
        for (int i = 0; i < n; i++) {
            assertEquals("lost", serverSide.get(i).calls.get(serverSide.get(i).calls.size() - 1), "client " + i);
            loop.runUntilComplete(clients.get(i).protocol().lost);
        }
    }

    /** abortClients, called twice, aborts each client once: every one is lost, and waitClosed returns. */
    @Test
    void testAbortClientsTwiceAbortsEachOnce() {
        Server srv = listenRecording();
        int n = 5;
        List<Connection<Recorder>> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clients.add(connect(srv));
        }
        accepted(n - 1);
        srv.close();
        srv.abortClients();
        srv.abortClients();
        loop.runUntilComplete(() -> {
            srv.waitClosed();
            return null;
        });
        for (int i = 0; i < n; i++) {
            Recorder r = serverSide.get(i);
            assertEquals(1, r.calls.stream().filter("lost"::equals).count(), "client " + i);
            loop.runUntilComplete(clients.get(i).protocol().lost);
        }
    }

    /**
     * The shared read allocator adapts each connection's reads as Netty's own does: a stream of large writes is read
     * in chunks larger than the first guess of 2 KiB, none over 64 KiB, and a connection sending small writes beside
     * it gets each of them whole.
     */
    @Test
    void testSharedReadAllocatorGrowsReadsUpTo64KiB() {
        int total = 4 << 20;
        int[] largest = new int[1];
        int[] received = new int[1];
        Server srv = listen(() -> new Protocol() {
            @Override
            public void dataReceived(ByteBuffer data) {
                largest[0] = Math.max(largest[0], data.remaining());
                received[0] += data.remaining();
            }
        });
        Connection<Recorder> c = connect(srv);
        byte[] chunk = new byte[256 * 1024];
        for (int sent = 0; sent < total; sent += chunk.length) {
            c.transport().write(chunk);
        }
        waitUntil(() -> received[0] == total);
        assertTrue(largest[0] > 2048, "largest read " + largest[0]);
        assertTrue(largest[0] <= 64 * 1024, "largest read " + largest[0]);
        closeClient(c);
        closeServer(srv);
    }
}
