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
 * <p>How it copes with any split: the parse state survives between reads, as in redis's {@code networking.c}: the
 * command's argument count, the arguments read so far, the length of the bulk being read and how much of it has
 * come, and how far the current line has been searched for its end. Nothing is parsed twice: each byte received is
 * looked at a bounded number of times whatever the split ({@link #examined} counts them). Once a bulk's length is
 * known, the bytes go straight into the argument's own array, made at most 1 MiB and doubled up to that length as
 * the bytes come, so a 400 MB {@code SET} costs its size and at most as much again in copies, and a length a client
 * announces without sending the bytes costs it nothing.
 * The read buffer holds only a line being read (at most 64 KiB) and the bytes of a read not parsed yet.
 *
 * <p>Limits and error messages are redis's ({@code networking.c}); after a {@link ProtocolError} the connection is
 * closed, as redis does. As there, a multibulk line ends at its {@code \r} (the byte after it is skipped unread), so a
 * line ending in a bare {@code \n} waits for more; counts are read as redis's {@code string2ll} does, refusing
 * {@code *01} and {@code $04}.
 */
final class RespParser {
    /** Receives each complete command; returns {@code false} to stop parsing (after QUIT, or to wait). */
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
    private static final int SMALL = 16 * 1024;
    /** A bulk's first array, at most: larger ones grow as their bytes come. */
    private static final int BULK_START = 1024 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    // Threading: the connection's loop thread only.
    private byte[] buf = new byte[SMALL];
    private int start; // the first byte not parsed
    private int end;
    private int scanned; // bytes from start already searched for the current line's end
    private int argc; // the current multibulk command's argument count; 0 between commands
    private int argi; // how many of its arguments are read
    private byte[][] args;
    private byte[] bulk; // the argument being read, once its length is known; grown as its bytes come
    private int bulkLength; // its length, as the client announced it
    private int filled;
    private int skip; // bytes of the CRLF after a bulk still to skip
    private long examined;
    /** Where the bulks' memory comes from, and how much of it the command being read holds. */
    private final QueryBudget budget;
    private long charged;

    /** A parser with no limit but redis's own: for tests of the parser alone. */
    RespParser() {
        this(QueryBudget.UNLIMITED);
    }

    /**
     * A parser whose bulks take their memory from the server's budget.
     *
     * @param budget the memory all clients' incomplete commands may hold together
     */
    RespParser(QueryBudget budget) {
        this.budget = budget;
    }

    /** Takes {@code n} more bytes for the command being read, or refuses the command. */
    private void charge(long n) {
        if (!budget.reserve(n)) {
            throw new ProtocolError("query buffer limit reached: the server's memory for incomplete commands is in"
                    + " use");
        }
        charged += n;
    }

    /** Gives back what the last command held: it is complete (or the connection is gone). */
    void release() {
        budget.release(charged);
        charged = 0;
    }

    /**
     * Adds the bytes and hands every complete command to the handler.
     *
     * @param data the bytes received (read from its position; its position is not changed)
     * @param handler gets the commands in order
     * @return {@code false} if the handler stopped the parsing; the bytes not parsed are kept
     * @throws ProtocolError on a malformed request
     */
    boolean feed(ByteBuffer data, Handler handler) {
        add(data);
        return parse(handler);
    }

    /**
     * Adds the bytes without parsing them: while the replies wait to be written, commands wait too.
     *
     * @param data the bytes received (read from its position; its position is not changed)
     */
    void add(ByteBuffer data) {
        int at = data.position();
        int n = data.remaining();
        if (bulk != null && start == end) {
            int take = Math.min(n, bulkLength - filled); // straight into the argument's own array
            room(take);
            data.get(at, bulk, filled, take);
            filled += take;
            examined += take;
            at += take;
            n -= take;
        }
        append(data, at, n);
    }

    /**
     * Parses the bytes kept, handing every complete command to the handler: how parsing stopped by the handler
     * goes on.
     *
     * @param handler gets the commands in order
     * @return {@code false} if the handler stopped the parsing again
     * @throws ProtocolError on a malformed request
     */
    boolean parse(Handler handler) {
        try {
            while (true) {
                byte[][] command = next();
                if (command == null) {
                    return true;
                }
                release(); // the command's arguments now belong to the store, or to nobody
                if (!handler.command(command)) {
                    return false;
                }
            }
        } finally {
            if (start == end) {
                start = 0;
                end = 0;
                if (buf.length > 256 * 1024) {
                    buf = new byte[SMALL]; // let go of a buffer grown for a long pipeline
                }
            }
        }
    }

    /** Whether bytes of an incomplete command are waiting. */
    boolean hasPartial() {
        return end > start || argc > 0 || bulk != null || skip > 0;
    }

    /** How many bytes the parser has looked at or copied: a measure of its work, linear in the bytes received. */
    long examined() {
        return examined;
    }

    /** How many bytes are buffered, not parsed yet (a bulk's own array not counted). */
    int buffered() {
        return end - start;
    }

    private void append(ByteBuffer data, int at, int n) {
        if (n == 0) {
            return;
        }
        if (end + n > buf.length) {
            int live = end - start;
            long needed = (long) live + n;
            if (needed > MAX_ARRAY) {
                throw new OutOfMemoryError("request buffer over " + MAX_ARRAY + " bytes");
            }
            // Compact when that frees at least half the buffer, so each byte is moved a bounded number of times.
            byte[] to = needed <= buf.length / 2 ? buf
                    : new byte[(int) Math.min(MAX_ARRAY, Math.max(needed, 2L * buf.length))];
            System.arraycopy(buf, start, to, 0, live);
            buf = to;
            start = 0;
            end = live;
        }
        data.get(at, buf, end, n);
        end += n;
    }

    /** The next complete command, or {@code null} when more bytes are needed. */
    private byte[][] next() {
        while (true) {
            if (bulk != null) {
                int take = Math.min(end - start, bulkLength - filled);
                room(take);
                System.arraycopy(buf, start, bulk, filled, take);
                start += take;
                filled += take;
                examined += take;
                if (filled < bulkLength) {
                    return null;
                }
                args[argi++] = bulk;
                bulk = null;
                skip = 2; // redis skips the CRLF after the bulk without looking at it
            }
            if (skip > 0) {
                int take = Math.min(skip, end - start);
                start += take;
                skip -= take;
                if (skip > 0) {
                    return null;
                }
                if (argi == argc) {
                    byte[][] command = args.length == argc ? args : Arrays.copyOf(args, argc);
                    argc = 0;
                    argi = 0;
                    args = null;
                    return command;
                }
            }
            if (start == end) {
                return null;
            }
            if (argc > 0) {
                if (!bulkLength()) {
                    return null;
                }
            } else if (buf[start] == '*') {
                if (!multibulkCount()) {
                    return null;
                }
            } else {
                byte[][] command = inline();
                if (command == null) {
                    return null;
                }
                if (command.length > 0) {
                    return command;
                }
            }
        }
    }

    /** {@code *N\r\n}: sets argc; {@code false} if the line is incomplete. */
    private boolean multibulkCount() {
        int cr = lineEnd("too big mbulk count string");
        if (cr < 0) {
            return false;
        }
        long count = string2ll(start + 1, cr);
        if (count == Long.MIN_VALUE || count > MAX_MULTIBULK) {
            throw new ProtocolError("invalid multibulk length");
        }
        start = cr + 2;
        if (count > 0) { // redis ignores "*0" and "*-1"
            argc = (int) count;
            argi = 0;
            args = new byte[Math.min(argc, 1024)][]; // grown as arguments come, as redis does
        }
        return true;
    }

    /** {@code $N\r\n}: makes the argument's array; {@code false} if the line is incomplete. */
    private boolean bulkLength() {
        int cr = lineEnd("too big bulk count string");
        if (cr < 0) {
            return false;
        }
        if (buf[start] != '$') {
            byte got = buf[start] == '\r' || buf[start] == '\n' ? (byte) ' ' : buf[start];
            throw new ProtocolError("expected '$', got '" + (char) (got & 0xff) + "'");
        }
        long len = string2ll(start + 1, cr);
        if (len < 0 || len > Math.min(MAX_BULK, budget.limit())) {
            throw new ProtocolError("invalid bulk length");
        }
        start = cr + 2;
        if (argi == args.length) {
            args = Arrays.copyOf(args, (int) Math.min(argc, 2L * args.length));
        }
        bulkLength = (int) len;
        charge(Math.min(bulkLength, BULK_START));
        bulk = new byte[Math.min(bulkLength, BULK_START)];
        filled = 0;
        return true;
    }

    /**
     * Makes room in the bulk for {@code take} more bytes: it starts at {@link #BULK_START} and doubles, up to the
     * announced length, so memory follows the bytes that came, not the length a client claims.
     */
    private void room(int take) {
        if (filled + take > bulk.length) {
            int grown = (int) Math.min(bulkLength, Math.max(filled + (long) take, 2L * bulk.length));
            charge(grown - bulk.length);
            bulk = Arrays.copyOf(bulk, grown);
        }
    }

    /**
     * The index of the {@code \r} ending the line at {@code start}, once the byte after it has come too; -1 when
     * more bytes are needed. The search goes on where the last one stopped.
     */
    private int lineEnd(String tooBig) {
        for (int i = start + scanned; i < end; i++) {
            examined++;
            if (buf[i] == '\r') {
                scanned = i - start; // found: look at it again only if its next byte is missing
                if (i + 1 == end) {
                    return -1;
                }
                scanned = 0;
                return i;
            }
        }
        scanned = end - start;
        if (end - start > MAX_INLINE) {
            throw new ProtocolError(tooBig);
        }
        return -1;
    }

    /**
     * redis's {@code string2ll} over buf[from, to): an optional minus, then digits without a leading zero ("0" alone
     * is zero), within a long; {@code Long.MIN_VALUE} if invalid. The least long itself reads as the next one up,
     * which no caller tells apart from it (a count below 1 is nothing, a negative length is refused).
     */
    private long string2ll(int from, int to) {
        examined += to - from;
        if (to - from == 1 && buf[from] == '0') {
            return 0;
        }
        boolean negative = from < to && buf[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to || to - i > 19 || buf[i] < '1' || buf[i] > '9') {
            return Long.MIN_VALUE;
        }
        long v = 0; // negative as it is built, so the least long fits
        for (; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9 || v < (Long.MIN_VALUE + d) / 10) {
                return Long.MIN_VALUE;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            return v == Long.MIN_VALUE ? Long.MIN_VALUE : -v;
        }
        return v == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : v;
    }

    /**
     * An inline command: words separated by spaces, with redis's quoting ({@code "a b\n"}, {@code 'a b'}); the line
     * ends at {@code \n}, a {@code \r} before it dropped. {@code null} when the line is incomplete.
     */
    private byte[][] inline() {
        int lf = -1;
        for (int i = start + scanned; i < end; i++) {
            examined++;
            if (buf[i] == '\n') {
                lf = i;
                break;
            }
        }
        if (lf < 0) {
            scanned = end - start;
            if (end - start > MAX_INLINE) {
                throw new ProtocolError("too big inline request");
            }
            return null;
        }
        scanned = 0;
        int last = lf > start && buf[lf - 1] == '\r' ? lf - 1 : lf;
        examined += last - start;
        List<byte[]> words = splitArgs(buf, start, last);
        start = lf + 1;
        return words.toArray(new byte[0][]);
    }

    /**
     * redis's {@code sdssplitargs}: words between blanks; a word ends at a space, tab, CR or LF; a quote anywhere in
     * a word opens a quoted part, "double" (escapes {@code \xHH}, {@code \n \r \t \b \a}, and
     * {@code \c} for any other c) or 'single' (only {@code \'}), and its closing quote must be followed by a
     * blank or the end. A NUL byte is data (redis's C string would end there).
     */
    static List<byte[]> splitArgs(byte[] b, int from, int to) {
        List<byte[]> words = new ArrayList<>();
        java.io.ByteArrayOutputStream word = new java.io.ByteArrayOutputStream();
        int i = from;
        while (true) {
            while (i < to && isSpace(b[i])) {
                i++;
            }
            if (i == to) {
                return words;
            }
            word.reset();
            byte quote = 0; // the quote of the part being read, 0 outside quotes
            while (true) {
                if (quote == 0) {
                    if (i == to || isWordEnd(b[i])) {
                        break;
                    }
                    byte c = b[i++];
                    if (c == '"' || c == '\'') {
                        quote = c;
                    } else {
                        word.write(c);
                    }
                    continue;
                }
                if (i == to) {
                    throw new ProtocolError("unbalanced quotes in request");
                }
                byte c = b[i++];
                if (c == quote) { // closing quote: ends the word
                    if (i < to && !isSpace(b[i])) {
                        throw new ProtocolError("unbalanced quotes in request");
                    }
                    break;
                }
                if (c == '\\' && i < to) {
                    if (quote == '\'') {
                        if (b[i] == '\'') {
                            c = b[i++];
                        }
                    } else if (b[i] == 'x' && i + 2 < to && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
                        c = (byte) (hex(b[i + 1]) * 16 + hex(b[i + 2]));
                        i += 3;
                    } else {
                        c = switch (b[i++]) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> 7;
                            default -> b[i - 1];
                        };
                    }
                }
                word.write(c);
            }
            words.add(word.toByteArray());
        }
    }

    /** What ends an unquoted word in {@code sdssplitargs}: space, tab, CR, LF (not \v or \f, which only separate). */
    private static boolean isWordEnd(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** C's {@code isspace}: space, \t, \n, \v, \f, \r. */
    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
