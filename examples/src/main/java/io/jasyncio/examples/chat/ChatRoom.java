/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.chat;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.Queue;
import io.jasyncio.QueueEmpty;
import io.jasyncio.QueueFull;
import io.jasyncio.QueueShutDown;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Task;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A chat room: each line a member sends goes to every other member. Each member has a bounded queue of lines to send
 * and a task that writes them ({@code write}, then {@code drain}, which waits while the client does not read).
 * Broadcasting only puts lines in queues, so it never waits for anyone: a member whose queue is full is too slow, and
 * is told so and disconnected, and the others never wait for it.
 *
 * <p>Memory is bounded for the room as a whole: a line is encoded once and the same copy is queued for every member,
 * counted once in {@link #bytesHeld()} while any queue holds it; when the room holds more than its budget, the
 * members with the most bytes waiting are dropped until it fits, however many members there are. A member's line
 * leaves the room's count once its transport has taken it.
 *
 * <p>Fairness: after each line a member sends, its task yields to the loop ({@code sleep(0)}), so during a burst
 * (a paste of many lines, which {@code readline} returns without suspending) the senders write as the lines come
 * and a member that reads keeps up, instead of finding a whole burst in its queue at once.
 *
 * <p>Commands: {@code /nick NAME}, {@code /who}, {@code /quit}. Threading: one loop; every method runs on it.
 */
public final class ChatRoom {
    /** One line, shared by every member it is queued for. */
    private static final class Line {
        final byte[] bytes;
        int refs; // how many queues hold it

        Line(String text) {
            bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One member: its name, its writer, and its queue of lines to send. */
    private final class Member {
        String name;
        final StreamWriter writer;
        final Queue<Line> outbox;
        long queuedBytes;
        Task<Void> sender;
        boolean gone;

        Member(String name, StreamWriter writer) {
            this.name = name;
            this.writer = writer;
            this.outbox = new Queue<>(queueSize);
        }
    }

    /** How long a dropped member has to read what was sent before its connection is aborted. */
    static final double DROP_GRACE_SECONDS = 10;

    // Threading: the loop thread only.
    private final Set<Member> members = new LinkedHashSet<>(); // in the order they came
    private final int queueSize;
    private final long roomBytes;
    private long heldBytes;
    private int guests;

    /** The bytes of lines a room holds at most, by default: 16 MiB. */
    public static final long DEFAULT_ROOM_BYTES = 16L << 20;

    /**
     * A room holding at most {@link #DEFAULT_ROOM_BYTES} of lines.
     *
     * @param queueSize how many lines may wait for a member before it is disconnected as too slow
     */
    public ChatRoom(int queueSize) {
        this(queueSize, DEFAULT_ROOM_BYTES);
    }

    /**
     * A room.
     *
     * @param queueSize how many lines may wait for a member before it is disconnected as too slow
     * @param roomBytes the bytes of lines waiting for members the room holds at most; past it, the members with the
     *     most waiting are disconnected as too slow
     */
    public ChatRoom(int queueSize, long roomBytes) {
        this.queueSize = queueSize;
        this.roomBytes = roomBytes;
    }

    /**
     * The bytes of the lines waiting in the members' queues, each line counted once however many queues hold it.
     *
     * @return the count, at most the room's budget between lines
     */
    public long bytesHeld() {
        return heldBytes;
    }

    /**
     * Serves one client: {@code Asyncio.startServer(room::serve, host, port)} runs it as a task per connection.
     *
     * @param reader the client's reader
     * @param writer the client's writer
     */
    public void serve(StreamReader reader, StreamWriter writer) {
        Member me = new Member("guest" + ++guests, writer);
        me.sender = Asyncio.createTask(() -> send(me), "chat-sender-" + me.name);
        members.add(me);
        deliver(me, "* welcome, " + me.name + "; commands: /nick NAME, /who, /quit");
        broadcast(me, "* " + me.name + " joined");
        try {
            while (!me.gone) {
                byte[] raw;
                try {
                    raw = reader.readline();
                } catch (IllegalArgumentException tooLong) {
                    deliver(me, "* line too long (at most " + StreamReader.DEFAULT_LIMIT + " bytes)");
                    continue;
                } catch (CancelledError c) {
                    throw c;
                } catch (RuntimeException lost) {
                    break; // the connection was reset
                }
                if (raw.length == 0 || me.gone) {
                    break; // the client closed, or it was dropped
                }
                String line = new String(raw, StandardCharsets.UTF_8).strip();
                if (!line.isEmpty() && !command(me, line)) {
                    break;
                }
                Asyncio.sleep(0); // a fair turn: the senders write this line before the next of a burst is read
            }
        } finally {
            leave(me, "* " + me.name + " left");
        }
    }

    /** Runs a command or broadcasts a message; returns {@code false} after /quit. */
    private boolean command(Member me, String line) {
        if (line.equals("/quit")) {
            deliver(me, "* bye");
            return false;
        } else if (line.equals("/who")) {
            deliver(me, "* here: " + String.join(", ", who()));
        } else if (line.startsWith("/nick ")) {
            String name = line.substring(6).strip();
            if (!name.matches("[A-Za-z0-9_-]{1,32}")) {
                deliver(me, "* a name is 1 to 32 letters, digits, '_' or '-'");
            } else if (who().contains(name)) {
                deliver(me, "* " + name + " is taken");
            } else {
                broadcast(me, "* " + me.name + " is now " + name);
                deliver(me, "* you are now " + name);
                me.name = name;
            }
        } else if (line.startsWith("/")) {
            deliver(me, "* unknown command " + line.split(" ", 2)[0]);
        } else {
            broadcast(me, me.name + ": " + line);
        }
        return true;
    }

    /** Queues one copy of a line for everyone but the sender. */
    private void broadcast(Member from, String text) {
        Line line = new Line(text);
        for (Member m : new ArrayList<>(members)) {
            if (m != from) {
                deliver(m, line);
            }
        }
        keepWithinBudget();
    }

    /** Queues a line for one member. */
    private void deliver(Member m, String text) {
        deliver(m, new Line(text));
        keepWithinBudget();
    }

    /** Queues a line for one member; a member whose queue is full is dropped. */
    private void deliver(Member m, Line line) {
        if (m.gone) {
            return;
        }
        try {
            m.outbox.putNowait(line);
        } catch (QueueFull full) {
            drop(m, queueSize + " lines waiting");
            return;
        }
        if (line.refs++ == 0) {
            heldBytes += line.bytes.length;
        }
        m.queuedBytes += line.bytes.length;
    }

    /** A line a member's queue no longer holds. */
    private void release(Member m, Line line) {
        m.queuedBytes -= line.bytes.length;
        if (--line.refs == 0) {
            heldBytes -= line.bytes.length;
        }
    }

    /** Over the room's budget: the members with the most bytes waiting go, until it fits. */
    private void keepWithinBudget() {
        while (heldBytes > roomBytes) {
            Member slowest = null;
            for (Member m : members) {
                if (slowest == null || m.queuedBytes > slowest.queuedBytes) {
                    slowest = m;
                }
            }
            if (slowest == null || slowest.queuedBytes == 0) {
                return; // what is held waits in members that are leaving: their senders release it
            }
            drop(slowest, "the room is full");
        }
    }

    /** A member too slow to keep up: it is told why (past its queue), disconnected, and the others are told. */
    private void drop(Member m, String why) {
        if (m.gone) {
            return;
        }
        m.writer.write(("* you are too slow: " + why + "; disconnected\n").getBytes(StandardCharsets.UTF_8));
        m.sender.cancel();
        releaseQueued(m);
        leave(m, "* " + m.name + " was dropped (too slow)");
        m.writer.close(); // sends what the transport holds, then closes; a client that never reads is aborted:
        io.jasyncio.EventLoop loop = Asyncio.getRunningLoop();
        io.jasyncio.TimerHandle abort = loop.callLater(DROP_GRACE_SECONDS, m.writer.transport()::abort);
        loop.createTask(() -> { // a client that did read: the timer goes once the connection has closed
            try {
                m.writer.waitClosed();
            } catch (io.jasyncio.CancelledError c) {
                throw c;
            } catch (Exception lost) {
                // closed with an error: closed all the same
            } finally {
                abort.cancel();
            }
            return null;
        });
    }

    private void leave(Member m, String notice) {
        if (m.gone) {
            return;
        }
        m.gone = true;
        members.remove(m);
        m.outbox.shutdown(); // the sender sends what is queued, then closes
        broadcast(m, notice);
    }

    /** Empties a member's queue, releasing its lines. */
    private void releaseQueued(Member m) {
        while (true) {
            try {
                release(m, m.outbox.getNowait());
            } catch (QueueEmpty | QueueShutDown empty) {
                return;
            }
        }
    }

    /**
     * The member's sender task: writes each queued line (the transport takes its own copy, so the room lets go of
     * it) and waits for the client to take it.
     */
    private Void send(Member m) {
        try {
            while (true) {
                Line line = m.outbox.get();
                m.writer.write(line.bytes);
                release(m, line);
                m.writer.drain();
            }
        } catch (QueueShutDown done) {
            m.writer.close();
        } catch (CancelledError dropped) {
            throw dropped;
        } catch (RuntimeException connectionLost) {
            m.writer.close(); // the client went away while a line was being sent
        } finally {
            releaseQueued(m);
        }
        return null;
    }

    /**
     * The members' names, in the order they came.
     *
     * @return the names
     */
    public List<String> who() {
        return members.stream().map(m -> m.name).toList();
    }
}
