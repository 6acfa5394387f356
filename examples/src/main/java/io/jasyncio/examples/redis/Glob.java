/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.redis;

/** redis's glob ({@code stringmatchlen}) for KEYS: {@code *}, {@code ?}, {@code [abc]}, {@code [a-z]},
 *  {@code [^a]}, and {@code \} to escape. */
final class Glob {
    private Glob() {
    }

    static boolean matches(byte[] p, int pi, String s, int si) {
        while (pi < p.length) {
            char c = (char) (p[pi] & 0xff);
            switch (c) {
                case '*' -> {
                    while (pi + 1 < p.length && p[pi + 1] == '*') {
                        pi++;
                    }
                    for (int k = si; k <= s.length(); k++) {
                        if (matches(p, pi + 1, s, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (si == s.length()) {
                        return false;
                    }
                    si++;
                }
                case '[' -> {
                    if (si == s.length()) {
                        return false;
                    }
                    pi++;
                    boolean not = pi < p.length && p[pi] == '^';
                    if (not) {
                        pi++;
                    }
                    boolean match = false;
                    char sc = s.charAt(si);
                    while (pi < p.length && p[pi] != ']') {
                        if (p[pi] == '\\' && pi + 1 < p.length) {
                            pi++;
                            match |= (p[pi] & 0xff) == sc;
                        } else if (pi + 2 < p.length && p[pi + 1] == '-') {
                            int lo = Math.min(p[pi] & 0xff, p[pi + 2] & 0xff);
                            int hi = Math.max(p[pi] & 0xff, p[pi + 2] & 0xff);
                            match |= sc >= lo && sc <= hi;
                            pi += 2;
                        } else {
                            match |= (p[pi] & 0xff) == sc;
                        }
                        pi++;
                    }
                    if (match == not) {
                        return false;
                    }
                    si++;
                }
                default -> {
                    if (c == '\\' && pi + 1 < p.length) {
                        pi++;
                        c = (char) (p[pi] & 0xff);
                    }
                    if (si == s.length() || s.charAt(si) != c) {
                        return false;
                    }
                    si++;
                }
            }
            pi++;
        }
        return si == s.length();
    }
}
