/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.LoopGroup;
import io.jasyncio.LoopOptions;
import io.jasyncio.Protocol;
import io.jasyncio.Server;
import io.jasyncio.Transport;
import io.jasyncio.load.LoadOptions;
import io.jasyncio.load.LoadResult;
import io.jasyncio.load.LoadRun;
import io.jasyncio.load.MalformedResponseException;
import io.jasyncio.load.ResponseParser;
import io.jasyncio.load.Workload;
import io.jasyncio.tests.BackendAssumptions;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example of {@code docs/load-your-protocol.md}, as printed there: a length-prefixed protocol benchmarked with the
 * load library, a request of one's own and a response parser of one's own.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OwnProtocolLoadTest {

    /** The server under test: answers each frame (a 4-byte length, then that many bytes) with "pong". */
    static final class FrameServer implements Protocol {
        private Transport transport;
        private final ByteBuffer pending = ByteBuffer.allocate(64 * 1024);

        @Override
        public void connectionMade(Transport t) {
            transport = t;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            pending.put(data).flip();
            while (pending.remaining() >= 4 && pending.remaining() >= 4 + pending.getInt(pending.position())) {
                pending.position(pending.position() + 4 + pending.getInt(pending.position()));
                transport.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 4, 'p', 'o', 'n', 'g'}));
            }
            pending.compact();
        }
    }

    // ---------------------------------------------------------------- the docs' example

    /** Counts length-prefixed frames in a byte stream split anywhere. */
    static final class FrameParser implements ResponseParser {
        private final byte[] length = new byte[4];
        private int lengthRead;     // bytes of the length read so far, 0 to 4
        private long bodyLeft = -1; // bytes of the body still to come, or -1 while reading a length

        @Override
        public int feed(ByteBuffer data) {
            int completed = 0;
            while (data.hasRemaining()) {
                if (bodyLeft < 0) {
                    length[lengthRead++] = data.get();
                    if (lengthRead == 4) {
                        bodyLeft = ByteBuffer.wrap(length).getInt();
                        lengthRead = 0;
                        if (bodyLeft < 0 || bodyLeft > 1 << 20) {
                            throw new MalformedResponseException("a frame of " + bodyLeft + " bytes");
                        }
                    }
                } else {
                    int skip = (int) Math.min(bodyLeft, data.remaining());
                    data.position(data.position() + skip);
                    bodyLeft -= skip;
                }
                if (bodyLeft == 0) {
                    bodyLeft = -1;
                    completed++;
                }
            }
            return completed;
        }

        @Override
        public long failures() {
            return 0; // this protocol has no error replies
        }
    }

    static LoadResult benchmark(String host, int port) {
        ByteBuffer ping = ByteBuffer.allocateDirect(8).putInt(4).put(new byte[] {'p', 'i', 'n', 'g'}).flip();
        Workload frames = new Workload(ping.asReadOnlyBuffer(), FrameParser::new);
        LoadOptions options = LoadOptions.parse("--target", host + ":" + port, "--connections", "4",
                "--pipeline", "8", "--duration", "1s", "--warmup", "200ms", "--quiet");
        return LoadRun.run(options, frames, null);
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void ownWorkloadIsMeasured() {
        BackendAssumptions.assumeBackendAvailable();
        try (LoopGroup servers = new LoopGroup(1, LoopOptions.defaults()).start()) {
            Server server = servers.createServer(FrameServer::new, "127.0.0.1", 0);
            LoadResult r = benchmark("127.0.0.1", ((InetSocketAddress) server.sockets().get(0)).getPort());
            assertTrue(r.requests() > 0, r.toText());
            assertEquals(0, r.errors(), r.firstError());
            assertEquals(r.requests(), r.latency().getTotalCount());
            assertTrue(r.requestsPerSecond() > 0 && !r.timeline().isEmpty(), r.toText());
        }
    }

    @Test
    void parserCopesWithAnySplit() {
        byte[] two = {0, 0, 0, 4, 'p', 'o', 'n', 'g', 0, 0, 0, 1, '!'};
        for (int cut = 0; cut <= two.length; cut++) {
            FrameParser p = new FrameParser();
            int n = p.feed(ByteBuffer.wrap(two, 0, cut)) + p.feed(ByteBuffer.wrap(two, cut, two.length - cut));
            assertEquals(2, n, "cut at " + cut);
        }
        assertThrows(MalformedResponseException.class,
                () -> new FrameParser().feed(ByteBuffer.wrap(new byte[] {(byte) 0xff, 0, 0, 0})));
    }
}
