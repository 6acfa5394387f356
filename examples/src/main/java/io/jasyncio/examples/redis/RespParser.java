/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.redis;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An incremental RESP2 request parser: bytes go in as they arrive, split anywhere; each complete command comes out
 * as its arguments. Both request forms redis accepts are read: multibulk ({@code *2\r\n$3\r\nGET\r\n$1\r\nk\r\n})
 * and inline ({@code GET k\r\n}, as typed into a telnet session; redis-benchmark's {@code ping_inline} uses it).
 *
 * <p>How it copes with any split: the bytes not yet used are kept in one array; parsing starts again at the first
 * byte of the incomplete command each time more arrive (the approach of picohttpparser), and {@link #needed} says how
 * many bytes must be there before trying again, so a large bulk arriving in many reads is not re-read each time.
 *
 * <p>Limits and error messages are redis's ({@code networking.c}); after a {@link ProtocolError} the connection is
 * closed, as redis does.
 */
final class RespParser {
    /** Receives each complete command; returns {@code false} to stop parsing (after QUIT). */
    interface Handler {
        boolean command(byte[][] args);
    }

    /** A malformed request; the message is redis's, without its "ERR " prefix. */
    static final class ProtocolError extends RuntimeException {
        ProtocolError(String message) {
            super("Protocol error: " + message, null, false, false);
        }
    }

    static final int MAX_INLINE = 64 * 1024;
    static final int MAX_MULTIBULK = 1024 * 1024;
    static final long MAX_BULK = 512L * 1024 * 1024;

    // Threading: the connection's loop thread only.
    private byte[] buf = new byte[16 * 1024];
    private int end;
    private int needed;
    private int pos; // the parse position within the command being read

    /**
     * Adds the bytes and hands every complete command to the handler.
     *
     * @param data the bytes received
     * @param handler gets the commands in order
     * @return {@code false} if the handler stopped the parsing
     * @throws ProtocolError on a malformed request
     */
    boolean feed(ByteBuffer data, Handler handler) {
        int n = data.remaining();
        if (end + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + n));
        }
        data.get(data.position(), buf, end, n);
        end += n;
        if (end < needed) {
            return true;
        }
        int start = 0;
        boolean go = true;
        while (go && start < end) {
            pos = start;
            byte[][] args = buf[start] == '*' ? multibulk() : inline();
            if (args == null) {
                break; // incomplete: needed is set
            }
            start = pos;
            needed = 0;
            if (args.length > 0) {
                go = handler.command(args);
            }
        }
        // Keep the incomplete command at the front; shrink a buffer grown for a large command once it is used.
        int rest = end - start;
        if (rest == 0 && buf.length > 256 * 1024) {
            buf = new byte[16 * 1024];
        } else if (start > 0) {
            System.arraycopy(buf, start, buf, 0, rest);
        }
        needed -= start;
        end = rest;
        return go;
    }

    /** Whether bytes of an incomplete command are waiting. */
    boolean hasPartial() {
        return end > 0;
    }

    private byte[][] multibulk() {
        int eol = lineEnd(pos + 1, "too big mbulk count string");
        if (eol < 0) {
            return null;
        }
        long count = number(pos + 1, eol - 1);
        if (count > MAX_MULTIBULK || count == Long.MIN_VALUE) {
            throw new ProtocolError("invalid multibulk length");
        }
        pos = eol + 1;
        if (count <= 0) {
            return new byte[0][]; // redis ignores "*0" and "*-1"
        }
        byte[][] args = new byte[(int) count][];
        for (int i = 0; i < count; i++) {
            if (pos >= end) {
                return incomplete(pos + 1);
            }
            if (buf[pos] != '$') {
                throw new ProtocolError("expected '$', got '" + (char) (buf[pos] & 0xff) + "'");
            }
            eol = lineEnd(pos + 1, "too big bulk count string");
            if (eol < 0) {
                return null;
            }
            long len = number(pos + 1, eol - 1);
            if (len < 0 || len > MAX_BULK) {
                throw new ProtocolError("invalid bulk length");
            }
            int from = eol + 1;
            if (end - from < len + 2) {
                return incomplete((int) Math.min(Integer.MAX_VALUE, from + len + 2));
            }
            args[i] = Arrays.copyOfRange(buf, from, from + (int) len);
            pos = from + (int) len + 2; // redis skips the CRLF after the bulk without looking at it
        }
        return args;
    }

    /** The index of the {@code \n} ending the line that starts at {@code from}, or -1 with needed set. */
    private int lineEnd(int from, String tooBig) {
        for (int i = from; i < end; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        if (end - pos > MAX_INLINE) {
            throw new ProtocolError(tooBig);
        }
        incomplete(end + 1);
        return -1;
    }

    /** A decimal integer in buf[from, to) where to is the {@code \r} before the {@code \n}; MIN_VALUE if invalid. */
    private long number(int from, int to) {
        if (to <= from || buf[to] != '\r') {
            return Long.MIN_VALUE;
        }
        boolean negative = buf[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to || to - i > 18) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return Long.MIN_VALUE;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    private byte[][] incomplete(int need) {
        needed = need;
        return null;
    }

    /** An inline command: words separated by spaces, with redis's quoting ({@code "a b\n"}, {@code 'a b'}). */
    private byte[][] inline() {
        int eol = lineEnd(pos, "too big inline request");
        if (eol < 0) {
            return null;
        }
        int last = eol > pos && buf[eol - 1] == '\r' ? eol - 1 : eol;
        List<byte[]> words = splitArgs(buf, pos, last);
        pos = eol + 1;
        return words.toArray(new byte[0][]);
    }

    /** redis's {@code sdssplitargs}: words, "double quoted" with escapes, or 'single quoted'. */
    static List<byte[]> splitArgs(byte[] b, int from, int to) {
        List<byte[]> words = new ArrayList<>();
        java.io.ByteArrayOutputStream word = new java.io.ByteArrayOutputStream();
        int i = from;
        while (true) {
            while (i < to && Character.isWhitespace(b[i])) {
                i++;
            }
            if (i == to) {
                return words;
            }
            word.reset();
            byte quote = b[i] == '"' || b[i] == '\'' ? b[i++] : 0;
            boolean closed = quote == 0;
            while (i < to) {
                byte c = b[i];
                if (quote == 0 && Character.isWhitespace(c)) {
                    break;
                }
                i++;
                if (c == quote) {
                    closed = true;
                    if (i < to && !Character.isWhitespace(b[i])) {
                        throw new ProtocolError("unbalanced quotes in request"); // "closing quote must be followed by a space"
                    }
                    break;
                }
                if (c == '\\' && quote != 0 && i < to) {
                    c = b[i++];
                    if (quote == '"') {
                        c = switch (c) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> 7;
                            default -> c;
                        };
                    }
                }
                word.write(c);
            }
            if (!closed) {
                throw new ProtocolError("unbalanced quotes in request");
            }
            words.add(word.toByteArray());
        }
    }
}
