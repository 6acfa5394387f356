/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.IncompleteReadError;
import io.jasyncio.LimitOverrunError;
import io.jasyncio.LoopOptions;
import io.jasyncio.MockTicker;
import io.jasyncio.StreamReader;
import io.jasyncio.Task;
import io.jasyncio.tests.Splits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link StreamReader#readuntil(byte[]...)} and {@link StreamReader#readline()} under coverage-guided fuzzing: a task
 * reads while the stream is fed a piece per loop iteration, cut in every way {@link Splits} makes, and the reads give
 * what asyncio's rules give for the whole stream at once ({@link #expected}): each chunk up to the separator whose
 * match ends first, {@code LimitOverrunError} where the separator starts past the limit (or none comes within it),
 * then {@code IncompleteReadError} with the rest (readline: the rest as the last line, {@code ValueError} for an
 * overrun). Reading stops at the first overrun: what readline drops then depends, in asyncio too, on what has come.
 *
 * <p>The input's first byte chooses the case: bits 0-1 the separators, bit 2 readline, bits 3-7 the limit (1 to 31,
 * or 64 KiB for 31); the rest is the stream.
 */
class StreamReaderFuzzTest {
    private static final byte[][][] SEPARATORS = {
        {bytes("\n")}, {bytes("\r\n")}, {bytes("xyx")}, {bytes("--"), bytes("\n"), bytes("\r\n")},
    };
    private static EventLoop loop;

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @AfterAll
    static void closeLoop() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
    }

    @FuzzTest
    void reads(byte[] input) {
        if (input.length == 0) {
            return;
        }
        if (loop == null) {
            loop = Asyncio.newEventLoop(LoopOptions.defaults().withTicker(new MockTicker()).withDebug(false));
        }
        int mode = input[0] & 0xff;
        boolean readline = (mode & 4) != 0;
        byte[][] separators = readline ? SEPARATORS[0] : SEPARATORS[mode & 3];
        int limit = (mode >> 3) == 31 ? 64 * 1024 : 1 + (mode >> 3);
        byte[] stream = Arrays.copyOfRange(input, 1, input.length);
        List<String> expected = expected(stream, separators, limit, readline);
        for (int[] cuts : Splits.of(stream)) {
            List<byte[]> pieces = Splits.pieces(stream, cuts);
            StreamReader reader = new StreamReader(loop, limit);
            Task<List<String>> task = loop.createTask(() -> readAll(reader, separators, readline));
            feed(reader, pieces, 0);
            assertEquals(expected, loop.runUntilComplete(task), Splits.describe(cuts) + " of " + stream.length
                    + " bytes, limit " + limit + (readline ? ", readline" : ", readuntil"));
        }
    }

    /** Feeds one piece per loop iteration (the reader runs between), then the end of the stream. */
    private static void feed(StreamReader reader, List<byte[]> pieces, int i) {
        loop.callSoon(() -> {
            if (i == pieces.size()) {
                reader.feedEof();
                return;
            }
            reader.feedData(pieces.get(i));
            feed(reader, pieces, i + 1);
        });
    }

    /** What the reads give, until the stream ends or the limit is overrun. */
    private static List<String> readAll(StreamReader reader, byte[][] separators, boolean readline) {
        List<String> events = new ArrayList<>();
        while (true) {
            try {
                byte[] chunk = readline ? reader.readline() : reader.readuntil(separators);
                if (readline && chunk.length == 0) {
                    events.add("eof");
                    return events;
                }
                events.add("chunk " + hex(chunk));
            } catch (IncompleteReadError e) {
                events.add("incomplete " + hex(e.partial()));
                return events;
            } catch (LimitOverrunError e) {
                events.add("overrun");
                return events;
            } catch (IllegalArgumentException e) {
                events.add("ValueError");
                return events;
            }
        }
    }

    /** asyncio's readuntil (3.13) and readline on the whole stream. */
    static List<String> expected(byte[] s, byte[][] separators, int limit, boolean readline) {
        int minSeplen = Arrays.stream(separators).mapToInt(x -> x.length).min().orElseThrow();
        int maxSeplen = Arrays.stream(separators).mapToInt(x -> x.length).max().orElseThrow();
        List<String> events = new ArrayList<>();
        int p = 0;
        while (true) {
            int matchStart = -1;
            int matchEnd = Integer.MAX_VALUE;
            for (byte[] sep : separators) { // sorted by length: on a tie the shorter one wins
                int i = indexOf(s, sep, p);
                if (i >= 0 && i + sep.length < matchEnd) {
                    matchStart = i;
                    matchEnd = i + sep.length;
                }
            }
            if (matchStart >= 0) {
                if (matchStart - p > limit) {
                    events.add(readline ? "ValueError" : "overrun");
                    return events;
                }
                events.add("chunk " + hex(Arrays.copyOfRange(s, p, matchEnd)));
                p = matchEnd;
                continue;
            }
            int rest = s.length - p;
            if (rest >= minSeplen && Math.max(0, rest + 1 - maxSeplen) > limit) {
                events.add(readline ? "ValueError" : "overrun");
            } else if (readline) {
                if (rest > 0) {
                    events.add("chunk " + hex(Arrays.copyOfRange(s, p, s.length)));
                }
                events.add("eof");
            } else {
                events.add("incomplete " + hex(Arrays.copyOfRange(s, p, s.length)));
            }
            return events;
        }
    }

    private static int indexOf(byte[] s, byte[] sep, int from) {
        outer:
        for (int i = from; i + sep.length <= s.length; i++) {
            for (int j = 0; j < sep.length; j++) {
                if (s[i + j] != sep[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
