/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.examples;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RESP2 requests read the plain way, the whole stream at once, by redis's rules ({@code networking.c}:
 * {@code processMultibulkBuffer}, {@code processInlineBuffer}, {@code sdssplitargs}, {@code string2ll}), to check the
 * example server's incremental parser against. A stream reads as the commands complete in it, then either the
 * {@code Protocol error} that stops it or nothing (the rest waits for more bytes).
 *
 * <p>The 64 KiB line limits are left out: where redis applies them depends on how much a read brought, and fuzz
 * inputs are shorter.
 */
final class RespRequestReference {
    private static final long MAX_MULTIBULK = 1024 * 1024;
    private static final long MAX_BULK = 512L * 1024 * 1024;

    /**
     * A reading.
     *
     * @param commands the complete commands, each its arguments
     * @param error the protocol error's message after them (without "Protocol error: "), or null
     * @param largestBulk the largest bulk length declared, complete or not
     */
    record Reading(List<byte[][]> commands, String error, long largestBulk) {
    }

    private final byte[] s;
    private final List<byte[][]> commands = new ArrayList<>();
    private long largestBulk;

    private RespRequestReference(byte[] s) {
        this.s = s;
    }

    /**
     * Reads a stream.
     *
     * @param stream the bytes
     * @return its reading
     */
    static Reading read(byte[] stream) {
        RespRequestReference r = new RespRequestReference(stream);
        String error = null;
        try {
            int at = 0;
            while (at >= 0 && at < stream.length) {
                at = stream[at] == '*' ? r.multibulk(at) : r.inline(at);
            }
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        return new Reading(r.commands, error, r.largestBulk);
    }

    /** The canonical multibulk form of some commands: what a client library sends. */
    static byte[] encode(List<byte[][]> commands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[][] args : commands) {
            out.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (byte[] a : args) {
                out.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(a);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    /** {@code *N\r\n} and N bulks; the next command's offset, or -1 if the stream ends first. */
    private int multibulk(int at) {
        int cr = crOf(at);
        if (cr < 0) {
            return -1;
        }
        Long count = string2ll(at + 1, cr);
        if (count == null || count > MAX_MULTIBULK) {
            throw new IllegalArgumentException("invalid multibulk length");
        }
        int next = cr + 2;
        if (count <= 0) {
            return next; // "*0" and "*-1" are nothing
        }
        List<byte[]> args = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            if (next >= s.length) {
                return -1;
            }
            cr = crOf(next);
            if (cr < 0) {
                return -1;
            }
            if (s[next] != '$') {
                char got = s[next] == '\r' || s[next] == '\n' ? ' ' : (char) (s[next] & 0xff);
                throw new IllegalArgumentException("expected '$', got '" + got + "'");
            }
            Long len = string2ll(next + 1, cr);
            if (len == null || len < 0 || len > MAX_BULK) {
                throw new IllegalArgumentException("invalid bulk length");
            }
            largestBulk = Math.max(largestBulk, len);
            next = cr + 2;
            if ((long) s.length - next < len + 2) {
                return -1; // redis skips the two bytes after the bulk unread
            }
            args.add(Arrays.copyOfRange(s, next, next + len.intValue()));
            next += len.intValue() + 2;
        }
        commands.add(args.toArray(new byte[0][]));
        return next;
    }

    /** The {@code \r} ending the line at {@code at}, once a byte follows it; -1 otherwise. */
    private int crOf(int at) {
        for (int i = at; i < s.length - 1; i++) {
            if (s[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** A line of words, up to {@code \n}; the next command's offset, or -1 if the stream ends first. */
    private int inline(int at) {
        int lf = at;
        while (lf < s.length && s[lf] != '\n') {
            lf++;
        }
        if (lf == s.length) {
            return -1;
        }
        int end = lf > at && s[lf - 1] == '\r' ? lf - 1 : lf;
        List<byte[]> words = splitArgs(Arrays.copyOfRange(s, at, end));
        if (!words.isEmpty()) {
            commands.add(words.toArray(new byte[0][]));
        }
        return lf + 1;
    }

    /**
     * redis's {@code string2ll} on s[from, to): at most 20 bytes, an optional '-', digits without a leading 0 ("0"
     * alone is 0), within a long; null if not.
     */
    private Long string2ll(int from, int to) {
        String text = new String(s, from, to - from, StandardCharsets.ISO_8859_1);
        if (text.equals("0")) {
            return 0L;
        }
        if (text.length() > 20 || !text.matches("-?[1-9][0-9]*")) {
            return null;
        }
        java.math.BigInteger n = new java.math.BigInteger(text);
        return n.bitLength() > 63 ? null : n.longValue();
    }

    /**
     * redis's {@code sdssplitargs}, step for step: blanks ({@code isspace}) between words; a word ends at a space, tab,
     * CR or LF; a quote anywhere in a word opens a quoted part: "double", with {@code \xHH}, {@code \n \r \t
     * \b \a} and {@code \c} for any other c, or 'single', with {@code \'} only; a closing quote must be
     * followed by a blank or the end. One difference, this project's choice: a NUL byte is data (redis's C string
     * ends there).
     */
    private static List<byte[]> splitArgs(byte[] line) {
        List<byte[]> words = new ArrayList<>();
        int n = line.length;
        int p = 0;
        while (true) {
            while (p < n && isSpace(line[p])) {
                p++;
            }
            if (p == n) {
                return words;
            }
            ByteArrayOutputStream word = new ByteArrayOutputStream();
            boolean inq = false;
            boolean insq = false;
            boolean done = false;
            while (!done) {
                int c = p < n ? line[p] & 0xff : -1; // -1: the end of the line
                if (inq) {
                    boolean hexEscape = p + 3 < n && line[p + 1] == 'x' && hex(line[p + 2]) >= 0
                            && hex(line[p + 3]) >= 0;
                    if (c == '\\' && hexEscape) {
                        word.write(hex(line[p + 2]) * 16 + hex(line[p + 3]));
                        p += 3;
                    } else if (c == '\\' && p + 1 < n) {
                        p++;
                        word.write(switch (line[p]) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> 7;
                            default -> line[p];
                        });
                    } else if (c == '"') {
                        if (p + 1 < n && !isSpace(line[p + 1])) {
                            throw new IllegalArgumentException("unbalanced quotes in request");
                        }
                        done = true;
                    } else if (c == -1) {
                        throw new IllegalArgumentException("unbalanced quotes in request");
                    } else {
                        word.write(c);
                    }
                } else if (insq) {
                    if (c == '\\' && p + 1 < n && line[p + 1] == '\'') {
                        p++;
                        word.write('\'');
                    } else if (c == '\'') {
                        if (p + 1 < n && !isSpace(line[p + 1])) {
                            throw new IllegalArgumentException("unbalanced quotes in request");
                        }
                        done = true;
                    } else if (c == -1) {
                        throw new IllegalArgumentException("unbalanced quotes in request");
                    } else {
                        word.write(c);
                    }
                } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == -1) {
                    done = true;
                } else if (c == '"') {
                    inq = true;
                } else if (c == '\'') {
                    insq = true;
                } else {
                    word.write(c);
                }
                if (p < n) {
                    p++;
                }
            }
            words.add(word.toByteArray());
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }
}
