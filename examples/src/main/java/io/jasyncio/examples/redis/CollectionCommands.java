/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.redis;

import static io.jasyncio.examples.redis.Commands.key;
import static io.jasyncio.examples.redis.Commands.text;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;

/** The commands on lists, hashes, sets and sorted sets. */
final class CollectionCommands {
    private final Store store;
    private final RespReply reply;
    private final Commands c;

    CollectionCommands(Store store, RespReply reply, Commands commands) {
        this.store = store;
        this.reply = reply;
        this.c = commands;
    }

    /** Runs the command if it is one of these; returns {@code false} if the name is unknown here. */
    boolean execute(String name, byte[][] a) {
        switch (name) {
            case "LPUSH", "RPUSH" -> {
                c.arity(a, -3, name);
                String k = key(a[1]);
                ArrayDeque<byte[]> list = collection(k, ArrayDeque.class);
                if (list == null) {
                    list = new ArrayDeque<>();
                    store.put(k, list);
                }
                for (int i = 2; i < a.length; i++) {
                    if (name.equals("LPUSH")) {
                        list.addFirst(a[i]);
                    } else {
                        list.addLast(a[i]);
                    }
                }
                reply.integer(list.size());
            }
            case "LPOP", "RPOP" -> pop(name, a);
            case "LLEN" -> {
                c.arity(a, 2, name);
                ArrayDeque<byte[]> list = collection(key(a[1]), ArrayDeque.class);
                reply.integer(list == null ? 0 : list.size());
            }
            case "LRANGE" -> lrange(a);
            case "HSET" -> {
                if (a.length < 4 || a.length % 2 != 0) {
                    c.fail(Commands.wrongArgs(name));
                }
                String k = key(a[1]);
                HashMap<String, byte[]> hash = collection(k, HashMap.class);
                if (hash == null) {
                    hash = new HashMap<>();
                    store.put(k, hash);
                }
                int added = 0;
                for (int i = 2; i < a.length; i += 2) {
                    added += hash.put(key(a[i]), a[i + 1]) == null ? 1 : 0;
                }
                reply.integer(added);
            }
            case "HGET" -> {
                c.arity(a, 3, name);
                HashMap<String, byte[]> hash = collection(key(a[1]), HashMap.class);
                reply.bulk(hash == null ? null : hash.get(key(a[2])));
            }
            case "HGETALL" -> {
                c.arity(a, 2, name);
                HashMap<String, byte[]> hash = collection(key(a[1]), HashMap.class);
                reply.arrayHeader(hash == null ? 0 : hash.size() * 2);
                if (hash != null) {
                    for (Map.Entry<String, byte[]> e : hash.entrySet()) {
                        reply.bulk(e.getKey());
                        reply.bulk(e.getValue());
                    }
                }
            }
            case "HDEL" -> {
                c.arity(a, -3, name);
                String k = key(a[1]);
                HashMap<String, byte[]> hash = collection(k, HashMap.class);
                int n = 0;
                for (int i = 2; hash != null && i < a.length; i++) {
                    n += hash.remove(key(a[i])) != null ? 1 : 0;
                }
                store.removeIfEmpty(k, hash != null && hash.isEmpty());
                reply.integer(n);
            }
            case "SADD" -> {
                c.arity(a, -3, name);
                String k = key(a[1]);
                HashSet<String> set = collection(k, HashSet.class);
                if (set == null) {
                    set = new HashSet<>();
                    store.put(k, set);
                }
                int n = 0;
                for (int i = 2; i < a.length; i++) {
                    n += set.add(key(a[i])) ? 1 : 0;
                }
                reply.integer(n);
            }
            case "SPOP" -> spop(a);
            case "ZADD" -> zadd(a);
            case "ZPOPMIN" -> zpopmin(a);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The collection at a key, {@code null} if none; WRONGTYPE if the key holds another type. */
    @SuppressWarnings("unchecked")
    private <T> T collection(String key, Class<?> type) {
        Object v = store.get(key);
        if (v != null && v.getClass() != type) {
            c.fail(RespReply.WRONGTYPE);
        }
        return (T) v;
    }

    private long count(byte[][] a, int at) {
        if (a.length <= at) {
            return -1;
        }
        long n = c.integer(a[at]);
        if (n < 0) {
            c.fail("ERR value is out of range, must be positive");
        }
        return n;
    }

    /** LPOP/RPOP key [count]: one element as a bulk, or with a count an array. */
    private void pop(String name, byte[][] a) {
        if (a.length != 2 && a.length != 3) {
            c.fail(Commands.wrongArgs(name));
        }
        long count = count(a, 2);
        String k = key(a[1]);
        ArrayDeque<byte[]> list = collection(k, ArrayDeque.class);
        if (list == null) {
            reply.raw(count < 0 ? RespReply.NULL : RespReply.NULL_ARRAY);
            return;
        }
        boolean left = name.equals("LPOP");
        if (count < 0) {
            reply.bulk(left ? list.pollFirst() : list.pollLast());
        } else {
            int n = (int) Math.min(count, list.size());
            reply.arrayHeader(n);
            for (int i = 0; i < n; i++) {
                reply.bulk(left ? list.pollFirst() : list.pollLast());
            }
        }
        store.removeIfEmpty(k, list.isEmpty());
    }

    /** LRANGE key start stop, with negative indexes counting from the end. */
    private void lrange(byte[][] a) {
        c.arity(a, 4, "LRANGE");
        long start = c.integer(a[2]);
        long stop = c.integer(a[3]);
        ArrayDeque<byte[]> list = collection(key(a[1]), ArrayDeque.class);
        int size = list == null ? 0 : list.size();
        if (start < 0) {
            start = Math.max(0, size + start);
        }
        if (stop < 0) {
            stop = size + stop;
        }
        stop = Math.min(stop, size - 1);
        if (list == null || start > stop) {
            reply.raw(RespReply.EMPTY_ARRAY);
            return;
        }
        reply.arrayHeader((int) (stop - start + 1));
        Iterator<byte[]> it = list.iterator();
        for (long i = 0; i <= stop; i++) {
            byte[] v = it.next();
            if (i >= start) {
                reply.bulk(v);
            }
        }
    }

    /** SPOP key [count]: any member. */
    private void spop(byte[][] a) {
        if (a.length != 2 && a.length != 3) {
            c.fail(Commands.wrongArgs("SPOP"));
        }
        long count = count(a, 2);
        String k = key(a[1]);
        HashSet<String> set = collection(k, HashSet.class);
        if (set == null) {
            reply.raw(count < 0 ? RespReply.NULL : RespReply.EMPTY_ARRAY);
            return;
        }
        int n = count < 0 ? 1 : (int) Math.min(count, set.size());
        if (count >= 0) {
            reply.arrayHeader(n);
        }
        Iterator<String> it = set.iterator();
        for (int i = 0; i < n; i++) {
            reply.bulk(it.next());
            it.remove();
        }
        store.removeIfEmpty(k, set.isEmpty());
    }

    /** ZADD key [NX|XX] [CH] score member [score member ...]. */
    private void zadd(byte[][] a) {
        int i = 2;
        boolean nx = false;
        boolean xx = false;
        boolean ch = false;
        for (; i < a.length; i++) {
            String opt = text(a[i]).toUpperCase(java.util.Locale.ROOT);
            if (opt.equals("NX")) {
                nx = true;
            } else if (opt.equals("XX")) {
                xx = true;
            } else if (opt.equals("CH")) {
                ch = true;
            } else {
                break;
            }
        }
        if (a.length - i < 2 || (a.length - i) % 2 != 0) {
            c.fail(a.length - i == 0 || a.length < 4 ? Commands.wrongArgs("ZADD") : "ERR syntax error");
        }
        if (nx && xx) {
            c.fail("ERR XX and NX options at the same time are not compatible");
        }
        double[] scores = new double[(a.length - i) / 2];
        for (int j = 0; j < scores.length; j++) {
            try {
                scores[j] = Double.parseDouble(text(a[i + 2 * j]));
            } catch (NumberFormatException e) {
                scores[j] = Double.NaN;
            }
            if (Double.isNaN(scores[j])) {
                c.fail("ERR value is not a valid float");
            }
        }
        String k = key(a[1]);
        ZSet z = collection(k, ZSet.class);
        if (z == null) {
            if (xx) {
                reply.integer(0);
                return;
            }
            z = new ZSet();
            store.put(k, z);
        }
        int added = 0;
        int changed = 0;
        for (int j = 0; j < scores.length; j++) {
            String member = key(a[i + 2 * j + 1]);
            Double old = z.score(member);
            if ((nx && old != null) || (xx && old == null)) {
                continue;
            }
            if (z.add(scores[j], member)) {
                added++;
            } else if (old != scores[j]) {
                changed++;
            }
        }
        store.removeIfEmpty(k, z.size() == 0);
        reply.integer(ch ? added + changed : added);
    }

    /** ZPOPMIN key [count]: member, score pairs, lowest first. */
    private void zpopmin(byte[][] a) {
        if (a.length != 2 && a.length != 3) {
            c.fail(Commands.wrongArgs("ZPOPMIN"));
        }
        long count = a.length == 3 ? count(a, 2) : 1;
        String k = key(a[1]);
        ZSet z = collection(k, ZSet.class);
        int n = z == null ? 0 : (int) Math.min(count, z.size());
        reply.arrayHeader(n * 2);
        for (int i = 0; i < n; i++) {
            ZSet.Entry e = z.popMin();
            reply.bulk(e.member());
            reply.bulk(ZSet.format(e.score()));
        }
        if (z != null) {
            store.removeIfEmpty(k, z.size() == 0);
        }
    }
}
