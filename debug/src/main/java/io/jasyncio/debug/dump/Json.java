/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.dump;

import java.util.List;
import java.util.Locale;

/** A small JSON writer: objects, arrays, strings, numbers, booleans; commas placed by itself. */
final class Json {
    private final StringBuilder sb = new StringBuilder();
    private boolean needComma;

    Json open(char c) {
        comma();
        sb.append(c);
        needComma = false;
        return this;
    }

    Json close(char c) {
        sb.append(c);
        needComma = true;
        return this;
    }

    Json key(String k) {
        comma();
        quote(k);
        sb.append(':');
        needComma = false;
        return this;
    }

    Json str(String s) {
        comma();
        if (s == null) {
            sb.append("null");
        } else {
            quote(s);
        }
        needComma = true;
        return this;
    }

    Json num(double d) {
        comma();
        sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.6f", d) : "null");
        needComma = true;
        return this;
    }

    Json num(long n) {
        comma();
        sb.append(n);
        needComma = true;
        return this;
    }

    Json bool(boolean b) {
        comma();
        sb.append(b);
        needComma = true;
        return this;
    }

    Json strs(List<String> list) {
        open('[');
        for (String s : list) {
            str(s);
        }
        return close(']');
    }

    private void comma() {
        if (needComma) {
            sb.append(',');
        }
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
