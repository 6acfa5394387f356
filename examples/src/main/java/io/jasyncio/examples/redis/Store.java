/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.redis;

import io.jasyncio.Ticker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The keyspace: keys (Latin-1 strings, so any byte is a char and equal bytes are equal keys) to values, and the
 * deadlines of the keys that expire. A value is a {@code byte[]} (string), an {@code ArrayDeque<byte[]>} (list), a
 * {@code HashMap<String, byte[]>} (hash), a {@code HashSet<String>} (set) or a {@link ZSet}.
 *
 * <p>Expiry is lazy, as half of redis's: a key past its deadline is removed when a command touches it, and
 * {@code KEYS} and {@code DBSIZE} sweep them all. Time comes from a {@link Ticker}: the loop's, so tests move a
 * {@code MockTicker} instead of waiting.
 *
 * <p>Threading: one server's connections may run on several loops ({@code --loops N}); every batch of commands runs
 * holding {@link #lock}, so each command is atomic as in redis. On one loop the lock is never contended (a CAS per
 * batch, not per command).
 */
final class Store {
    final ReentrantLock lock = new ReentrantLock();
    // Threading: guarded by lock.
    private final HashMap<String, Object> data = new HashMap<>();
    private final HashMap<String, Long> expires = new HashMap<>();
    private final Ticker ticker;

    Store(Ticker ticker) {
        this.ticker = ticker;
    }

    long nowMillis() {
        return ticker.nanoTime() / 1_000_000;
    }

    /** The live value of a key, or {@code null}; removes it if it has expired. */
    Object get(String key) {
        if (!expires.isEmpty() && expired(key)) {
            return null;
        }
        return data.get(key);
    }

    private boolean expired(String key) {
        Long deadline = expires.get(key);
        if (deadline != null && deadline <= nowMillis()) {
            expires.remove(key);
            data.remove(key);
            return true;
        }
        return false;
    }

    /** Sets a value, dropping any expiry (SET's rule). */
    void put(String key, Object value) {
        data.put(key, value);
        if (!expires.isEmpty()) {
            expires.remove(key);
        }
    }

    /** Sets a value where it exists, keeping its expiry (INCR's, LPUSH's rule). */
    void putKeepTtl(String key, Object value) {
        data.put(key, value);
    }

    boolean remove(String key) {
        boolean live = get(key) != null;
        data.remove(key);
        expires.remove(key);
        return live;
    }

    /** Sets a key's deadline in milliseconds of the ticker's time; a deadline already past removes the key. */
    boolean expireAt(String key, long deadlineMillis) {
        if (get(key) == null) {
            return false;
        }
        if (deadlineMillis <= nowMillis()) {
            remove(key);
        } else {
            expires.put(key, deadlineMillis);
        }
        return true;
    }

    /** Milliseconds left: -2 when the key does not exist, -1 when it has no expiry. */
    long pttl(String key) {
        if (get(key) == null) {
            return -2;
        }
        Long deadline = expires.get(key);
        return deadline == null ? -1 : deadline - nowMillis();
    }

    /** Removes an emptied collection, as redis never keeps an empty list, hash or set. */
    void removeIfEmpty(String key, boolean empty) {
        if (empty) {
            remove(key);
        }
    }

    private void sweep() {
        long now = nowMillis();
        for (Iterator<Map.Entry<String, Long>> it = expires.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Long> e = it.next();
            if (e.getValue() <= now) {
                data.remove(e.getKey());
                it.remove();
            }
        }
    }

    int size() {
        sweep();
        return data.size();
    }

    List<String> keys(byte[] pattern) {
        sweep();
        List<String> matched = new ArrayList<>();
        for (String k : data.keySet()) {
            if (Glob.matches(pattern, 0, k, 0)) {
                matched.add(k);
            }
        }
        return matched;
    }

    void clear() {
        data.clear();
        expires.clear();
    }
}
