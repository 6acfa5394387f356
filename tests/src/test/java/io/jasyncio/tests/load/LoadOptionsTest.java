/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.load.LoadOptions;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    private static void refused(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should say '" + expected + "'");
    }

    @Test
    void defaults() {
        LoadOptions o = LoadOptions.parse("--target", "127.0.0.1:8888");
        assertEquals("127.0.0.1", o.host());
        assertEquals(8888, o.port());
        assertEquals("echo", o.protocol());
        assertEquals(10, o.connections());
        assertEquals(10_000_000_000L, o.durationNanos());
        assertEquals(0, o.warmupNanos());
        assertFalse(o.fixedRate());
        assertEquals(1024, o.size());
        assertEquals(1, o.pipeline());
        assertEquals(1, o.loops());
        assertFalse(o.json());
        assertTrue(o.progress());
    }

    @Test
    void everyOption() {
        LoadOptions o = LoadOptions.parse("--target", "[::1]:6380", "--protocol", "REDIS", "--connections", "50",
                "--duration", "500ms", "--warmup", "2m", "--rate", "1e4", "--size", "100", "--pipeline", "16",
                "--loops", "2", "--command", "set", "--json", "--quiet", "--server-pid", "42", "--transport", "nio");
        assertEquals("::1", o.host());
        assertEquals(6380, o.port());
        assertEquals("redis", o.protocol());
        assertEquals(50, o.connections());
        assertEquals(500_000_000L, o.durationNanos());
        assertEquals(120_000_000_000L, o.warmupNanos());
        assertTrue(o.fixedRate());
        assertEquals(10_000.0, o.rate());
        assertEquals(100, o.size());
        assertEquals(16, o.pipeline());
        assertEquals(2, o.loops());
        assertEquals("set", o.command());
        assertTrue(o.json());
        assertFalse(o.progress());
        assertEquals(42, o.serverPid());
        assertEquals("nio", o.transport());
        assertEquals("redis SET 100 B", o.workload());
    }

    @Test
    void sizeDefaultsByProtocol() {
        assertEquals(3, LoadOptions.parse("--target", "h:1", "--protocol", "redis").size());
        assertEquals(1.5e9, LoadOptions.parse("--target", "h:1", "--duration", "1.5s").durationNanos(), 1);
        assertEquals(7e9, LoadOptions.parse("--target", "h:1", "--duration", "7").durationNanos(), 1);
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        refused("--target HOST:PORT is required");
        refused("--target must be HOST:PORT, not 'localhost'", "--target", "localhost");
        refused("--target must be HOST:PORT", "--target", "localhost:");
        refused("--target's port must be a whole number, not 'http'", "--target", "localhost:http");
        refused("port must be 1 to 65535, not 70000", "--target", "h:70000");
        refused("--protocol must be echo, redis or http, not 'smtp'", "--target", "h:1", "--protocol", "smtp");
        refused("--connections must be a whole number, not 'ten'", "--target", "h:1", "--connections", "ten");
        refused("--connections must be 1 or more, not 0", "--target", "h:1", "--connections", "0");
        refused("--duration must be a time such as 10, 10s, 500ms or 2m, not '5 minutes'", "--target", "h:1",
                "--duration", "5 minutes");
        refused("--duration must be more than 0", "--target", "h:1", "--duration", "0");
        refused("--warmup must be a time", "--target", "h:1", "--warmup", "-1");
        refused("--rate must be a number, not 'fast'", "--target", "h:1", "--rate", "fast");
        refused("--rate must be 0 or more", "--target", "h:1", "--rate", "-5");
        refused("--size must be 1 or more, not 0", "--target", "h:1", "--size", "0");
        refused("--pipeline must be 1 or more, not -1", "--target", "h:1", "--pipeline", "-1");
        refused("--loops must be 1 or more, not 0", "--target", "h:1", "--loops", "0");
        refused("--command must be ping, set or get, not 'del'", "--target", "h:1", "--command", "del");
        refused("--path must start with /", "--target", "h:1", "--path", "index.html");
        refused("unknown option '--conections'", "--target", "h:1", "--conections", "5");
        refused("unknown option '--verbose'", "--target", "h:1", "--verbose");
        refused("--connections needs a value", "--target", "h:1", "--connections");
    }
}
