/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.MockTicker;
import io.jasyncio.examples.redis.RedisServer;
import io.jasyncio.examples.redis.RespProtocol;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The RESP server's protocol fed through a socket-less transport: requests split at every byte, pipelines, every
 * error reply, and key expiry on a mock clock. Expected replies are what redis 7 answers.
 */
class RespProtocolTest {
    private final MockTicker ticker = new MockTicker();
    private Supplier<RespProtocol> factory = RedisServer.factory(ticker);
    private FakeTransport t = FakeTransport.connect(factory.get());

    /** One command as a RESP multibulk request. */
    static String cmd(String... args) {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            b.append('$').append(a.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n").append(a)
                    .append("\r\n");
        }
        return b.toString();
    }

    /** Sends commands in one dataReceived and returns the replies they got. */
    private String send(String... requests) {
        int before = t.output().length();
        t.feed(String.join("", requests));
        return t.output().substring(before);
    }

    private static final String SCRIPT = cmd("SET", "k", "v") + cmd("GET", "k") + "PING\r\n" + "ECHO \"a b\\n\"\r\n"
            + "SET 'x y' \"1\"\n" + cmd("INCR", "x y") + cmd("RPUSH", "l", "a", "b", "c") + cmd("LRANGE", "l", "0", "-1")
            + cmd("HSET", "h", "f", "\r\n") + cmd("HGET", "h", "f") + "\r\n" + cmd("MGET", "k", "nope") + cmd("DEL", "k");
    private static final String REPLIES = "+OK\r\n$1\r\nv\r\n+PONG\r\n$4\r\na b\n\r\n+OK\r\n:2\r\n:3\r\n"
            + "*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n:1\r\n$2\r\n\r\n\r\n*2\r\n$1\r\nv\r\n$-1\r\n:1\r\n";

    @Test
    void testWholeScript() {
        assertEquals(REPLIES, send(SCRIPT));
        assertEquals(1, t.writes.size(), "the replies of one read leave in one write");
    }

    @Test
    void testSplitAtEveryBytePosition() {
        byte[] script = SCRIPT.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 1; i < script.length; i++) {
            t = FakeTransport.connect(RedisServer.factory(ticker).get());
            t.feed(script, 0, i);
            t.feed(script, i, script.length);
            assertEquals(REPLIES, t.output(), "split at byte " + i);
            assertFalse(t.closed);
        }
    }

    @Test
    void testOneByteAtATime() {
        byte[] script = SCRIPT.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < script.length; i++) {
            t.feed(script, i, i + 1);
        }
        assertEquals(REPLIES, t.output());
    }

    @Test
    void testLargeBulkInManyPieces() {
        String value = "x".repeat(1_000_000);
        byte[] request = cmd("SET", "big", value).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < request.length; i += 4096) {
            t.feed(request, i, Math.min(request.length, i + 4096));
        }
        assertEquals("+OK\r\n", t.output());
        assertEquals("$1000000\r\n" + value + "\r\n", send(cmd("GET", "big")));
    }

    @Test
    void testPipelineAnsweredWithOneWrite() {
        StringBuilder pipeline = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 500; i++) {
            pipeline.append(cmd("INCR", "n")).append(i % 2 == 0 ? "PING\r\n" : cmd("PING"));
            expected.append(':').append(i).append("\r\n+PONG\r\n");
        }
        assertEquals(expected.toString(), send(pipeline.toString()));
        assertEquals(1, t.writes.size());
    }

    @Test
    void testUnknownCommandAndWrongArguments() {
        assertEquals("-ERR unknown command 'NOPE', with args beginning with: 'a' 'b' \r\n", send(cmd("NOPE", "a", "b")));
        assertEquals("-ERR wrong number of arguments for 'get' command\r\n", send(cmd("GET")));
        assertEquals("-ERR wrong number of arguments for 'mset' command\r\n", send(cmd("MSET", "a", "1", "b")));
        assertEquals("-ERR syntax error\r\n", send(cmd("SET", "a", "1", "EX")));
        assertEquals("-ERR invalid expire time in 'set' command\r\n", send(cmd("SET", "a", "1", "EX", "0")));
        assertEquals("-ERR DB index is out of range\r\n", send(cmd("SELECT", "3")));
        assertFalse(t.closed, "command errors keep the connection");
        assertEquals("+PONG\r\n", send("PING\r\n"));
    }

    @Test
    void testTypeAndIntegerErrors() {
        send(cmd("RPUSH", "list", "a"), cmd("SET", "s", "abc"), cmd("SET", "max", "9223372036854775807"));
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", send(cmd("GET", "list")));
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
                send(cmd("HSET", "s", "f", "v")));
        assertEquals("-ERR value is not an integer or out of range\r\n", send(cmd("INCR", "s")));
        assertEquals("-ERR value is not an integer or out of range\r\n", send(cmd("INCRBY", "n", "1.5")));
        assertEquals("-ERR increment or decrement would overflow\r\n", send(cmd("INCR", "max")));
        assertEquals(":-5\r\n", send(cmd("DECRBY", "fresh", "5")));
    }

    private static final int RESP_INLINE_MAX = 64 * 1024;

    private void assertProtocolError(String request, String message) {
        t = FakeTransport.connect(factory.get());
        // A line over 64 KiB is refused only while no newline has come: the long cases send nothing after.
        String then = request.length() > RESP_INLINE_MAX ? "" : cmd("PING");
        assertEquals("-ERR Protocol error: " + message + "\r\n", send(request + then), message);
        assertTrue(t.closed, "a malformed frame closes the connection, as redis does: " + request);
        assertEquals("", send(cmd("PING")), "nothing is read after the error");
    }

    @Test
    void testProtocolErrors() {
        assertProtocolError("*abc\r\n", "invalid multibulk length");
        assertProtocolError("*99999999\r\n", "invalid multibulk length");
        assertProtocolError("*1\r\n+PING\r\n", "expected '$', got '+'");
        assertProtocolError("*1\r\n$-3\r\n", "invalid bulk length");
        assertProtocolError("*1\r\n$999999999999\r\n", "invalid bulk length");
        assertProtocolError("SET \"a b\r\n", "unbalanced quotes in request");
        assertProtocolError("SET 'a'b\r\n", "unbalanced quotes in request");
        assertProtocolError("x".repeat(70_000), "too big inline request");
        assertProtocolError("*" + "1".repeat(70_000), "too big mbulk count string");
    }

    @Test
    void testGoodCommandsBeforeAnErrorAreAnswered() {
        assertEquals("+PONG\r\n+OK\r\n-ERR Protocol error: invalid bulk length\r\n",
                send(cmd("PING"), cmd("SET", "a", "1"), "*1\r\n$x\r\n"));
        assertTrue(t.closed);
    }

    @Test
    void testQuitClosesAfterItsReply() {
        assertEquals("+PONG\r\n+OK\r\n", send(cmd("PING"), cmd("QUIT"), cmd("PING")));
        assertTrue(t.closed);
    }

    @Test
    void testExpiryFollowsTheTicker() {
        assertEquals("+OK\r\n+OK\r\n:1500\r\n:2\r\n", send(cmd("SET", "k", "v", "PX", "1500"), cmd("SET", "p", "q"),
                cmd("PTTL", "k"), cmd("TTL", "k")));
        ticker.advance(1.499);
        assertEquals("$1\r\nv\r\n:1\r\n:2\r\n", send(cmd("GET", "k"), cmd("PTTL", "k"), cmd("DBSIZE")));
        ticker.advance(0.001);
        assertEquals("$-1\r\n:-2\r\n:-2\r\n:0\r\n:1\r\n", send(cmd("GET", "k"), cmd("TTL", "k"), cmd("PTTL", "k"),
                cmd("EXISTS", "k"), cmd("DBSIZE")));
        assertEquals(":1\r\n:10\r\n:-2\r\n:0\r\n", send(cmd("EXPIRE", "p", "10"), cmd("TTL", "p"),
                cmd("TTL", "nope"), cmd("EXPIRE", "nope", "1")));
        assertEquals("+OK\r\n:-1\r\n", send(cmd("SET", "p", "again"), cmd("TTL", "p")), "SET drops the expiry");
        assertEquals(":1\r\n:1\r\n", send(cmd("PEXPIRE", "p", "20"), cmd("EXISTS", "p")));
        ticker.advance(0.020);
        assertEquals("*0\r\n:0\r\n", send(cmd("KEYS", "*"), cmd("DBSIZE")), "KEYS and DBSIZE sweep expired keys");
        assertEquals("+OK\r\n$-1\r\n+OK\r\n:-1\r\n$-1\r\n", send(cmd("SET", "n", "1", "EX", "5", "NX"),
                cmd("SET", "n", "2", "NX"), cmd("SET", "n", "3", "XX"), cmd("TTL", "n"), cmd("SET", "gone", "1", "XX")));
        assertEquals("+OK\r\n+OK\r\n:5\r\n:1\r\n$-1\r\n", send(cmd("SET", "n", "4", "EX", "5"),
                cmd("SET", "n", "5", "KEEPTTL"), cmd("TTL", "n"), cmd("EXPIRE", "n", "0"), cmd("GET", "n")));
    }

    @Test
    void testListsHashesSetsAndSortedSets() {
        assertEquals(":2\r\n:3\r\n$1\r\nb\r\n$1\r\nc\r\n:1\r\n*1\r\n$1\r\na\r\n",
                send(cmd("LPUSH", "l", "a", "b"), cmd("RPUSH", "l", "c"), cmd("LPOP", "l"), cmd("RPOP", "l"),
                        cmd("LLEN", "l"), cmd("LRANGE", "l", "-100", "100")));
        assertEquals("*1\r\n$1\r\na\r\n:0\r\n$-1\r\n*-1\r\n", send(cmd("LPOP", "l", "5"), cmd("EXISTS", "l"),
                cmd("LPOP", "l"), cmd("LPOP", "l", "1")));
        assertEquals(":2\r\n:0\r\n$1\r\n3\r\n*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n3\r\n",
                send(cmd("HSET", "h", "a", "1", "b", "2"), cmd("HSET", "h", "b", "3"), cmd("HGET", "h", "b"),
                        cmd("HGETALL", "h")));
        assertEquals(":1\r\n:1\r\n:0\r\n", send(cmd("HDEL", "h", "a", "x"), cmd("HDEL", "h", "b"), cmd("EXISTS", "h")));
        assertEquals(":1\r\n:0\r\n$1\r\nm\r\n$-1\r\n*0\r\n", send(cmd("SADD", "s", "m", "m"), cmd("SADD", "s", "m"),
                cmd("SPOP", "s"), cmd("SPOP", "s"), cmd("SPOP", "nope", "2")));
        assertEquals(":2\r\n:0\r\n*4\r\n$1\r\nb\r\n$3\r\n0.5\r\n$1\r\na\r\n$1\r\n3\r\n*0\r\n",
                send(cmd("ZADD", "z", "3", "a", "0.5", "b"), cmd("ZADD", "z", "NX", "9", "a"),
                        cmd("ZPOPMIN", "z", "5"), cmd("ZPOPMIN", "z")));
        assertEquals("+OK\r\n*2\r\n$1\r\n1\r\n$1\r\n2\r\n*1\r\n$2\r\nk1\r\n*0\r\n",
                send(cmd("MSET", "k1", "1", "k2", "2"), cmd("MGET", "k1", "k2"), cmd("KEYS", "k[1]"),
                        cmd("KEYS", "x*")));
        assertEquals("+OK\r\n:0\r\n", send(cmd("FLUSHALL"), cmd("DBSIZE")));
    }

    @Test
    void testWhatTheRealClientsAskAtStart() {
        assertEquals("*2\r\n$4\r\nsave\r\n$0\r\n\r\n*2\r\n$10\r\nappendonly\r\n$2\r\nno\r\n*0\r\n*0\r\n+OK\r\n+OK\r\n",
                send(cmd("CONFIG", "GET", "save"), cmd("CONFIG", "GET", "appendonly"), cmd("CONFIG", "GET", "x"),
                        cmd("COMMAND", "DOCS"), cmd("CLIENT", "SETNAME", "bench"), cmd("SELECT", "0")));
    }

    /** Feeds bytes in pieces of 1, 2, 3, 5 and 7 bytes in turn. */
    private void trickle(byte[] bytes) {
        int[] sizes = {1, 2, 3, 5, 7};
        for (int i = 0, k = 0; i < bytes.length; k++) {
            int to = Math.min(bytes.length, i + sizes[k % sizes.length]);
            t.feed(bytes, i, to);
            i = to;
        }
    }

    private long parseWork() {
        return ((RespProtocol) t.getProtocol()).parseWork();
    }

    /** A large multibulk trickled in: each byte is looked at a bounded number of times, not once per read. */
    @Test
    void testParserWorkIsLinearWhateverTheSplit() {
        String[] args = new String[20_002];
        args[0] = "RPUSH";
        args[1] = "l";
        for (int i = 2; i < args.length; i++) {
            args[i] = "item-" + i;
        }
        byte[] request = cmd(args).getBytes(StandardCharsets.ISO_8859_1);
        trickle(request);
        assertEquals(":20000\r\n", t.output());
        assertTrue(parseWork() <= 2L * request.length, parseWork() + " bytes examined for " + request.length);

        long before = parseWork();
        byte[] inline = ("ECHO " + "y".repeat(60_000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        trickle(inline);
        assertTrue(t.output().endsWith("$60000\r\n" + "y".repeat(60_000) + "\r\n"));
        assertTrue(parseWork() - before <= 2L * inline.length, "an inline line is searched once");
    }

    /** A large bulk is examined once, on its way into its own array, however it arrives. */
    @Test
    void testLargeBulkIsCopiedOnce() {
        String value = "z".repeat(1 << 20);
        byte[] request = cmd("SET", "big", value).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < request.length; i += 1000) {
            t.feed(request, i, Math.min(request.length, i + 1000));
        }
        assertEquals("+OK\r\n", t.output());
        assertTrue(parseWork() < request.length + 100, parseWork() + " bytes examined for " + request.length);
    }

    /** What redis-server answers to the same bytes. */
    @Test
    void testParityWithRedis() {
        assertProtocolError("*01\r\n", "invalid multibulk length");
        assertProtocolError("*-01\r\n", "invalid multibulk length");
        assertProtocolError("*1\r\n$04\r\nPING\r\n", "invalid bulk length");
        assertProtocolError("*1\r\n\r\n", "expected '$', got ' '");
        t = FakeTransport.connect(factory.get());
        assertEquals("$3\r\na\0b\r\n", send("ECHO a\0b\r\n"), "a NUL byte in an inline command is data");
        assertEquals("$3\r\n\0\0\0\r\n", send("ECHO \0\0\0\n"));
        assertEquals("", send("*1\n"), "a multibulk line ends at its \\r: a bare \\n waits for more");
        assertFalse(t.closed);
        assertEquals("-ERR Protocol error: invalid multibulk length\r\n", send("$4\r\nPING\r\n"));
        assertTrue(t.closed);
        t = FakeTransport.connect(factory.get());
        assertEquals("+PONG\r\n:0\r\n", send("*1\r\n$4\r\nPING\r\n*-1\r\n*0\r\n*1\r\n$6\r\nDBSIZE\r\n"));
    }

    /**
     * A pipeline of GETs of a large value from a client that does not read (the probe sent 14.7 KB of them for a
     * 1 MiB value; smaller here to stay quick): the replies in flight stay bounded by the high-water mark, one flush
     * and one reply; the rest of the read waits, and is answered in full, in order, as the client reads.
     */
    @Test
    void testRepliesInFlightAreBoundedByTheServer() {
        String value = "v".repeat(128 * 1024);
        send(cmd("SET", "big", value));
        t.limitWrites(64 * 1024);
        int gets = 300;
        int before = t.written.size();
        t.feed(cmd("GET", "big").repeat(gets) + cmd("PING"));
        assertFalse(t.reading, "reading stops while the replies wait");
        long bound = 64 * 1024 + RespProtocol.FLUSH_BYTES + value.length() + 64;
        int drains = 0;
        while (!t.reading) {
            t.drain();
            drains++;
        }
        assertTrue(t.maxBuffered <= bound, t.maxBuffered + " bytes buffered, over " + bound);
        String reply = "$131072\r\n" + value + "\r\n";
        String out = t.output().substring(before);
        assertEquals(reply.length() * (long) gets + 7, out.length());
        assertTrue(out.startsWith(reply + reply) && out.endsWith(reply + "+PONG\r\n"));
        assertTrue(drains >= gets / 2, "answered as the client read, not all at once: " + drains);
    }

    /** QUIT among commands held back by flow control still closes after its reply, and nothing after it runs. */
    @Test
    void testQuitAfterHeldBackCommands() {
        send(cmd("SET", "big", "w".repeat(100_000)));
        t.limitWrites(1024);
        t.feed(cmd("GET", "big").repeat(3) + cmd("QUIT") + cmd("SET", "after", "1"));
        while (!t.closed) {
            t.drain();
        }
        assertTrue(t.output().endsWith("+OK\r\n"));
        t = FakeTransport.connect(factory.get());
        assertEquals(":0\r\n", send(cmd("EXISTS", "after")));
    }

    @Test
    void testBackPressurePausesReading() {
        RespProtocol p = (RespProtocol) t.getProtocol();
        p.pauseWriting();
        assertFalse(t.reading);
        p.resumeWriting();
        assertTrue(t.reading);
    }
}
