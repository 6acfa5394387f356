/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import static io.jasyncio.tests.examples.RespProtocolTest.cmd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.Protocol;
import io.jasyncio.Transport;
import java.nio.ByteBuffer;
import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import io.jasyncio.Server;
import io.jasyncio.StreamReader;
import io.jasyncio.Streams;
import io.jasyncio.Ticker;
import io.jasyncio.examples.redis.RedisServer;
import io.jasyncio.tests.LoopTestBase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The RESP server over TCP: with a client of our own, on a loop group, and driven by redis-cli and redis-benchmark. */
class RedisServerTest extends LoopTestBase {

    @Override
    protected LoopOptions options() {
        return super.options().withTicker(Ticker.system());
    }

    private Server start() {
        return loop.runUntilComplete(loop.createServer(RedisServer.factory(Ticker.system()), "127.0.0.1", 0));
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

    /** Reads one RESP reply: a String for +, - (kept with its sign) and bulk, a Long, a List, or null. */
    static Object readReply(StreamReader r) {
        String line = new String(r.readuntil("\r\n".getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
        String body = line.substring(1, line.length() - 2);
        return switch (line.charAt(0)) {
            case '+' -> body;
            case '-' -> line.substring(0, line.length() - 2);
            case ':' -> Long.parseLong(body);
            case '$' -> {
                int n = Integer.parseInt(body);
                if (n < 0) {
                    yield null;
                }
                byte[] b = r.readexactly(n + 2);
                yield new String(b, 0, n, StandardCharsets.ISO_8859_1);
            }
            case '*' -> {
                int n = Integer.parseInt(body);
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    items.add(readReply(r));
                }
                yield n < 0 ? null : items;
            }
            default -> throw new AssertionError("not a RESP reply: " + line);
        };
    }

    @Test
    void testPipelineOfAThousandCommands() {
        Server server = start();
        List<Object> replies = loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port(server));
            StringBuilder pipeline = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                pipeline.append(cmd("INCR", "n"));
            }
            pipeline.append(cmd("RPUSH", "l", "x".repeat(100_000))).append(cmd("LRANGE", "l", "0", "-1"));
            s.writer().write(pipeline.toString().getBytes(StandardCharsets.ISO_8859_1));
            List<Object> got = new ArrayList<>();
            for (int i = 0; i < 1002; i++) {
                got.add(readReply(s.reader()));
            }
            s.writer().close();
            return got;
        });
        for (int i = 0; i < 1000; i++) {
            assertEquals((long) i + 1, replies.get(i));
        }
        assertEquals(1L, replies.get(1000));
        assertEquals(List.of("x".repeat(100_000)), replies.get(1001));
        stop(server);
    }

    @Test
    void testProtocolErrorIsAnsweredThenTheConnectionCloses() {
        Server server = start();
        loop.runUntilComplete(() -> {
            Streams s = Asyncio.openConnection("127.0.0.1", port(server));
            s.writer().write((cmd("PING") + "*1\r\n$x\r\n" + cmd("PING")).getBytes(StandardCharsets.ISO_8859_1));
            assertEquals("PONG", readReply(s.reader()));
            assertEquals("-ERR Protocol error: invalid bulk length", readReply(s.reader()));
            assertEquals(0, s.reader().read(100).length, "the server closed the connection");
            s.writer().close();
            return null;
        });
        stop(server);
    }

    @Test
    void testLoopGroupSharesOneKeyspace() throws Exception {
        LoopGroup group = new LoopGroup(2, LoopOptions.defaults()).start();
        try {
            Server server = group.createServer(RedisServer.factory(Ticker.system()), "127.0.0.1", 0);
            int port = port(server);
            Object total = loop.runUntilComplete(() -> {
                List<io.jasyncio.Task<Void>> clients = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    clients.add(Asyncio.createTask(() -> {
                        Streams s = Asyncio.openConnection("127.0.0.1", port);
                        for (int i = 0; i < 250; i++) {
                            s.writer().write(cmd("INCR", "shared").getBytes(StandardCharsets.ISO_8859_1));
                            readReply(s.reader());
                        }
                        s.writer().close();
                        return null;
                    }));
                }
                for (io.jasyncio.Task<Void> t : clients) {
                    Asyncio.await(t);
                }
                Streams s = Asyncio.openConnection("127.0.0.1", port);
                s.writer().write(cmd("GET", "shared").getBytes(StandardCharsets.ISO_8859_1));
                Object got = readReply(s.reader());
                s.writer().close();
                return got;
            });
            assertEquals("1000", total, "every INCR of four connections on two loops counted once");
            java.util.concurrent.CompletableFuture<Void> closed = new java.util.concurrent.CompletableFuture<>();
            server.getLoop().callSoonThreadsafe(() -> server.getLoop().createTask(() -> {
                server.close();
                server.closeClients();
                server.waitClosed();
                closed.complete(null);
                return null;
            }));
            closed.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            group.close();
        }
    }

    private ExternalTool.Result runTool(int timeoutSeconds, String... command) {
        return loop.runUntilComplete(loop.runInExecutor(null, () -> ExternalTool.run(timeoutSeconds, command)));
    }

    @Test
    void testRedisCli() {
        ExternalTool.assumeInstalled("redis-cli");
        Server server = start();
        String p = Integer.toString(port(server));
        assertEquals("PONG", runTool(10, "redis-cli", "-p", p, "PING").output().strip());
        assertEquals("OK", runTool(10, "redis-cli", "-p", p, "SET", "greeting", "hello world").output().strip());
        assertEquals("hello world", runTool(10, "redis-cli", "-p", p, "GET", "greeting").output().strip());
        assertEquals("3", runTool(10, "redis-cli", "-p", p, "RPUSH", "l", "a", "b", "c").output().strip());
        assertEquals("a\nb\nc", runTool(10, "redis-cli", "-p", p, "LRANGE", "l", "0", "-1").output().strip());
        assertEquals("(integer) 1", runTool(10, "redis-cli", "--no-raw", "-p", p, "EXISTS", "l").output().strip());
        assertEquals("ERR unknown command 'nope', with args beginning with:",
                runTool(10, "redis-cli", "-p", p, "nope").output().strip());
        stop(server);
    }

    @Test
    void testRedisBenchmarkDefaultTests() {
        ExternalTool.assumeInstalled("redis-benchmark");
        Server server = start();
        ExternalTool.Result r = runTool(120, "redis-benchmark", "-p", Integer.toString(port(server)), "-q",
                "-n", "2000", "-c", "10");
        assertEquals(0, r.exit(), r.output());
        List<String> results = r.lines().stream().filter(l -> l.contains("requests per second")).toList();
        for (String test : List.of("PING_INLINE", "PING_MBULK", "SET", "GET", "INCR", "LPUSH", "RPUSH", "LPOP",
                "RPOP", "SADD", "HSET", "SPOP", "ZADD", "ZPOPMIN", "LRANGE_100", "LRANGE_600", "MSET")) {
            assertTrue(results.stream().anyMatch(l -> l.startsWith(test + ":") || l.startsWith(test + " ")),
                    test + " missing from:\n" + r.output());
        }
        List<String> errors = r.lines().stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("err"))
                .toList();
        assertEquals(List.of(), errors, "redis-benchmark reported errors");
        stop(server);
    }

    /** A client that does not read until told to, counting what comes back. */
    private static final class SlowReader implements Protocol {
        Transport transport;
        long received;

        @Override
        public void connectionMade(Transport t) {
            transport = t;
            t.pauseReading();
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            received += data.remaining();
        }
    }

    /**
     * A client pipelines GETs of a large value and does not read: the server's buffered output stays under the
     * high-water mark, one flush and one reply while the client holds back, and every reply comes once it reads.
     */
    @Test
    @Timeout(60)
    void testClientThatDoesNotReadCostsABoundedBuffer() {
        java.util.function.Supplier<io.jasyncio.examples.redis.RespProtocol> protocols =
                RedisServer.factory(Ticker.system());
        WatchedProtocol[] watched = new WatchedProtocol[1];
        Server server = loop.runUntilComplete(loop.createServer(
                () -> watched[0] = new WatchedProtocol.Plain(protocols.get()),
                "127.0.0.1", 0));
        SlowReader client = loop.runUntilComplete(loop.createConnection(SlowReader::new, "127.0.0.1", port(server)))
                .protocol();
        int size = 256 * 1024;
        int gets = 200;
        client.transport.write((cmd("SET", "big", "v".repeat(size)) + cmd("GET", "big").repeat(gets))
                .getBytes(StandardCharsets.ISO_8859_1));
        long expected = 5 + gets * (long) (("$" + size + "\r\n").length() + size + 2);
        long bound = 64 * 1024 + io.jasyncio.examples.redis.RespProtocol.FLUSH_BYTES + size + 1024;
        loop.runUntilComplete(() -> {
            while (watched[0] == null || watched[0].transport.isReading()) {
                assertTrue(watched[0] == null || watched[0].transport.getWriteBufferSize() <= bound,
                        () -> watched[0].transport.getWriteBufferSize() + " bytes buffered by the server");
                Asyncio.sleep(0.005);
            }
            for (int i = 0; i < 20; i++) {
                assertTrue(watched[0].transport.getWriteBufferSize() <= bound,
                        () -> watched[0].transport.getWriteBufferSize() + " bytes buffered by the server");
                Asyncio.sleep(0.005);
            }
            client.transport.resumeReading();
            while (client.received < expected) {
                Asyncio.sleep(0.005);
            }
            return null;
        });
        assertEquals(expected, client.received);
        client.transport.close();
        stop(server);
    }
}
