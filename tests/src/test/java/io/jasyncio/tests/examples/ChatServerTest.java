/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.Streams;
import io.jasyncio.Ticker;
import io.jasyncio.examples.chat.ChatRoom;
import io.jasyncio.tests.LoopTestBase;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat room over TCP with stream clients: broadcast, commands, leaving, and a slow member dropped. */
class ChatServerTest extends LoopTestBase {

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
    }

    private Server start(ChatRoom room) {
        return loop.runUntilComplete(() -> Asyncio.startServer(room::serve, "127.0.0.1", 0));
    }

    private static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    private void stop(Server server) {
        server.close();
        server.closeClients();
        loop.runUntilComplete(() -> {
            server.waitClosed();
            return null;
        });
    }

    private static String line(Streams s) {
        return new String(s.reader().readline(), StandardCharsets.UTF_8).strip();
    }

    private static void say(Streams s, String line) {
        s.writer().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        s.writer().drain();
    }

    @Test
    void testBroadcastCommandsAndLeaving() {
        ChatRoom room = new ChatRoom(16);
        Server server = start(room);
        int port = port(server);
        loop.runUntilComplete(() -> {
            Streams a = Asyncio.openConnection("127.0.0.1", port);
            assertEquals("* welcome, guest1; commands: /nick NAME, /who, /quit", line(a));
            Streams b = Asyncio.openConnection("127.0.0.1", port);
            assertTrue(line(b).startsWith("* welcome, guest2;"));
            assertEquals("* guest2 joined", line(a));
            Streams c = Asyncio.openConnection("127.0.0.1", port);
            assertTrue(line(c).startsWith("* welcome, guest3;"));
            assertEquals("* guest3 joined", line(a));
            assertEquals("* guest3 joined", line(b));

            say(a, "hello, room");
            assertEquals("guest1: hello, room", line(b));
            assertEquals("guest1: hello, room", line(c));
            say(b, "/nick bob");
            assertEquals("* you are now bob", line(b));
            assertEquals("* guest2 is now bob", line(a), "a got no copy of its own message");
            assertEquals("* guest2 is now bob", line(c));
            say(c, "/nick bob");
            assertEquals("* bob is taken", line(c));
            say(c, "/who");
            assertEquals("* here: guest1, bob, guest3", line(c));
            say(c, "/shout");
            assertEquals("* unknown command /shout", line(c));

            say(a, "/quit");
            assertEquals("* bye", line(a));
            assertEquals(0, a.reader().read(10).length, "the room closed a's connection");
            assertEquals("* guest1 left", line(b));
            assertEquals("* guest1 left", line(c));
            c.writer().close();
            assertEquals("* guest3 left", line(b));
            assertEquals(List.of("bob"), room.who());
            b.writer().close();
            return null;
        });
        stop(server);
    }

    @Test
    void testSlowMemberIsDroppedAndTheOthersGoOn() throws Exception {
        ChatRoom room = new ChatRoom(8);
        Server server = start(room);
        int port = port(server);
        // The slow member: a plain socket with a tiny receive window that reads nothing until the end.
        Socket slow = new Socket();
        slow.setReceiveBufferSize(2048);
        slow.setSoTimeout(20_000);
        slow.connect(new InetSocketAddress("127.0.0.1", port));
        String payload = "x".repeat(1000);
        int[] counts = loop.runUntilComplete(() -> {
            Streams a = Asyncio.openConnection("127.0.0.1", port);
            Streams b = Asyncio.openConnection("127.0.0.1", port);
            say(a, "/nick alice");
            // a says a line, b reads it, again and again: b keeps up; the slow member falls behind until dropped.
            boolean dropped = false;
            int sent = 0;
            int received = 0;
            while (!dropped && sent < 20_000) {
                say(a, payload);
                sent++;
                while (true) {
                    String l = line(b);
                    assertTrue(!l.isEmpty() || !b.reader().atEof(), "b was disconnected");
                    if (l.matches("\\* guest\\d was dropped \\(too slow\\)")) {
                        dropped = true;
                    } else if (l.equals("alice: " + payload)) {
                        received++;
                        break;
                    }
                }
            }
            assertTrue(dropped, "the slow member was dropped after " + sent + " lines");
            say(a, "after");
            assertEquals("alice: after", line(b), "the room goes on");
            assertEquals(List.of("alice", "guest3"), room.who());
            a.writer().close();
            b.writer().close();
            return new int[] {sent, received};
        });
        assertEquals(counts[0], counts[1], "the fast member got every line, in spite of the slow one");
        byte[] all = loop.runUntilComplete(loop.runInExecutor(null, () -> {
            try (InputStream in = slow.getInputStream()) {
                return in.readAllBytes();
            }
        }));
        String text = new String(all, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("* you are too slow: 8 lines waiting; disconnected\n"),
                "the slow member was told why: " + text.substring(Math.max(0, text.length() - 200)));
        slow.close();
        stop(server);
    }

    /**
     * A paste of many more lines than a queue holds, read by the lines' ends in one go: a member that reads keeps up
     * and gets every line, as the senders get a turn after each line.
     */
    @Test
    void testBurstDoesNotEvictMembersThatRead() {
        ChatRoom room = new ChatRoom(16);
        Server server = start(room);
        int port = port(server);
        loop.runUntilComplete(() -> {
            Streams a = Asyncio.openConnection("127.0.0.1", port);
            line(a);
            Streams b = Asyncio.openConnection("127.0.0.1", port);
            line(b);
            assertEquals("* guest2 joined", line(a));
            StringBuilder paste = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                paste.append("line ").append(i).append('\n');
            }
            say(a, paste.toString().strip());
            for (int i = 0; i < 300; i++) {
                assertEquals("guest1: line " + i, line(b), "b keeps up with the paste");
            }
            assertEquals(List.of("guest1", "guest2"), room.who(), "nobody was dropped");
            a.writer().close();
            b.writer().close();
            return null;
        });
        stop(server);
    }

    /**
     * Members that never read, with queues long enough never to fill: the room's memory stays within its budget as a
     * whole (each line held once, not once per member), and the members holding the most go.
     */
    @Test
    void testRoomMemoryIsBoundedAsAWhole() throws Exception {
        long budget = 64 * 1024;
        ChatRoom room = new ChatRoom(100_000, budget);
        Server server = start(room);
        int port = port(server);
        List<Socket> slow = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket s = new Socket();
            s.setReceiveBufferSize(2048);
            s.connect(new InetSocketAddress("127.0.0.1", port));
            slow.add(s);
        }
        String payload = "y".repeat(1000);
        loop.runUntilComplete(() -> {
            while (room.who().size() < 3) {
                Asyncio.sleep(0.005);
            }
            Streams a = Asyncio.openConnection("127.0.0.1", port);
            Streams b = Asyncio.openConnection("127.0.0.1", port);
            say(a, "/nick alice");
            long most = 0;
            for (int sent = 0; sent < 20_000 && room.who().size() > 2; sent++) {
                say(a, payload);
                while (!line(b).equals("alice: " + payload)) {
                    assertTrue(!b.reader().atEof(), "b was disconnected");
                }
                most = Math.max(most, room.bytesHeld());
                assertTrue(room.bytesHeld() <= budget, room.bytesHeld() + " bytes held, over " + budget);
            }
            assertEquals(2, room.who().size(), "the members that did not read were dropped: " + room.who());
            assertTrue(room.who().contains("alice"));
            assertTrue(most > budget / 2, "the room did fill: " + most);
            a.writer().close();
            b.writer().close();
            return null;
        });
        for (Socket s : slow) {
            s.close();
        }
        stop(server);
    }
}
