/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The commands on strings, counters, keys and the connection, and the dispatch of every command by name; the
 * commands on lists, hashes, sets and sorted sets are in {@link CollectionCommands}. Each command checks its arity
 * and arguments and answers with redis's reply and error messages.
 */
final class Commands {
    /** A command's answer was an error already written: stops the command. */
    static final class Failed extends RuntimeException {
        Failed() {
            super(null, null, false, false);
        }
    }

    private final Store store;
    private final RespReply reply;
    private final CollectionCommands collections;

    Commands(Store store, RespReply reply) {
        this.store = store;
        this.reply = reply;
        this.collections = new CollectionCommands(store, reply, this);
    }

    static String key(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /**
     * Runs one command and writes its reply.
     *
     * @param args the command's name and arguments
     * @return {@code false} after QUIT: the connection closes once the reply is written
     */
    boolean execute(byte[][] args) {
        String name = text(args[0]).toUpperCase(Locale.ROOT);
        try {
            return dispatch(name, args);
        } catch (Failed f) {
            return true;
        } catch (ArithmeticException e) {
            reply.error("ERR increment or decrement would overflow"); // DECRBY of the smallest long
            return true;
        }
    }

    private boolean dispatch(String name, byte[][] a) {
        switch (name) {
            case "PING" -> {
                arity(a, -1, name);
                if (a.length == 1) {
                    reply.raw(RespReply.PONG);
                } else {
                    reply.bulk(a[1]);
                }
            }
            case "ECHO" -> {
                arity(a, 2, name);
                reply.bulk(a[1]);
            }
            case "GET" -> {
                arity(a, 2, name);
                reply.bulk(string(key(a[1])));
            }
            case "SET" -> set(a);
            case "MSET" -> {
                if (a.length < 3 || a.length % 2 == 0) {
                    fail(wrongArgs(name));
                }
                for (int i = 1; i < a.length; i += 2) {
                    store.put(key(a[i]), a[i + 1]);
                }
                reply.raw(RespReply.OK);
            }
            case "MGET" -> {
                arity(a, -2, name);
                reply.arrayHeader(a.length - 1);
                for (int i = 1; i < a.length; i++) {
                    Object v = store.get(key(a[i]));
                    reply.bulk(v instanceof byte[] b ? b : null);
                }
            }
            case "DEL" -> {
                arity(a, -2, name);
                int n = 0;
                for (int i = 1; i < a.length; i++) {
                    n += store.remove(key(a[i])) ? 1 : 0;
                }
                reply.integer(n);
            }
            case "EXISTS" -> {
                arity(a, -2, name);
                int n = 0;
                for (int i = 1; i < a.length; i++) {
                    n += store.get(key(a[i])) != null ? 1 : 0;
                }
                reply.integer(n);
            }
            case "INCR", "DECR" -> {
                arity(a, 2, name);
                incrBy(key(a[1]), name.equals("INCR") ? 1 : -1);
            }
            case "INCRBY", "DECRBY" -> {
                arity(a, 3, name);
                long by = integer(a[2]);
                incrBy(key(a[1]), name.equals("INCRBY") ? by : Math.negateExact(by));
            }
            case "EXPIRE", "PEXPIRE" -> {
                arity(a, 3, name);
                long amount = integer(a[2]);
                long millis = name.equals("EXPIRE") ? saturatedMultiply(amount, 1000) : amount;
                reply.integer(store.expireAt(key(a[1]), saturatedAdd(store.nowMillis(), millis)) ? 1 : 0);
            }
            case "TTL", "PTTL" -> {
                arity(a, 2, name);
                long ms = store.pttl(key(a[1]));
                reply.integer(ms < 0 || name.equals("PTTL") ? ms : (ms + 500) / 1000);
            }
            case "KEYS" -> {
                arity(a, 2, name);
                List<String> keys = store.keys(a[1]);
                reply.arrayHeader(keys.size());
                for (String k : keys) {
                    reply.bulk(k);
                }
            }
            case "DBSIZE" -> {
                arity(a, 1, name);
                reply.integer(store.size());
            }
            case "FLUSHALL", "FLUSHDB" -> {
                store.clear();
                reply.raw(RespReply.OK);
            }
            case "SELECT" -> {
                arity(a, 2, name);
                if (integer(a[1]) != 0) {
                    fail("ERR DB index is out of range");
                }
                reply.raw(RespReply.OK);
            }
            case "CONFIG" -> config(a);
            case "COMMAND" -> reply.raw(RespReply.EMPTY_ARRAY); // no command table: redis-cli then skips its hints
            case "CLIENT" -> client(a);
            case "QUIT" -> {
                reply.raw(RespReply.OK);
                return false;
            }
            default -> {
                if (!collections.execute(name, a)) {
                    StringBuilder m = new StringBuilder("ERR unknown command '").append(text(a[0]))
                            .append("', with args beginning with: ");
                    for (int i = 1; i < a.length; i++) {
                        m.append('\'').append(text(a[i])).append("' ");
                    }
                    reply.error(m.toString());
                }
            }
        }
        return true;
    }

    /** SET key value [NX|XX] [EX seconds|PX milliseconds|KEEPTTL]. */
    private void set(byte[][] a) {
        arity(a, -3, "SET");
        boolean nx = false;
        boolean xx = false;
        boolean keepTtl = false;
        long ttlMillis = -1;
        for (int i = 3; i < a.length; i++) {
            String opt = text(a[i]).toUpperCase(Locale.ROOT);
            boolean hasValue = i + 1 < a.length;
            switch (opt) {
                case "NX" -> nx = true;
                case "XX" -> xx = true;
                case "KEEPTTL" -> keepTtl = true;
                case "EX", "PX" -> {
                    if (!hasValue || ttlMillis != -1) {
                        fail("ERR syntax error");
                    }
                    long v = integer(a[++i]);
                    if (v <= 0) {
                        fail("ERR invalid expire time in 'set' command");
                    }
                    ttlMillis = opt.equals("EX") ? saturatedMultiply(v, 1000) : v;
                }
                default -> fail("ERR syntax error");
            }
        }
        if ((nx && xx) || (keepTtl && ttlMillis != -1)) {
            fail("ERR syntax error");
        }
        String key = key(a[1]);
        boolean exists = store.get(key) != null;
        if ((nx && exists) || (xx && !exists)) {
            reply.raw(RespReply.NULL);
            return;
        }
        if (keepTtl) {
            store.putKeepTtl(key, a[2]);
        } else {
            store.put(key, a[2]);
        }
        if (ttlMillis > 0) {
            store.expireAt(key, saturatedAdd(store.nowMillis(), ttlMillis));
        }
        reply.raw(RespReply.OK);
    }

    private void incrBy(String key, long by) {
        byte[] old = string(key);
        long v = 0;
        if (old != null) {
            v = parseLong(old);
            if (v == Long.MIN_VALUE && !text(old).equals("-9223372036854775808")) {
                fail("ERR value is not an integer or out of range");
            }
        }
        long next;
        try {
            next = Math.addExact(v, by);
        } catch (ArithmeticException e) {
            fail("ERR increment or decrement would overflow");
            return;
        }
        store.putKeepTtl(key, Long.toString(next).getBytes(StandardCharsets.ISO_8859_1));
        reply.integer(next);
    }

    private void config(byte[][] a) {
        if (a.length == 3 && text(a[1]).equalsIgnoreCase("GET")) {
            // What redis-benchmark asks at start; a server without persistence answers these.
            String param = text(a[2]).toLowerCase(Locale.ROOT);
            String value = switch (param) {
                case "save" -> "";
                case "appendonly" -> "no";
                default -> null;
            };
            if (value == null) {
                reply.raw(RespReply.EMPTY_ARRAY);
            } else {
                reply.arrayHeader(2);
                reply.bulk(param);
                reply.bulk(value);
            }
            return;
        }
        fail(a.length >= 2 ? "ERR unknown subcommand '" + text(a[1]) + "'. Try CONFIG HELP."
                : wrongArgs("CONFIG"));
    }

    private void client(byte[][] a) {
        String sub = a.length >= 2 ? text(a[1]).toUpperCase(Locale.ROOT) : "";
        switch (sub) {
            case "SETNAME" -> {
                arity(a, 3, "CLIENT|SETNAME");
                reply.raw(RespReply.OK);
            }
            case "SETINFO" -> reply.raw(RespReply.OK);
            case "GETNAME" -> reply.raw(RespReply.NULL);
            default -> fail(a.length >= 2 ? "ERR unknown subcommand '" + text(a[1]) + "'. Try CLIENT HELP."
                    : wrongArgs("CLIENT"));
        }
    }

    /** The string at a key, {@code null} if none; WRONGTYPE if the key holds something else. */
    byte[] string(String key) {
        Object v = store.get(key);
        if (v != null && !(v instanceof byte[])) {
            fail(RespReply.WRONGTYPE);
        }
        return (byte[]) v;
    }

    /** Checks the argument count as redis's arity: n exactly, or at least -n when negative. */
    void arity(byte[][] a, int n, String name) {
        if (n >= 0 ? a.length != n : a.length < -n) {
            fail(wrongArgs(name));
        }
    }

    static String wrongArgs(String name) {
        return "ERR wrong number of arguments for '" + name.toLowerCase(Locale.ROOT) + "' command";
    }

    /** Writes the error and stops the command. */
    Failed fail(String message) {
        reply.error(message);
        throw new Failed();
    }

    long integer(byte[] b) {
        long v = parseLong(b);
        if (v == Long.MIN_VALUE && !text(b).equals("-9223372036854775808")) {
            fail("ERR value is not an integer or out of range");
        }
        return v;
    }

    /** A decimal integer as redis's {@code string2ll} reads it (no spaces, no '+'); MIN_VALUE if invalid. */
    static long parseLong(byte[] b) {
        if (b.length == 0 || b.length > 20) {
            return Long.MIN_VALUE;
        }
        try {
            if (b[0] == '+' || (b.length > 1 && b[0] == '0') || (b.length > 2 && b[0] == '-' && b[1] == '0')) {
                return Long.MIN_VALUE;
            }
            return Long.parseLong(text(b));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static long saturatedMultiply(long a, long b) {
        long r = a * b;
        return Math.abs(a) < 3_000_000_000_000_000L / Math.max(1, b) ? r : (a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : r;
    }
}
