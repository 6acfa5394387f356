/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

/** Checks that a text is one well-formed JSON value (RFC 8259), or throws AssertionError naming the offset. */
final class JsonCheck {
    private final String s;
    private int i;

    private JsonCheck(String s) {
        this.s = s;
    }

    static void validate(String json) {
        JsonCheck c = new JsonCheck(json);
        c.value();
        c.ws();
        if (c.i != json.length()) {
            c.fail("trailing text");
        }
    }

    private void fail(String what) {
        throw new AssertionError(what + " at offset " + i + " in " + s);
    }

    private void ws() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private void expect(char c) {
        ws();
        if (i >= s.length() || s.charAt(i) != c) {
            fail("expected '" + c + "'");
        }
        i++;
    }

    private void value() {
        ws();
        if (i >= s.length()) {
            fail("unexpected end");
        }
        char c = s.charAt(i);
        if (c == '{') {
            i++;
            ws();
            if (s.charAt(i) == '}') {
                i++;
                return;
            }
            do {
                ws();
                string();
                expect(':');
                value();
                ws();
            } while (s.charAt(i++) == ',');
            i--;
            expect('}');
        } else if (c == '[') {
            i++;
            ws();
            if (s.charAt(i) == ']') {
                i++;
                return;
            }
            do {
                value();
                ws();
            } while (s.charAt(i++) == ',');
            i--;
            expect(']');
        } else if (c == '"') {
            string();
        } else if (s.startsWith("true", i) || s.startsWith("null", i)) {
            i += 4;
        } else if (s.startsWith("false", i)) {
            i += 5;
        } else {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            try {
                Double.parseDouble(s.substring(start, i));
            } catch (NumberFormatException e) {
                fail("bad value");
            }
        }
    }

    private void string() {
        if (s.charAt(i) != '"') {
            fail("expected a string");
        }
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i);
            if (c < 0x20) {
                fail("control character in string");
            }
            if (c == '\\') {
                i++;
                if ("\"\\/bfnrtu".indexOf(s.charAt(i)) < 0) {
                    fail("bad escape");
                }
            }
            i++;
        }
        if (i >= s.length()) {
            fail("unterminated string");
        }
        i++;
    }
}
